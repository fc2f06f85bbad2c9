package org.relocation.tax;

import java.util.Map;

/**
 * A load of tax tables refused: each bad field (e.g. {@code tables[1].brackets[2].rate}) with its reason; nothing was
 * written. The message names the fields only, never an amount.
 */
public class InvalidTaxTablesException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidTaxTablesException(Map<String, String> fieldErrors) {
        super("Invalid tax tables: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
