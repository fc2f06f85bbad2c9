package org.relocation.expense;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a receipt's audit trail: who uploaded, downloaded or was refused it, and when (never its content or file name). */
@Entity
@Table(name = "expense_receipt_access")
public class ExpenseReceiptAccess {

    public enum Action { UPLOAD, DOWNLOAD, DENIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Long claimId;
    private String actor;
    @Enumerated(EnumType.STRING)
    private Action action;
    private String outcome;
    private Instant occurredAt;

    protected ExpenseReceiptAccess() {
    }

    ExpenseReceiptAccess(Long caseId, Long claimId, String actor, Action action, String outcome, Instant occurredAt) {
        this.caseId = caseId;
        this.claimId = claimId;
        this.actor = actor;
        this.action = action;
        this.outcome = outcome;
        this.occurredAt = occurredAt;
    }

    public Long getClaimId() { return claimId; }
    public String getActor() { return actor; }
    public Action getAction() { return action; }
    public String getOutcome() { return outcome; }
    public Instant getOccurredAt() { return occurredAt; }
}
