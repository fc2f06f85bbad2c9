package org.relocation.ledger;

/** How a payment reaches its payee: through payroll (taxable, with the salary) or accounts payable (an invoice, a transfer). */
public enum PaymentRoute {
    PAYROLL, ACCOUNTS_PAYABLE;

    /** The usual route: taxable payments go through payroll, the others through accounts payable. */
    public static PaymentRoute forTaxable(boolean taxable) {
        return taxable ? PAYROLL : ACCOUNTS_PAYABLE;
    }
}
