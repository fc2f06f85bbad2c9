package org.relocation.keydate.web;

import org.relocation.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No key date with that id (or none the caller may see): 404 problem details. */
class KeyDateNotFoundException extends RuntimeException {

    KeyDateNotFoundException(long id) {
        super("No key date " + id);
    }

    /** Another thing of the key-date API that is not there (never naming a secret such as a feed token). */
    KeyDateNotFoundException(String message) {
        super(message);
    }

    @RestControllerAdvice(basePackageClasses = KeyDateController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Handler {

        @ExceptionHandler(KeyDateNotFoundException.class)
        ProblemDetail notFound(KeyDateNotFoundException e) {
            ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
            return p;
        }
    }
}
