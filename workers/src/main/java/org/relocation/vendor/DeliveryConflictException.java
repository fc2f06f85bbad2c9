package org.relocation.vendor;

/** A delivery that cannot be confirmed now (already confirmed, or the order is not confirmed by its vendor): 409. */
public class DeliveryConflictException extends RuntimeException {

    public DeliveryConflictException(String message) {
        super(message);
    }
}
