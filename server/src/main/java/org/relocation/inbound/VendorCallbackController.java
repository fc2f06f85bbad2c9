package org.relocation.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.relocation.platform.web.BadRequestException;
import org.relocation.vendor.AcceptedCallback;
import org.relocation.vendor.CallbackRejectedException;
import org.relocation.vendor.Signatures;
import org.relocation.vendor.VendorCallback;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * Vendors answer orders here, anonymously: a callback authenticates by its signature. {@link CallbackVerifier}
 * checks size (413), headers, freshness and signature (401) before the body is parsed; the nonce is consumed with
 * the effect (replay: 409). Then: unknown order 404; already answered 409; malformed 400. None of these changes
 * anything. How a vendor signs: docs/operations.md, "Vendor callbacks".
 */
@RestController
@RequestMapping("/api/vendor-callbacks")
@Tag(name = "Vendor callbacks", description = "Signed answers of counsel, housing and moving vendors")
class VendorCallbackController {

    private final CallbackVerifier verifier;
    private final CallbackCorrelation correlation;
    private final ObjectMapper json;

    VendorCallbackController(CallbackVerifier verifier, CallbackCorrelation correlation, ObjectMapper json) {
        this.verifier = verifier;
        this.correlation = correlation;
        this.json = json;
    }

    @PostMapping("/{vendor}")
    @Operation(summary = "Answer an order: CONFIRMED (housing, moving); immigration counsel SUBMITTED, INFO_REQUESTED (with note), APPROVED (with permitNumber, validFrom, validUntil) or REFUSED (with note)",
            description = "Signed: " + Signatures.HEADER + ": sha256=<hex HMAC-SHA256 of \"<timestamp>.<nonce>.<body>\" with the vendor's secret>, "
                    + Signatures.TIMESTAMP_HEADER + ": epoch seconds (within 5 minutes of the server's clock by default), "
                    + Signatures.NONCE_HEADER + ": 16-128 characters [A-Za-z0-9_-], used once. Body at most 64 KiB by default (413).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = VendorCallback.class))),
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = Signatures.TIMESTAMP_HEADER, required = true),
                    @Parameter(in = ParameterIn.HEADER, name = Signatures.NONCE_HEADER, required = true),
                    @Parameter(in = ParameterIn.HEADER, name = Signatures.HEADER, required = true)})
    ResponseEntity<Map<String, Object>> callback(@PathVariable String vendor, HttpServletRequest request) {
        CallbackVerifier.SignedCallback signed = verifier.verify(vendor, request);
        VendorCallback callback;
        try {
            callback = json.readValue(signed.body(), VendorCallback.class);
        } catch (IOException e) {
            throw new BadRequestException(Map.of("body", "is not a valid callback (reference, status, vendorReference, costAmount, costCurrency, permitNumber, validFrom, validUntil, note)"));
        }
        AcceptedCallback accepted;
        try {
            accepted = correlation.accept(signed, callback);
        } catch (org.springframework.dao.ConcurrencyFailureException | org.springframework.dao.DataIntegrityViolationException
                 | org.operaton.bpm.engine.OptimisticLockingException e) {
            // a concurrent step of the same case won at commit: nothing was recorded, the vendor retries
            throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                    "The case changed concurrently; nothing was recorded, retry later");
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("caseNumber", accepted.caseNumber());
        answer.put("status", accepted.answer().name());
        if (accepted.messageName() != null) {
            answer.put("message", accepted.messageName());
        }
        return ResponseEntity.accepted().body(answer);
    }

    @ExceptionHandler(CallbackRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CallbackRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setTitle(e.title());
        return ResponseEntity.status(e.status()).body(p);
    }
}
