package org.relocation.expense;

import org.relocation.platform.NotFoundException;

/** No such claim on the case: 404. */
public class ExpenseClaimNotFoundException extends NotFoundException {
    ExpenseClaimNotFoundException(Long caseId, Long claimId) {
        super("No expense claim " + claimId + " in case " + caseId);
    }
}
