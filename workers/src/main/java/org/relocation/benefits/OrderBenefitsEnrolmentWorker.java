package org.relocation.benefits;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic order-benefits-enrolment: orders the travellers' enrolment from the benefits vendor (its answer is awaited). */
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

    @Override
    protected Map<String, Object> work(CaseTask task) {
        benefits.orderEnrolment(task.caseId(), task.taskId());
        return Map.of();
    }
}
