package org.relocation.immigration;

import org.relocation.platform.worker.BpmnError;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Topic verify-right-to-work: arrival cannot complete until a right-to-work check is on record. */
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
        if (!immigration.hasRightToWork(task.caseId())) {
            throw new BpmnError(MISSING, "No right-to-work check recorded for the case");
        }
        return Map.of();
    }
}
