package org.relocation.ledger;

/**
 * Which way a payment's money goes: OUTGOING, paid by the company (to the employee or a vendor); INCOMING, recovered by
 * the company from the employee (a payroll deduction, {@link PaymentKind#RECOVERY}). Amounts are always positive; the
 * direction gives the sign in the ledger's figures (an incoming payment counts negative).
 */
public enum PaymentDirection {
    OUTGOING, INCOMING;

    /** +1 for outgoing, -1 for incoming: the sign of the payment in committed, actual and chargeback figures. */
    public int sign() {
        return this == INCOMING ? -1 : 1;
    }
}
