package org.relocation.ledger;

import java.util.Map;

/** A payment asked with bad fields: each named with what is wrong; nothing was written. The API answers 400. */
public class InvalidPaymentException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidPaymentException(Map<String, String> fieldErrors) {
        super("Invalid payment: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
