package org.relocation.tax;

import org.relocation.relocationcase.AssignmentDatesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The tax returns follow a changed assignment: once the change of dates is committed, {@link TaxProviderOrders#assignmentChanged}
 * orders the returns of the tax years now inside it and withdraws the filing deadlines of those no longer inside it
 * (only for a case whose returns were ordered already). Each step commits on its own; a failure (a vendor down) is
 * logged without details and the returns follow at the case's next date change or a new {@code order-tax-returns} task.
 */
@Component
class TaxReturnsFollowAssignment {

    private static final Logger log = LoggerFactory.getLogger(TaxReturnsFollowAssignment.class);

    private final TaxProviderOrders orders;

    TaxReturnsFollowAssignment(TaxProviderOrders orders) {
        this.orders = orders;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void assignmentChanged(AssignmentDatesChanged e) {
        try {
            orders.assignmentChanged(e.caseId());
        } catch (RuntimeException ex) {
            log.warn("Case {}: the tax returns could not follow the new assignment dates ({})", e.caseId(), ex.getClass().getSimpleName());
        }
    }
}
