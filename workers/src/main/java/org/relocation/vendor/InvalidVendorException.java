package org.relocation.vendor;

import java.util.Map;

/** A vendor registration or change refused: each bad field with its reason; nothing was written. */
public class InvalidVendorException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidVendorException(Map<String, String> fieldErrors) {
        super("Invalid vendor: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
