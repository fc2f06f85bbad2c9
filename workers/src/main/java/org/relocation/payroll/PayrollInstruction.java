package org.relocation.payroll;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a case's payroll instruction: what each payroll (home, host, shadow) pays from {@code effectiveFrom},
 * with the compensation decision it was built from. Its items are a case's pay (personal): they stay in the case
 * records and are never put in process variables, messages or logs; a vendor order carries only {@link #getReference()}.
 */
@Entity
@Table(name = "payroll_instruction")
public class PayrollInstruction {

    /** Where a version stands: built, sent to the providers, confirmed by them, then by finance; or rejected, replaced, or (a change a provider refused) withdrawn. */
    public enum Status { DRAFT, SENT, PROVIDER_CONFIRMED, FINANCE_CONFIRMED, REJECTED, SUPERSEDED, WITHDRAWN }

    /** Why a version was made. */
    public enum Reason { INITIAL, CORRECTION, SALARY_REVIEW, NEW_DEPENDANT, CITY_BAND_CHANGE, EXTENSION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;
    @Column(nullable = false, updatable = false)
    private String reference;
    @Column(name = "instruction_version", nullable = false, updatable = false)
    private int instructionVersion;
    @Column(nullable = false, updatable = false)
    private LocalDate effectiveFrom;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Reason reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CompensationApproach compensationApproach;
    @Column(nullable = false, updatable = false)
    private String taxApproach;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PayrollDelivery payrollDelivery;
    @Column(nullable = false, updatable = false)
    private int hostSharePercent;
    @Column(nullable = false, updatable = false)
    private boolean shadowPayroll;
    private String note;
    @Column(nullable = false, updatable = false)
    private String createdBy;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    private Instant providerAnsweredAt;
    private String providerNote;
    private String financeConfirmedBy;
    private Instant financeConfirmedAt;
    private String financeReference;
    private String financeRejectedBy;
    private String financeRejectionReason;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "instruction_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    private List<PayrollInstructionItem> items = new ArrayList<>();

    protected PayrollInstruction() {
    }

    PayrollInstruction(Long caseId, int instructionVersion, LocalDate effectiveFrom, Reason reason, CompensationApproach compensationApproach,
                       String taxApproach, PayrollDelivery payrollDelivery, int hostSharePercent, boolean shadowPayroll,
                       String note, String createdBy, Instant createdAt) {
        this.caseId = caseId;
        this.instructionVersion = instructionVersion;
        this.reference = "PI-" + caseId + "-v" + instructionVersion;
        this.effectiveFrom = effectiveFrom;
        this.reason = reason;
        this.status = Status.DRAFT;
        this.compensationApproach = compensationApproach;
        this.taxApproach = taxApproach;
        this.payrollDelivery = payrollDelivery;
        this.hostSharePercent = hostSharePercent;
        this.shadowPayroll = shadowPayroll;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void add(PayrollInstructionItem item) {
        item.numbered(items.size() + 1);
        items.add(item);
    }

    void noted(String note) {
        this.note = note.length() > 500 ? note.substring(0, 500) : note;
    }

    void sent() {
        if (status == Status.DRAFT) {
            status = Status.SENT;
        }
    }

    void providerAnswered(boolean confirmed, String note, Instant at) {
        status = confirmed ? Status.PROVIDER_CONFIRMED : Status.REJECTED;
        providerNote = note == null ? null : note.substring(0, Math.min(note.length(), 1000));
        providerAnsweredAt = at;
    }

    void financeConfirmed(String reference, String actor, Instant at) {
        status = Status.FINANCE_CONFIRMED;
        financeReference = reference == null ? null : reference.substring(0, Math.min(reference.length(), 100));
        financeConfirmedBy = actor;
        financeConfirmedAt = at;
    }

    /** Finance approved a compensation change before it is sent to the providers (it takes effect once they confirm). */
    void financeApproved(String actor, Instant at) {
        financeConfirmedBy = actor;
        financeConfirmedAt = at;
    }

    /** Finance rejected a compensation change: it never takes effect. */
    void financeRejected(String actor, String reason, Instant at) {
        status = Status.REJECTED;
        financeRejectedBy = actor;
        financeRejectionReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 2000));
        financeConfirmedBy = null;
        financeConfirmedAt = at;
    }

    /** An approved change the providers confirmed takes effect, under the payroll reference of the version it replaces. */
    void takesEffect(String payrollReference) {
        status = Status.FINANCE_CONFIRMED;
        financeReference = payrollReference;
    }

    void superseded() {
        status = Status.SUPERSEDED;
    }

    /** A change a provider refused is withdrawn instead of corrected: it never takes effect, the version in force stays. */
    void withdrawn() {
        status = Status.WITHDRAWN;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    /** {@code PI-<case id>-v<version>}: what vendor orders and ledger payments name. */
    public String getReference() { return reference; }
    public int getInstructionVersion() { return instructionVersion; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public Reason getReason() { return reason; }
    public Status getStatus() { return status; }
    public CompensationApproach getCompensationApproach() { return compensationApproach; }
    /** EQUALISATION, PROTECTION or LAISSEZ_FAIRE ({@code tax.TaxApproach}). */
    public String getTaxApproach() { return taxApproach; }
    public PayrollDelivery getPayrollDelivery() { return payrollDelivery; }
    public int getHostSharePercent() { return hostSharePercent; }
    public boolean isShadowPayroll() { return shadowPayroll; }
    /** What could not be instructed and why (e.g. no home tax table for the hypothetical tax); no amount. */
    public String getNote() { return note; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getProviderAnsweredAt() { return providerAnsweredAt; }
    public String getProviderNote() { return providerNote; }
    public String getFinanceConfirmedBy() { return financeConfirmedBy; }
    public Instant getFinanceConfirmedAt() { return financeConfirmedAt; }
    public String getFinanceReference() { return financeReference; }
    /** Who in finance rejected this compensation change (null: not rejected by finance). */
    public String getFinanceRejectedBy() { return financeRejectedBy; }
    public String getFinanceRejectionReason() { return financeRejectionReason; }
    /** A compensation change (not the payroll phase's initial version or its correction). */
    public boolean isChange() { return PayrollInstructions.CHANGE_REASONS.contains(reason); }
    public List<PayrollInstructionItem> getItems() { return List.copyOf(items); }
}
