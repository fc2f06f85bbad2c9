package org.relocation.inbound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.relocation.quote.QuoteAnswer;
import org.relocation.quote.QuoteAnswered;
import org.relocation.vendor.Signatures;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * Vendors answer quote requests here (temporary housing, household shipments, destination services), signed like their order callbacks ({@link CallbackVerifier}: 413, 401,
 * then the nonce, 409 on replay): unknown quote 404, quote no longer open 409, malformed 400; none changes anything.
 */
@RestController
@RequestMapping("/api/vendor-callbacks")
@Tag(name = "Vendor callbacks", description = "Signed answers of counsel, housing and moving vendors")
class QuoteCallbackController {

    private final SignedCallbacks callbacks;
    private final QuoteCallbackCorrelation correlation;

    QuoteCallbackController(SignedCallbacks callbacks, QuoteCallbackCorrelation correlation) {
        this.callbacks = callbacks;
        this.correlation = correlation;
    }

    @PostMapping("/{vendor}/quotes")
    @Operation(operationId = "receiveQuoteCallback", summary = "Answer a quote request: QUOTED (price for the whole item asked: stay, shipment or service; currency, terms) or DECLINED (with note)",
            description = "{vendor}: the registered vendor's code the quote request went to; signed with its secret exactly like "
                    + "/api/vendor-callbacks/{vendor} (" + Signatures.HEADER + ", " + Signatures.TIMESTAMP_HEADER + ", "
                    + Signatures.NONCE_HEADER + "; docs/operations.md, \"Vendor callbacks\").",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = QuoteAnswer.class))))
    @SignedCallbackHeaders
    @ApiResponse(responseCode = "202", description = "Accepted: the quote is recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A malformed answer, naming what is wrong")
    @ApiResponse(responseCode = "401", description = "A missing, malformed or bad signature, or a timestamp too far off")
    @ApiResponse(responseCode = "404", description = "Unknown quote reference, or a quote of another vendor")
    @ApiResponse(responseCode = "409", description = "Replayed nonce, quote no longer open (answered, expired, chosen), or the case not waiting yet (retry)")
    @ApiResponse(responseCode = "413", description = "A body over the limit (64 KiB by default), never read further")
    ResponseEntity<Accepted> quote(@PathVariable String vendor, HttpServletRequest request) {
        QuoteAnswered answered = callbacks.accept(vendor, request, QuoteAnswer.class,
                "is not a valid quote answer (reference, status, price, currency, terms, note)", correlation::accept);
        return ResponseEntity.accepted().body(new Accepted(answered.caseNumber(), answered.status(), answered.allAnswered()));
    }

    /** The case the quote is for, the quote's status now, and whether every quote of the request is answered. */
    @Schema(name = "QuoteCallbackAccepted")
    record Accepted(@Schema(example = "RC-2026-000123") String caseNumber,
                    @Schema(allowableValues = {"RECEIVED", "DECLINED"}) String status, boolean allAnswered) {
    }
}
