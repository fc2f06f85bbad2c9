package org.relocation.expense;

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

/**
 * One expense an employee asks to be paid back: what for (a ledger {@code PaymentCategory} code), when, where, how much
 * (and in the reporting currency at the rate of the expense date), whether it was within the policy cap when submitted,
 * the claims it may duplicate, and its receipt (stored encrypted: only its metadata here). What was claimed never
 * changes; only the status moves.
 */
@Entity
@Table(name = "expense_claim")
public class ExpenseClaim {

    /** Where a claim stands: SUBMITTED until its approval process decides it (see docs/pay-and-tax.md "Expense claims"). */
    public enum Status { SUBMITTED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
    private Long caseId;
    @Column(updatable = false)
    private String category;
    @Column(updatable = false)
    private LocalDate expenseDate;
    @Column(updatable = false)
    private String merchant;
    @Column(updatable = false)
    private BigDecimal amount;
    @Column(updatable = false)
    private String currency;
    @Column(updatable = false)
    private BigDecimal reportingAmount;
    @Column(updatable = false)
    private String reportingCurrency;
    @Column(updatable = false)
    private BigDecimal rate;
    @Column(updatable = false)
    private boolean withinPolicy;
    @Column(updatable = false)
    private String policyNote;
    @Column(updatable = false)
    private BigDecimal remainingCap;
    @Column(updatable = false)
    private Long duplicateReceiptOf;
    @Column(updatable = false)
    private Long duplicateDetailsOf;
    @Column(updatable = false)
    private String receiptReference;
    @Column(updatable = false)
    private String receiptContentType;
    @Column(updatable = false)
    private long receiptSizeBytes;
    @Column(name = "receipt_sha256", updatable = false)
    private String receiptSha256;
    @Column(updatable = false)
    private String receiptKeyId;
    @Column(updatable = false)
    private byte[] receiptIv;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(updatable = false)
    private String submittedBy;
    @Column(updatable = false)
    private Instant submittedAt;
    private String route;
    private String routeReason;
    private Long policyExceptionId;
    private String processInstanceId;
    private Boolean taxable;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    private Long paymentId;
    private BigDecimal grossUpAmount;
    private BigDecimal grossUpTax;
    private String grossUpCurrency;
    private Long grossUpPaymentId;
    private String grossUpNote;
    @Version
    private long version;

    protected ExpenseClaim() {
    }

    /** What was claimed, checked and converted. */
    record Claimed(Long caseId, String category, LocalDate expenseDate, String merchant, BigDecimal amount, String currency,
                   BigDecimal reportingAmount, String reportingCurrency, BigDecimal rate) {
    }

    /** The receipt's metadata and the header of its ciphertext. */
    record Receipt(String reference, String contentType, long sizeBytes, String sha256, String keyId, byte[] iv) {
    }

    ExpenseClaim(Claimed c, boolean withinPolicy, String policyNote, BigDecimal remainingCap, Long duplicateReceiptOf,
                 Long duplicateDetailsOf, Receipt r, String submittedBy, Instant submittedAt) {
        this.caseId = c.caseId();
        this.category = c.category();
        this.expenseDate = c.expenseDate();
        this.merchant = c.merchant();
        this.amount = c.amount();
        this.currency = c.currency();
        this.reportingAmount = c.reportingAmount();
        this.reportingCurrency = c.reportingCurrency();
        this.rate = c.rate();
        this.withinPolicy = withinPolicy;
        this.policyNote = policyNote;
        this.remainingCap = remainingCap;
        this.duplicateReceiptOf = duplicateReceiptOf;
        this.duplicateDetailsOf = duplicateDetailsOf;
        this.receiptReference = r.reference();
        this.receiptContentType = r.contentType();
        this.receiptSizeBytes = r.sizeBytes();
        this.receiptSha256 = r.sha256();
        this.receiptKeyId = r.keyId();
        this.receiptIv = r.iv();
        this.status = Status.SUBMITTED;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    /** The route the routing table gave, the exception asked for it (outside the policy) and its approval process. */
    void routed(String route, String reason, Long policyExceptionId) {
        this.route = route;
        this.routeReason = reason;
        this.policyExceptionId = policyExceptionId;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Approved: the ledger's reimbursement (and, taxable, its gross-up); written once. */
    void approve(boolean taxable, Long paymentId, GrossUpResult grossUp, String comment, String actor, Instant now) {
        requireSubmitted();
        this.status = Status.APPROVED;
        this.taxable = taxable;
        this.paymentId = paymentId;
        if (grossUp != null) {
            this.grossUpAmount = grossUp.gross();
            this.grossUpTax = grossUp.tax();
            this.grossUpCurrency = grossUp.currency();
            this.grossUpPaymentId = grossUp.paymentId();
            this.grossUpNote = grossUp.note();
        }
        decided(comment, actor, now);
    }

    /** Rejected with the reason; written once. */
    void reject(String reason, String actor, Instant now) {
        requireSubmitted();
        this.status = Status.REJECTED;
        decided(reason, actor, now);
    }

    private void decided(String comment, String actor, Instant now) {
        this.decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
        this.decidedBy = actor;
        this.decidedAt = now;
    }

    private void requireSubmitted() {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("Expense claim " + id + " was decided already (" + status + ")");
        }
    }

    /** A taxable claim's gross-up: gross and tax in the table's currency and the ledger's tax payment, or why there is none. */
    record GrossUpResult(BigDecimal gross, BigDecimal tax, String currency, Long paymentId, String note) {
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getCategory() { return category; }
    public LocalDate getExpenseDate() { return expenseDate; }
    public String getMerchant() { return merchant; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public BigDecimal getReportingAmount() { return reportingAmount; }
    public String getReportingCurrency() { return reportingCurrency; }
    public BigDecimal getRate() { return rate; }
    /** Whether the reporting amount fitted what was left of the category's cap on the expense date when submitted. */
    public boolean isWithinPolicy() { return withinPolicy; }
    /** Why it is outside the policy (a sentence without personal data); null when within. */
    public String getPolicyNote() { return policyNote; }
    /** What was left of the category's cap (reporting currency) before this claim; null when the category has no cap. */
    public BigDecimal getRemainingCap() { return remainingCap; }
    /** An earlier claim of the case with the same receipt file (SHA-256), or null. */
    public Long getDuplicateReceiptOf() { return duplicateReceiptOf; }
    /** An earlier claim of the case with the same expense date, amount, currency and merchant, or null. */
    public Long getDuplicateDetailsOf() { return duplicateDetailsOf; }
    public String getReceiptReference() { return receiptReference; }
    public String getReceiptContentType() { return receiptContentType; }
    public long getReceiptSizeBytes() { return receiptSizeBytes; }
    public String getReceiptSha256() { return receiptSha256; }
    String getReceiptKeyId() { return receiptKeyId; }
    byte[] getReceiptIv() { return receiptIv; }
    public Status getStatus() { return status; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    /** SPECIALIST, FINANCE or EXCEPTION (relocation-expense-routing); null for a claim submitted before routing existed. */
    public String getRoute() { return route; }
    public String getRouteReason() { return routeReason; }
    /** The policy exception asked for a claim outside the policy, or null. */
    public Long getPolicyExceptionId() { return policyExceptionId; }
    public String getProcessInstanceId() { return processInstanceId; }
    /** Whether the approved claim is taxable income (null until approved). */
    public Boolean getTaxable() { return taxable; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    /** The approver's comment, or the reason of a rejection. */
    public String getDecisionComment() { return decisionComment; }
    /** The ledger's REIMBURSEMENT payment of an approved claim. */
    public Long getPaymentId() { return paymentId; }
    /** A taxable claim's gross (net claim plus the tax on it), in {@link #getGrossUpCurrency()}. */
    public BigDecimal getGrossUpAmount() { return grossUpAmount; }
    /** The tax on the grossed-up claim, paid as a ledger {@code tax} payment ({@link #getGrossUpPaymentId()}). */
    public BigDecimal getGrossUpTax() { return grossUpTax; }
    public String getGrossUpCurrency() { return grossUpCurrency; }
    public Long getGrossUpPaymentId() { return grossUpPaymentId; }
    /** Why a taxable claim has no gross-up (no tax table or rate), or null. */
    public String getGrossUpNote() { return grossUpNote; }
}
