package org.relocation.closure;

import org.relocation.relocationcase.CaseService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/** Who approved the closure of a case, and the final cost they approved. */
@Service
public class ClosureApprovals {

    private final ClosureApprovalRepository approvals;
    private final CaseService cases;
    private final Clock clock;

    ClosureApprovals(ClosureApprovalRepository approvals, CaseService cases, Clock clock) {
        this.approvals = approvals;
        this.cases = cases;
        this.clock = clock;
    }

    /** The closure was approved: with the case's final cost as summarised, which the approver confirmed correct. */
    @Transactional
    public ClosureApproval approved(Long caseId, String notes, String actor) {
        ClosureApproval approval = approvals.findByCaseId(caseId).orElseGet(() -> new ClosureApproval(caseId));
        approval.approve(notes == null || notes.isBlank() ? null : notes.substring(0, Math.min(notes.length(), 2000)),
                cases.get(caseId).finalCost(), actor == null ? "unknown" : actor, clock.instant());
        return approvals.save(approval);
    }

    @Transactional(readOnly = true)
    public Optional<ClosureApproval> ofCase(Long caseId) {
        return approvals.findByCaseId(caseId);
    }
}
