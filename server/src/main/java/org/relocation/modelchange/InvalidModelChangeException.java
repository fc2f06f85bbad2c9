package org.relocation.modelchange;

/** A change the server cannot take as sent (no files, a file of an unknown kind, no comment): 400 naming the field. */
public class InvalidModelChangeException extends RuntimeException {

    private final String field;

    public InvalidModelChangeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request's field: {@code files} or {@code comment}. */
    public String getField() {
        return field;
    }
}
