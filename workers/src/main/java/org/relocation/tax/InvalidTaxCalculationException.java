package org.relocation.tax;

import java.util.Map;

/**
 * The input of a calculation is unusable: each bad field (e.g. {@code hypotheticalTaxWithheld}) with its reason. The
 * message names the fields only, never an amount or a salary.
 */
public class InvalidTaxCalculationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidTaxCalculationException(Map<String, String> fieldErrors) {
        super("Invalid tax calculation input: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
