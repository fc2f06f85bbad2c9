package org.relocation.ledger;

/**
 * A payment or a move of one refused by a rule (a policy cap, a lump-sum package, the budget, a status that does not
 * allow it, segregation of duties): the message is a sentence saying which rule, naming the cap or the budget; nothing
 * was written. The API answers 409.
 */
public class PaymentRefusedException extends RuntimeException {

    /** Which rule refused it. */
    public enum Reason { POLICY_CAP, LUMP_SUM, BUDGET, NO_APPROVED_ESTIMATE, NO_POLICY_DECISION, TRANSITION, SEGREGATION_OF_DUTIES }

    private final Reason reason;

    public PaymentRefusedException(Reason reason, String sentence) {
        super(sentence);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
