package org.relocation.document;

/** The requester may not touch this document; the refusal is already in the document's access log. */
public class DocumentAccessDeniedException extends RuntimeException {
    public DocumentAccessDeniedException() {
        super("You may not access this document");
    }
}
