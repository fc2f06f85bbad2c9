package org.relocation.document;

/** The uploaded file is empty, too large or not an accepted type; the message completes "file ...". Nothing was written. */
public class InvalidDocumentFileException extends RuntimeException {
    public InvalidDocumentFileException(String message) {
        super(message);
    }
}
