package org.relocation.inbound;

import org.relocation.platform.web.Problems;
import org.relocation.vendor.CallbackRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A vendor callback the vendor feature refused: 404 unknown order, 409 already answered, 400 invalid; problem details. */
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
}
