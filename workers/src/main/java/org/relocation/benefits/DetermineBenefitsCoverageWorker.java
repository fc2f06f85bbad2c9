package org.relocation.benefits;

import org.relocation.platform.worker.BpmnError;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic determine-benefits-coverage: evaluates the benefits policy (relocation-benefits-policy) and plans each
 * traveller's enrolment; where the benefits provider has no host plan raises no-host-coverage so HR administration
 * arranges international cover.
 */
@Component
class DetermineBenefitsCoverageWorker extends CaseWorker {

    static final String NO_HOST_COVERAGE = "no-host-coverage";

    private final BenefitsService benefits;

    DetermineBenefitsCoverageWorker(BenefitsService benefits) {
        this.benefits = benefits;
    }

    @Override
    public String topic() {
        return "determine-benefits-coverage";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        if (!benefits.determine(task.caseId()).hostPlan()) {
            throw new BpmnError(NO_HOST_COVERAGE, "The benefits provider has no host plan for this case");
        }
        return Map.of();
    }
}
