package org.relocation.approval;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Topic remind-approver: an approval is due soon; input {@code approvalStep} (the approval task's id). */
@Component
class RemindApproverWorker extends CaseWorker {

    private final ApprovalService approvals;

    RemindApproverWorker(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public String topic() {
        return "remind-approver";
    }

    @Override
    public List<String> inputVariables() {
        return List.of("approvalStep");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        approvals.remind(task.caseId(), step(task));
        return Map.of();
    }

    static ApprovalStep step(CaseTask task) {
        String key = task.requiredString("approvalStep");
        return ApprovalStep.ofTask(key).orElseThrow(() -> new IllegalStateException("Unknown approval step " + key));
    }
}
