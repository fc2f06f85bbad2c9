package org.relocation.immigration;

import org.relocation.platform.form.SubmissionRefusedException;

import java.util.Map;

/**
 * A step refused because checklist documents have no acceptable file: the employee confirming the documents
 * provided, or the specialist declaring them valid. Carries the refused form field and the problem in plain words
 * (document types and whose they are, never personal data), for a 400 naming the field.
 */
public class DocumentsIncompleteException extends SubmissionRefusedException {

    DocumentsIncompleteException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
