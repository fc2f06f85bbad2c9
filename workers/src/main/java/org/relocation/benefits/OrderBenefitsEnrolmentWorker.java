package org.relocation.benefits;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic order-benefits-enrolment: orders the travellers' enrolment from the benefits vendor (its answer is awaited) and
 * sets {@value #CONFIRMATION_DUE}: the start (UTC) of the day after the order's confirmation deadline (the vendor's
 * confirmationBusinessDays, docs/journey.md "Vendor SLAs"), when the process's SLA timer asks the specialist to follow up.
 */
@Component
class OrderBenefitsEnrolmentWorker extends CaseWorker {

    private final BenefitsService benefits;

    OrderBenefitsEnrolmentWorker(BenefitsService benefits) {
        this.benefits = benefits;
    }

    @Override
    public String topic() {
        return "order-benefits-enrolment";
    }

    static final String CONFIRMATION_DUE = "benefitsConfirmationDue";

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of(CONFIRMATION_DUE);
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        org.relocation.vendor.ServiceOrder order = benefits.orderEnrolment(task.caseId(), task.taskId());
        java.time.LocalDate confirmBy = order.getConfirmBy() != null ? order.getConfirmBy()
                : order.getRequestedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(5);
        return Map.of(CONFIRMATION_DUE, confirmBy.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
    }
}
