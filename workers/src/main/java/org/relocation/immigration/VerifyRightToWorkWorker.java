package org.relocation.immigration;

import org.relocation.platform.worker.BpmnError;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Topic verify-right-to-work, the arrival gate: the employee may start work only with a valid right-to-work check on
 * record ({@link ImmigrationService#verifyRightToWork}: done on or before the work start date, against their granted
 * permit or no permit needed, its permission not ending on or before the start date). Otherwise the BPMN error
 * {@value #MISSING}, which the arrival model catches and sends back to confirm-arrival; the reasons are on the case's
 * timeline and in the error message (no personal data).
 */
@Component
class VerifyRightToWorkWorker extends CaseWorker {

    static final String MISSING = "right-to-work-missing";

    private final ImmigrationService immigration;

    VerifyRightToWorkWorker(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String topic() {
        return "verify-right-to-work";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        List<String> problems = immigration.verifyRightToWork(task.caseId());
        if (!problems.isEmpty()) {
            throw new BpmnError(MISSING, "Right to work not verified: " + String.join("; ", problems));
        }
        return Map.of();
    }
}
