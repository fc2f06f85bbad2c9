package org.relocation.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * The specialist's review of a case's intake before it goes to the approvers (form review-intake): who verified it,
 * when, the estimate version they checked, and their notes for the approvers (free text: case records only). One per
 * intake round: a send-back and revision makes another. Immutable once written.
 */
@Entity
@Immutable
@Table(name = "intake_review")
public class IntakeReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    private Integer estimateVersion;
    private String notes;
    private String verifiedBy;
    private Instant verifiedAt;

    protected IntakeReview() {
    }

    IntakeReview(Long caseId, Integer estimateVersion, String notes, String verifiedBy, Instant verifiedAt) {
        this.caseId = caseId;
        this.estimateVersion = estimateVersion;
        this.notes = notes;
        this.verifiedBy = verifiedBy;
        this.verifiedAt = verifiedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    /** The estimate version the specialist checked; null when the case had none. */
    public Integer getEstimateVersion() { return estimateVersion; }
    /** The notes for the approvers (free text about the person's move); null when none. */
    public String getNotes() { return notes; }
    public String getVerifiedBy() { return verifiedBy; }
    public Instant getVerifiedAt() { return verifiedAt; }
}
