package org.relocation.benefits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The employee's benefits enrolment (form confirm-benefits-enrolment): their health plan and where their pension
 * continues (their choices: personal data), confirmed by them, when. One per case.
 */
@Entity
@Table(name = "benefits_enrolment")
public class BenefitsEnrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    /** The form's code (host-national ...), kept as chosen. */
    private String healthPlan;
    private String pensionContinuation;
    private String confirmedBy;
    private Instant confirmedAt;

    protected BenefitsEnrolment() {
    }

    BenefitsEnrolment(Long caseId) {
        this.caseId = caseId;
    }

    void confirm(HealthPlan plan, PensionContinuation pension, String confirmedBy, Instant confirmedAt) {
        this.healthPlan = plan == null ? null : plan.code();
        this.pensionContinuation = pension == null ? null : pension.code();
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public HealthPlan getHealthPlan() { return HealthPlan.of(healthPlan); }
    public PensionContinuation getPensionContinuation() { return PensionContinuation.of(pensionContinuation); }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
