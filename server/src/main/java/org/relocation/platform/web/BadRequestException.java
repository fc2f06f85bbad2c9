package org.relocation.platform.web;

import java.util.Map;

/** Bad input on a request parameter or body: 400 with each field named. */
public class BadRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public BadRequestException(Map<String, String> fieldErrors) {
        super("Invalid request: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
