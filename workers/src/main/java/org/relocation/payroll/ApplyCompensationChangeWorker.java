package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic apply-compensation-change: every provider confirmed the change; it takes effect and the payments ledger follows
 * from its effective date ({@link PayrollInstructions#applyChange}); idempotent.
 */
@Component
class ApplyCompensationChangeWorker extends CaseWorker {

    private final PayrollInstructions instructions;

    ApplyCompensationChangeWorker(PayrollInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public String topic() {
        return "apply-compensation-change";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        instructions.applyChange(task.caseId(), "system");
        return Map.of();
    }
}
