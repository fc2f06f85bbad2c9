package org.relocation.benefits;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic record-benefits-confirmation: the vendor's confirmation on each traveller's enrolment; {@code coverStartLate}
 * (a flag, no dates) tells the process whether the cover starts after the arrival date.
 */
@Component
class RecordBenefitsConfirmationWorker extends CaseWorker {

    private final BenefitsService benefits;

    RecordBenefitsConfirmationWorker(BenefitsService benefits) {
        this.benefits = benefits;
    }

    @Override
    public String topic() {
        return "record-benefits-confirmation";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of("coverStartLate");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        return Map.of("coverStartLate", benefits.confirmationReceived(task.caseId()));
    }
}
