package org.relocation.immigration;

import java.util.Map;

/**
 * A step refused because checklist documents have no acceptable file: the employee confirming the documents
 * provided, or the specialist declaring them valid. Carries the refused form field and the problem in plain words
 * (document types and whose they are, never personal data), for a 400 naming the field.
 */
public class DocumentsIncompleteException extends IllegalStateException {

    private final transient Map<String, String> fieldErrors;

    DocumentsIncompleteException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Form field → problem. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
