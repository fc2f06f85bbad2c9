package org.relocation.relocationcase;

import java.util.Map;

/** An intake with bad fields; the message names fields only, never their (possibly personal) values. */
public class InvalidIntakeException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidIntakeException(Map<String, String> fieldErrors) {
        super("Invalid intake: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
