package org.relocation.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The case's payroll set-up as finance confirmed it (form confirm-payroll-setup): where the employee is paid
 * ({@link PayrollMode}, from the assignment type, as instructed), the payroll system's reference, who confirmed it and
 * when. One per case: what payroll instructions and changes build on.
 */
@Entity
@Table(name = "payroll_setup")
public class PayrollSetup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    private PayrollMode payrollMode;
    private String reference;
    private String confirmedBy;
    private Instant confirmedAt;

    protected PayrollSetup() {
    }

    PayrollSetup(Long caseId) {
        this.caseId = caseId;
    }

    void confirm(PayrollMode mode, String reference, String confirmedBy, Instant confirmedAt) {
        this.payrollMode = mode;
        this.reference = reference;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public PayrollMode getPayrollMode() { return payrollMode; }
    /** The payroll system's reference of the employee's set-up. */
    public String getReference() { return reference; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
