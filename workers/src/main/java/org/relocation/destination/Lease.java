package org.relocation.destination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The case's lease after the home search: address, rent, deposit and dates (personal data: kept here, never in variables). */
@Entity
@Table(name = "lease")
public class Lease {

    /** RECORDED by the specialist; WITHIN_CAP or EXCEPTION_REQUESTED once checked; ACCEPTED or REFUSED after the exception. */
    public enum Status { RECORDED, WITHIN_CAP, EXCEPTION_REQUESTED, ACCEPTED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;
    private String address;
    private BigDecimal monthlyRent;
    private String rentCurrency;
    private BigDecimal depositAmount;
    private LocalDate leaseStart;
    private LocalDate leaseEnd;
    private BigDecimal rentPolicyAmount;
    private BigDecimal housingCap;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long exceptionId;
    private String recordedBy;
    private Instant recordedAt;
    @Version
    private long version;

    protected Lease() {
    }

    Lease(Long caseId) {
        this.caseId = caseId;
    }

    void record(String address, BigDecimal monthlyRent, String rentCurrency, BigDecimal depositAmount, LocalDate leaseStart,
                LocalDate leaseEnd, String actor, Instant now) {
        this.address = address;
        this.monthlyRent = monthlyRent;
        this.rentCurrency = rentCurrency;
        this.depositAmount = depositAmount;
        this.leaseStart = leaseStart;
        this.leaseEnd = leaseEnd;
        this.rentPolicyAmount = null;
        this.housingCap = null;
        this.exceptionId = null;
        this.status = Status.RECORDED;
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    void checked(BigDecimal rentPolicyAmount, BigDecimal housingCap, Long exceptionId) {
        this.rentPolicyAmount = rentPolicyAmount;
        this.housingCap = housingCap;
        this.exceptionId = exceptionId;
        this.status = exceptionId == null ? Status.WITHIN_CAP : Status.EXCEPTION_REQUESTED;
    }

    void settled(boolean accepted) {
        this.status = accepted ? Status.ACCEPTED : Status.REFUSED;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getAddress() { return address; }
    public BigDecimal getMonthlyRent() { return monthlyRent; }
    public String getRentCurrency() { return rentCurrency; }
    public BigDecimal getDepositAmount() { return depositAmount; }
    public LocalDate getLeaseStart() { return leaseStart; }
    public LocalDate getLeaseEnd() { return leaseEnd; }
    /** The monthly rent in the policy currency (EUR) when it was checked; null before. */
    public BigDecimal getRentPolicyAmount() { return rentPolicyAmount; }
    /** The policy's monthly housing cap (EUR) the rent was checked against; null before. */
    public BigDecimal getHousingCap() { return housingCap; }
    public Status getStatus() { return status; }
    /** The policy exception asked for a rent above the cap; null within the cap. */
    public Long getExceptionId() { return exceptionId; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
