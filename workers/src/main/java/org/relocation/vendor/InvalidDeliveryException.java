package org.relocation.vendor;

import java.util.Map;

/** A delivery confirmation refused: each bad field with its reason; nothing was written. */
public class InvalidDeliveryException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidDeliveryException(Map<String, String> fieldErrors) {
        super("Invalid delivery confirmation: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
