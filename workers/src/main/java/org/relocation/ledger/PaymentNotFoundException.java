package org.relocation.ledger;

import org.relocation.platform.NotFoundException;

/** No payment with this id (or not of the case named). */
public class PaymentNotFoundException extends NotFoundException {

    public PaymentNotFoundException(Long id) {
        super("Payment " + id + " not found");
    }
}
