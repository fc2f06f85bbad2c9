package org.relocation.approval;

import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Topic record-approval: every approval was given; the latest estimate is committed. Sets {@code approvalOutcome}. */
@Component
class RecordApprovalWorker extends CaseWorker {

    private final ApprovalService approvals;

    RecordApprovalWorker(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public String topic() {
        return "record-approval";
    }

    @Override
    public List<String> outputVariables() {
        return List.of("approvalOutcome");
    }

    @Override
    protected Map<String, Object> work(CaseTask task) {
        approvals.grant(task.caseId());
        return Map.of("approvalOutcome", "approved");
    }
}
