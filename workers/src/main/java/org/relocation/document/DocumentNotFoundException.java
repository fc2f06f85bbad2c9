package org.relocation.document;

/** No such case, no such document, the document belongs to another case, or it has no file yet: one answer for all, so nothing leaks. */
public class DocumentNotFoundException extends RuntimeException {
    public DocumentNotFoundException(String message) {
        super(message);
    }
}
