package org.relocation.approval;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Topic escalate-approval: an approval is overdue; input {@code approvalStep} (the approval task's id). */
@Component
class EscalateApprovalWorker extends CaseWorker {

    private final ApprovalService approvals;

    EscalateApprovalWorker(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public String topic() {
        return "escalate-approval";
    }

    @Override
    public List<String> inputVariables() {
        return List.of("approvalStep");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        approvals.escalate(task.caseId(), RemindApproverWorker.step(task));
        return Map.of();
    }
}
