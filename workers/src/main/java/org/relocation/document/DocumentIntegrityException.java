package org.relocation.document;

/** A stored file could not be decrypted or does not match its recorded digest: a server-side problem, never bad input. */
public class DocumentIntegrityException extends RuntimeException {
    public DocumentIntegrityException(String message) {
        super(message);
    }
}
