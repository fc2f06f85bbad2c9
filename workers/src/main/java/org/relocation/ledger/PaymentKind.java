package org.relocation.ledger;

/** Where a mobility payment comes from, and which way the money goes ({@link #direction()}). */
public enum PaymentKind {
    /** One due date of an allowance schedule (a payroll instruction's allowance: amount, frequency, start, end). */
    ALLOWANCE,
    /** A single payment recorded by the specialist or finance (a relocation allowance paid once, a correction). */
    ONE_OFF,
    /** A vendor's cost for a service order (reported with its answer), paid through accounts payable. */
    VENDOR_INVOICE,
    /** An expense the employee paid and the company pays back (an approved expense claim). */
    REIMBURSEMENT,
    /**
     * Money the employee owes the company (a tax-equalisation settlement owed by the employee), deducted through
     * payroll: incoming. It reduces committed and actual spend, never counts as spending, and uses no policy cap.
     */
    RECOVERY;

    /** OUTGOING: the company pays; INCOMING: the company recovers the amount from the employee. */
    public PaymentDirection direction() {
        return this == RECOVERY ? PaymentDirection.INCOMING : PaymentDirection.OUTGOING;
    }
}
