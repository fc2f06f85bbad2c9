package org.relocation.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Who approved or rejected which step of a case, when and why. Immutable once written. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String step;
    private String decision;
    private String comment;
    private String decidedBy;
    private Instant decidedAt;

    protected ApprovalDecision() {
    }

    ApprovalDecision(Long caseId, String step, String decision, String comment, String decidedBy, Instant decidedAt) {
        this.caseId = caseId;
        this.step = step;
        this.decision = decision;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getStep() { return step; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
