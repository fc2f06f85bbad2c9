package org.relocation.closure;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Form approve-case-closure: the specialist approves the closure and the final cost (a required tick), with notes. */
@Component
class ClosureApprovalForm implements TaskFormHandler {

    private final ClosureApprovals approvals;

    ClosureApprovalForm(ClosureApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public String formId() {
        return "approve-case-closure";
    }

    @Override
    public Set<String> fields() {
        return Set.of("closureNotes");
    }

    @Override
    public void record(FormSubmission s) {
        approvals.approved(s.caseId(), s.string("closureNotes"), s.actor());
    }
}
