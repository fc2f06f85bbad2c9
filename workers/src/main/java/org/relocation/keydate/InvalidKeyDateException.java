package org.relocation.keydate;

import java.util.Map;

/** A key date the API refuses: each bad field with its reason; nothing was written. */
public class InvalidKeyDateException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidKeyDateException(Map<String, String> fieldErrors) {
        super("Invalid key date: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
