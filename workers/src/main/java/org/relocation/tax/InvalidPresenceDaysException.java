package org.relocation.tax;

import java.util.Map;

/** Presence days refused: each bad field with its reason; nothing was written. */
public class InvalidPresenceDaysException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidPresenceDaysException(Map<String, String> fieldErrors) {
        super("Invalid presence days: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
