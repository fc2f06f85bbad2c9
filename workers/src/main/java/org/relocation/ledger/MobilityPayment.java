package org.relocation.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * One mobility payment of a case: what for (kind, category, source), how much (currency and amount; the reporting
 * currency amount at the rate of its due day, and once paid at the rate of the day it was paid), who pays it (cost
 * centre, route), whether it is taxable, when it is due, and its status with who moved it when. What was asked is never
 * changed; only the status moves ({@link PaymentStatus}), each move written once. Amounts are positive; a
 * {@link PaymentKind#RECOVERY recovery} is money coming back from the employee ({@link #getDirection()} INCOMING) and
 * counts negative in the figures ({@link #signedReportingAmount()}).
 */
@Entity
@Table(name = "mobility_payment")
public class MobilityPayment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
    private Long caseId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PaymentKind kind;
    @Column(updatable = false)
    private String category;
    @Column(updatable = false)
    private String sourceReference;
    @Column(updatable = false)
    private String idempotencyKey;
    @Column(updatable = false)
    private String description;
    @Column(updatable = false)
    private BigDecimal amount;
    @Column(updatable = false)
    private String currency;
    @Column(updatable = false)
    private String reportingCurrency;
    @Column(updatable = false)
    private BigDecimal reportingAmount;
    @Column(updatable = false)
    private BigDecimal rate;
    @Column(updatable = false)
    private LocalDate rateOn;
    @Column(updatable = false)
    private String costCentre;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PaymentRoute route;
    @Column(updatable = false)
    private boolean taxable;
    @Column(updatable = false)
    private LocalDate dueDate;
    @Column(updatable = false)
    private Long policyExceptionId;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    @Column(updatable = false)
    private String createdBy;
    @Column(updatable = false)
    private Instant createdAt;
    private String approvedBy;
    private Instant approvedAt;
    private String paidBy;
    private Instant paidAt;
    private LocalDate paidOn;
    private BigDecimal paidReportingAmount;
    private BigDecimal paidRate;
    private String cancelledBy;
    private Instant cancelledAt;
    private String cancelReason;
    @Version
    private long version;

    protected MobilityPayment() {
    }

    MobilityPayment(Long caseId, PaymentKind kind, PaymentCategory category, String sourceReference, String idempotencyKey,
                    String description, Money money, Money reporting, BigDecimal rate, String costCentre, PaymentRoute route,
                    boolean taxable, LocalDate dueDate, Long policyExceptionId, String createdBy, Instant createdAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.category = category.code();
        this.sourceReference = sourceReference;
        this.idempotencyKey = idempotencyKey;
        this.description = description;
        this.amount = money.amount();
        this.currency = money.currency().getCurrencyCode();
        this.reportingCurrency = reporting.currency().getCurrencyCode();
        this.reportingAmount = reporting.amount();
        this.rate = fitted(rate);
        this.rateOn = dueDate;
        this.costCentre = costCentre;
        this.route = route;
        this.taxable = taxable;
        this.dueDate = dueDate;
        this.policyExceptionId = policyExceptionId;
        this.status = PaymentStatus.PLANNED;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Moves to {@code next}, or refuses (the payment is left as it was). */
    void move(PaymentStatus next, String actor, Instant now) {
        if (!status.next().contains(next)) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.TRANSITION, "Payment " + id + " is " + status
                    + " and cannot become " + next + (status.next().isEmpty() ? ": a " + status.name().toLowerCase()
                    + " payment is final (record a correction as a new payment)" : " (it can become " + status.next() + ")"));
        }
        switch (next) {
            case APPROVED -> { approvedBy = actor; approvedAt = now; }
            case CANCELLED -> { cancelledBy = actor; cancelledAt = now; }
            case PAID -> { paidBy = actor; paidAt = now; }
            default -> throw new IllegalArgumentException("No move to " + next);
        }
        status = next;
    }

    void paid(LocalDate on, BigDecimal reportingAmount, BigDecimal rate) {
        this.paidOn = on;
        this.paidReportingAmount = reportingAmount;
        this.paidRate = fitted(rate);
    }

    /** A rate as the column keeps it: at most 20 decimals (a cross rate of 16 significant digits may have more). */
    private static BigDecimal fitted(BigDecimal rate) {
        return rate.scale() > 20 ? rate.setScale(20, RoundingMode.HALF_EVEN) : rate;
    }

    void cancelReason(String reason) {
        this.cancelReason = reason;
    }

    public Money money() {
        return new Money(amount, Currency.getInstance(currency));
    }

    /** The amount in the reporting currency at the due day's rate (committed spend). */
    public Money reporting() {
        return new Money(reportingAmount, Currency.getInstance(reportingCurrency));
    }

    /** The amount this payment counts for now: at the paid day's rate once paid, else at the due day's; zero when cancelled. */
    public BigDecimal effectiveReportingAmount() {
        if (status == PaymentStatus.CANCELLED) {
            return BigDecimal.ZERO;
        }
        BigDecimal a = status == PaymentStatus.PAID && paidReportingAmount != null ? paidReportingAmount : reportingAmount;
        return a.setScale(Math.max(Currency.getInstance(reportingCurrency).getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }

    /**
     * {@link #effectiveReportingAmount()} with the payment's sign: negative for an incoming payment (a recovery), which
     * reduces committed and actual spend. What the ledger's figures add up.
     */
    public BigDecimal signedReportingAmount() {
        BigDecimal a = effectiveReportingAmount();
        return getDirection() == PaymentDirection.INCOMING ? a.negate() : a;
    }

    /** Which way the money goes: incoming for a recovery, else outgoing. */
    public PaymentDirection getDirection() {
        return kind.direction();
    }

    public PaymentCategory categoryCode() {
        return PaymentCategory.fromCode(category).orElse(PaymentCategory.OTHER);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public PaymentKind getKind() { return kind; }
    public String getCategory() { return category; }
    public String getSourceReference() { return sourceReference; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getDescription() { return description; }
    public String getReportingCurrency() { return reportingCurrency; }
    public BigDecimal getRate() { return rate; }
    public LocalDate getRateOn() { return rateOn; }
    public String getCostCentre() { return costCentre; }
    public PaymentRoute getRoute() { return route; }
    public boolean isTaxable() { return taxable; }
    public LocalDate getDueDate() { return dueDate; }
    public Long getPolicyExceptionId() { return policyExceptionId; }
    public PaymentStatus getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getPaidBy() { return paidBy; }
    public Instant getPaidAt() { return paidAt; }
    public LocalDate getPaidOn() { return paidOn; }
    public BigDecimal getPaidReportingAmount() {
        return paidReportingAmount == null ? null
                : paidReportingAmount.setScale(Math.max(Currency.getInstance(reportingCurrency).getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
    }
    public BigDecimal getPaidRate() { return paidRate == null ? null : plain(paidRate); }
    public String getCancelledBy() { return cancelledBy; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelReason() { return cancelReason; }

    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
