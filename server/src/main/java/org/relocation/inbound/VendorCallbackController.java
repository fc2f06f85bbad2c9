package org.relocation.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.platform.web.BadRequestException;
import org.relocation.vendor.AcceptedCallback;
import org.relocation.vendor.CallbackRejectedException;
import org.relocation.vendor.Signatures;
import org.relocation.vendor.VendorCallback;
import org.relocation.vendor.VendorProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * Vendors answer orders here. A vendor authenticates by signing the raw body with its shared secret
 * (header X-Relocation-Signature: sha256=&lt;hex HMAC&gt;). Bad signature: 401; unknown order: 404;
 * already answered: 409; malformed: 400. None of these changes anything.
 */
@RestController
@RequestMapping("/api/vendor-callbacks")
@Tag(name = "Vendor callbacks", description = "Signed answers of counsel, housing and moving vendors")
class VendorCallbackController {

    private final VendorProperties vendors;
    private final CallbackCorrelation correlation;
    private final ObjectMapper json;

    VendorCallbackController(VendorProperties vendors, CallbackCorrelation correlation, ObjectMapper json) {
        this.vendors = vendors;
        this.correlation = correlation;
        this.json = json;
    }

    @PostMapping("/{vendor}")
    @Operation(summary = "Answer an order: CONFIRMED (housing, moving); immigration counsel SUBMITTED, INFO_REQUESTED (with note), APPROVED (with permitNumber, validFrom, validUntil) or REFUSED (with note)")
    ResponseEntity<?> callback(@PathVariable String vendor, @RequestBody byte[] body,
                               @RequestHeader(name = Signatures.HEADER, required = false) String signature) {
        VendorProperties.Endpoint endpoint = vendors.getEndpoints().get(vendor);
        if (endpoint == null || endpoint.getSecret() == null || endpoint.getSecret().isBlank()
                || !Signatures.verify(body, endpoint.getSecret(), signature)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Missing or bad signature");
            p.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
        }
        VendorCallback callback;
        try {
            callback = json.readValue(body, VendorCallback.class);
        } catch (IOException e) {
            throw new BadRequestException(Map.of("body", "is not a valid callback (reference, status, vendorReference, costAmount, costCurrency, permitNumber, validFrom, validUntil, note)"));
        }
        AcceptedCallback accepted;
        try {
            accepted = correlation.accept(vendor, callback);
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
}
