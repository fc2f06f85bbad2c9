package org.relocation.expense;

/** A claim the case's policy or state refuses (a lump-sum package, a case not running): a sentence, nothing written. */
public class ExpenseClaimRefusedException extends RuntimeException {
    ExpenseClaimRefusedException(String message) {
        super(message);
    }
}
