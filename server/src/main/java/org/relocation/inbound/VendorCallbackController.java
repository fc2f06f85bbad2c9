package org.relocation.inbound;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.relocation.vendor.AcceptedCallback;
import org.relocation.vendor.Signatures;
import org.relocation.vendor.VendorCallback;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


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

    private final SignedCallbacks callbacks;
    private final CallbackCorrelation correlation;

    VendorCallbackController(SignedCallbacks callbacks, CallbackCorrelation correlation) {
        this.callbacks = callbacks;
        this.correlation = correlation;
    }

    @PostMapping("/{vendor}")
    @Operation(operationId = "receiveVendorCallback", summary = "Answer an order: CONFIRMED (housing and moving also REFUSED with note); immigration counsel SUBMITTED, INFO_REQUESTED (with note), APPROVED (with permitNumber, validFrom, validUntil) or REFUSED (with note)",
            description = "{vendor}: the registered vendor's code, or the configured endpoint's name, the order went to; signed with its secret. "
                    + "Signed: " + Signatures.HEADER + ": sha256=<hex HMAC-SHA256 of \"<timestamp>.<nonce>.<body>\" with the vendor's secret>, "
                    + Signatures.TIMESTAMP_HEADER + ": epoch seconds (within 5 minutes of the server's clock by default), "
                    + Signatures.NONCE_HEADER + ": 16-128 characters [A-Za-z0-9_-], used once. Body at most 64 KiB by default (413).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = VendorCallback.class))))
    @SignedCallbackHeaders
    @ApiResponse(responseCode = "202", description = "Accepted: the case moves on", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "A missing, malformed or bad signature, or a timestamp too far off")
    @ApiResponse(responseCode = "404", description = "Unknown order reference")
    @ApiResponse(responseCode = "409", description = "The nonce was used before (Callback replayed), the order was already answered, or a concurrent change (retry with a new nonce)")
    @ApiResponse(responseCode = "413", description = "A body over the limit (64 KiB by default), never read further")
    ResponseEntity<Accepted> callback(@PathVariable String vendor, HttpServletRequest request) {
        AcceptedCallback accepted = callbacks.accept(vendor, request, VendorCallback.class,
                "is not a valid callback (reference, status, vendorReference, costAmount, costCurrency, permitNumber, validFrom, validUntil, note)",
                correlation::accept);
        return ResponseEntity.accepted().body(new Accepted(accepted.caseNumber(), accepted.answer().name(), accepted.messageName()));
    }

    /** The case the answer moved on, the answer, and the message it gave the case's process (absent when none). */
    @Schema(name = "CallbackAccepted")
    record Accepted(String caseNumber, String status,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String message) {
    }
}
