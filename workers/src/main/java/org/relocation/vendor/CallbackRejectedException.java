package org.relocation.vendor;

/** A callback that must change nothing: unknown order, answered twice, or not a valid answer. */
public class CallbackRejectedException extends RuntimeException {

    public enum Reason { UNKNOWN_ORDER, ALREADY_ANSWERED, INVALID }

    private final Reason reason;

    public CallbackRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
