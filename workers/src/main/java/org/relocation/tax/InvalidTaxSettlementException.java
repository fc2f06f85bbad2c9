package org.relocation.tax;

import java.util.Map;

/** A settlement entry with bad fields (field → sentence, never an amount): nothing was written (API: 400). */
public class InvalidTaxSettlementException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidTaxSettlementException(Map<String, String> fieldErrors) {
        super("Invalid tax settlement: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
