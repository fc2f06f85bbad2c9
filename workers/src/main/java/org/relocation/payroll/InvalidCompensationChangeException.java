package org.relocation.payroll;

import java.util.Map;

/** Bad fields of a compensation change: field → sentence (the API's 400); never an amount. */
public class InvalidCompensationChangeException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidCompensationChangeException(Map<String, String> fieldErrors) {
        super("Invalid compensation change: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
