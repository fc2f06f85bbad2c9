package org.relocation.benefits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * International health cover HR administration arranged because the benefits provider has no plan in the host
 * country (form arrange-international-coverage): the provider, notes for the employee (free text: case records only),
 * who arranged it and when. One per case.
 */
@Entity
@Table(name = "international_coverage")
public class InternationalCoverage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    private String provider;
    private String notes;
    private String arrangedBy;
    private Instant arrangedAt;

    protected InternationalCoverage() {
    }

    InternationalCoverage(Long caseId) {
        this.caseId = caseId;
    }

    void arrange(String provider, String notes, String arrangedBy, Instant arrangedAt) {
        this.provider = provider;
        this.notes = notes;
        this.arrangedBy = arrangedBy;
        this.arrangedAt = arrangedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getProvider() { return provider; }
    public String getNotes() { return notes; }
    public String getArrangedBy() { return arrangedBy; }
    public Instant getArrangedAt() { return arrangedAt; }
}
