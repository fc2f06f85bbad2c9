package org.relocation.payroll;

import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorAnswerReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The payroll provider's signed answer (a vendor callback on a PAYROLL_INSTRUCTION order) recorded on the case's
 * instruction awaiting it, in the callback's transaction: confirmed, or rejected with the provider's note.
 */
@Component
class PayrollProviderAnswers {

    private final PayrollInstructions instructions;

    PayrollProviderAnswers(PayrollInstructions instructions) {
        this.instructions = instructions;
    }

    @EventListener
    void on(VendorAnswerReceived answer) {
        if (answer.serviceType() != ServiceType.PAYROLL_INSTRUCTION) {
            return;
        }
        instructions.providerAnswered(answer.caseId(), answer.answer() == ServiceOrder.Status.CONFIRMED, answer.note());
    }
}
