package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic prepare-payroll-instruction: builds the case's payroll instruction version ({@link PayrollInstructions}) and
 * orders it from each of its payrolls' providers ({@link PayrollProviderOrdering}). The orders name the instruction's
 * reference only: the provider reads the instruction through the signed API, never salaries in the message.
 */
@Component
class PreparePayrollInstructionWorker extends CaseWorker {

    private final PayrollInstructions instructions;
    private final PayrollProviderOrdering ordering;

    PreparePayrollInstructionWorker(PayrollInstructions instructions, PayrollProviderOrdering ordering) {
        this.instructions = instructions;
        this.ordering = ordering;
    }

    @Override
    public String topic() {
        return "prepare-payroll-instruction";
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        ordering.order(task.taskId(), instructions.prepare(task.caseId(), "system"));
        return Map.of();
    }
}
