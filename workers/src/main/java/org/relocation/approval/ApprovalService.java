package org.relocation.approval;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Keeps the record of every approval decision on a case. */
@Service
public class ApprovalService {

    private final ApprovalDecisionRepository decisions;
    private final Clock clock;

    ApprovalService(ApprovalDecisionRepository decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Transactional
    public void record(Long caseId, String step, String decision, String comment, String decidedBy) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.substring(0, Math.min(comment.length(), 2000));
        decisions.save(new ApprovalDecision(caseId, step, decision, trimmed, decidedBy == null ? "unknown" : decidedBy, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<ApprovalDecision> decisions(Long caseId) {
        return decisions.findByCaseIdOrderById(caseId);
    }
}
