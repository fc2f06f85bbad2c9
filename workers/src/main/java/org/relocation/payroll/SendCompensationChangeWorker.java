package org.relocation.payroll;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Topic send-compensation-change: the compensation change finance approved is ordered from each of its payrolls'
 * providers ({@link PayrollProviderOrdering}: one order per payroll, the version's reference only); their answers
 * arrive as the message payroll-instruction-answered, as in the payroll phase. Also sends a corrected change
 * (a new version, to every provider again).
 */
@Component
class SendCompensationChangeWorker extends CaseWorker {

    private final PayrollInstructions instructions;
    private final PayrollProviderOrdering ordering;

    SendCompensationChangeWorker(PayrollInstructions instructions, PayrollProviderOrdering ordering) {
        this.instructions = instructions;
        this.ordering = ordering;
    }

    @Override
    public String topic() {
        return "send-compensation-change";
    }

    @Override
    public java.util.List<String> outputVariables() {
        return java.util.List.of(CompensationChangeProcess.CHANGE_VERSION);
    }

    /** Sets {@value CompensationChangeProcess#CHANGE_VERSION} to the version sent: a corrected change is a new version. */
    @Override
    protected Map<String, Object> work(CaseTask task) {
        PayrollInstruction change = instructions.approvedChange(task.caseId());
        ordering.order(task.taskId(), change);
        return Map.of(CompensationChangeProcess.CHANGE_VERSION, change.getInstructionVersion());
    }
}
