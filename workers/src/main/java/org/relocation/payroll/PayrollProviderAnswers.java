package org.relocation.payroll;

import org.relocation.vendor.ProviderAnswerRouting;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorAnswerReceived;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A payroll provider's signed answer (a vendor callback on a PAYROLL_INSTRUCTION order) recorded on the order of its
 * payroll, in the callback's transaction; the process hears {@code confirmed} once every payroll's provider confirmed the
 * version, {@code rejected} as soon as one refused, and nothing while others are awaited
 * ({@link PayrollInstructions#providerAnswered(Long, String, boolean, String)}).
 */
@Component
class PayrollProviderAnswers implements ProviderAnswerRouting {

    private final PayrollInstructions instructions;

    PayrollProviderAnswers(PayrollInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public ServiceType serviceType() {
        return ServiceType.PAYROLL_INSTRUCTION;
    }

    @Override
    public Optional<String> outcome(VendorAnswerReceived answer) {
        return instructions.providerAnswered(answer.caseId(), answer.orderReference(), answer.answer() == ServiceOrder.Status.CONFIRMED,
                answer.note());
    }
}
