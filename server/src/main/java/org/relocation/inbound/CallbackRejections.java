package org.relocation.inbound;

import org.relocation.platform.web.Problems;
import org.relocation.vendor.CallbackRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A vendor callback refused, as problem details: by the vendor feature (404 unknown order, 409 already answered, 400
 * invalid), or before its effect by the inbound checks ({@link CallbackRefusedException}: 401, 409 replay, 413).
 */
@RestControllerAdvice(basePackages = "org.relocation")
class CallbackRejections {

    @ExceptionHandler(CallbackRejectedException.class)
    ProblemDetail callbackRejected(CallbackRejectedException e) {
        HttpStatus status = switch (e.getReason()) {
            case UNKNOWN_ORDER -> HttpStatus.NOT_FOUND;
            case ALREADY_ANSWERED -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return Problems.of(status, "Callback rejected", e.getMessage());
    }

    @ExceptionHandler(CallbackRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CallbackRefusedException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.title(), e.getMessage()));
    }
}
