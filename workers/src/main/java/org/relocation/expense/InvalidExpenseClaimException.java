package org.relocation.expense;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bad fields of a claim (field → sentence); nothing was written, no receipt stored. */
public class InvalidExpenseClaimException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidExpenseClaimException(Map<String, String> fieldErrors) {
        super("Invalid expense claim: " + String.join(", ", fieldErrors.keySet()));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }
}
