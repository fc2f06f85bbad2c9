package org.relocation.inbound;

import org.relocation.platform.web.Problems;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(operationId = "receiveVendorCallback", summary = "Answer an order: CONFIRMED (housing and moving also REFUSED with note); immigration counsel SUBMITTED, INFO_REQUESTED (with note), APPROVED (with permitNumber, validFrom, validUntil) or REFUSED (with note)",
            description = "{vendor}: the registered vendor's code, or the configured endpoint's name, the order went to; signed with its secret. "
                    + "Signed: " + Signatures.HEADER + ": sha256=<hex HMAC-SHA256 of \"<timestamp>.<nonce>.<body>\" with the vendor's secret>, "
                    + Signatures.TIMESTAMP_HEADER + ": epoch seconds (within 5 minutes of the server's clock by default), "
                    + Signatures.NONCE_HEADER + ": 16-128 characters [A-Za-z0-9_-], used once. Body at most 64 KiB by default (413).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = VendorCallback.class))),
            parameters = {
                    // the timestamp is signed as sent: a string of digits, not a number a client may reformat
                    @Parameter(in = ParameterIn.HEADER, name = Signatures.TIMESTAMP_HEADER, required = true, description = "Epoch seconds",
                            schema = @Schema(type = "string", pattern = "^[0-9]{1,12}$")),
                    @Parameter(in = ParameterIn.HEADER, name = Signatures.NONCE_HEADER, required = true, description = "Used once",
                            schema = @Schema(type = "string", pattern = "^[A-Za-z0-9_-]{16,128}$")),
                    @Parameter(in = ParameterIn.HEADER, name = Signatures.HEADER, required = true,
                            description = "sha256= and the hex HMAC-SHA256 of \"<timestamp>.<nonce>.<body>\" with the vendor's secret",
                            schema = @Schema(type = "string", pattern = "^sha256=[0-9a-fA-F]{64}$"))})
    @ApiResponse(responseCode = "202", description = "Accepted: the case moves on", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "A missing, malformed or bad signature, or a timestamp too far off")
    @ApiResponse(responseCode = "404", description = "Unknown order reference")
    @ApiResponse(responseCode = "409", description = "The nonce was used before (Callback replayed), the order was already answered, or a concurrent change (retry with a new nonce)")
    @ApiResponse(responseCode = "413", description = "A body over the limit (64 KiB by default), never read further")
    ResponseEntity<Accepted> callback(@PathVariable String vendor, HttpServletRequest request) {
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
        return ResponseEntity.accepted().body(new Accepted(accepted.caseNumber(), accepted.answer().name(), accepted.messageName()));
    }

    /** The case the answer moved on, the answer, and the message it gave the case's process (absent when none). */
    @Schema(name = "CallbackAccepted")
    record Accepted(String caseNumber, String status,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String message) {
    }

    @ExceptionHandler(CallbackRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CallbackRefusedException e) {
        ProblemDetail p = Problems.of(e.status(), e.title(), e.getMessage());
        return ResponseEntity.status(e.status()).body(p);
    }
}
