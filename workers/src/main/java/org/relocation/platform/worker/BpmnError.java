package org.relocation.platform.worker;

/** A business outcome the model handles with a boundary error event; the message must hold no personal data. */
public class BpmnError extends RuntimeException {

    private final String errorCode;

    public BpmnError(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String getErrorCode() {
        return errorCode;
    }
}
