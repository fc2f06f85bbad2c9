package org.relocation.inbound;

import org.springframework.http.HttpStatus;

/** A callback refused before (or instead of) its effect: the status, a short title and a detail for the vendor. */
class CallbackRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    CallbackRefusedException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
