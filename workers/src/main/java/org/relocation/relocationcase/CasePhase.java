package org.relocation.relocationcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A phase of the journey (intake, approval, immigration, ...) a case entered; open while completedAt is null. */
@Entity
@Table(name = "case_phase")
public class CasePhase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    private String phase;
    private Instant enteredAt;
    private Instant completedAt;

    protected CasePhase() {
    }

    CasePhase(Long caseId, String phase, Instant enteredAt) {
        this.caseId = caseId;
        this.phase = phase;
        this.enteredAt = enteredAt;
    }

    void complete(Instant at) {
        if (completedAt == null) {
            completedAt = at;
        }
    }

    public Long getCaseId() { return caseId; }
    public String getPhase() { return phase; }
    public Instant getEnteredAt() { return enteredAt; }
    public Instant getCompletedAt() { return completedAt; }
    public boolean isOpen() { return completedAt == null; }
}
