package org.relocation.policyexception;

import java.util.Map;

/** A policy-exception request or decision refused: each bad field with its reason; nothing was written. */
public class InvalidPolicyExceptionException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidPolicyExceptionException(Map<String, String> fieldErrors) {
        super("Invalid policy exception: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
