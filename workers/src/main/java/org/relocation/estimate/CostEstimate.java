package org.relocation.estimate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * One version of a case's cost estimate: its lines in the case currency (with their reporting-currency amounts), the
 * total, the day whose exchange rates converted it, and why it was made. Never changed once written, except that
 * approval marks the version the approvers committed to.
 */
@Entity
@Table(name = "cost_estimate")
public class CostEstimate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
    private Long caseId;
    @Column(updatable = false)
    private int version;
    @Column(updatable = false)
    private String reason;
    @Column(updatable = false)
    private String currency;
    @Column(updatable = false)
    private BigDecimal totalAmount;
    @Column(updatable = false)
    private String reportingCurrency;
    @Column(updatable = false)
    private BigDecimal reportingAmount;
    @Column(updatable = false)
    private LocalDate ratesOn;
    @Column(updatable = false)
    private String policyTier;
    @Column(updatable = false)
    private String fingerprint;
    @Column(updatable = false)
    private String createdBy;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant approvedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "estimate_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<CostEstimateLine> lines = new ArrayList<>();

    protected CostEstimate() {
    }

    CostEstimate(Long caseId, int version, String reason, Money total, Money reportingTotal, LocalDate ratesOn, String policyTier,
                 String fingerprint, String createdBy, Instant createdAt, List<CostEstimateLine> lines) {
        this.caseId = caseId;
        this.version = version;
        this.reason = reason;
        this.currency = total.currency().getCurrencyCode();
        this.totalAmount = total.amount();
        this.reportingCurrency = reportingTotal.currency().getCurrencyCode();
        this.reportingAmount = reportingTotal.amount();
        this.ratesOn = ratesOn;
        this.policyTier = policyTier;
        this.fingerprint = fingerprint;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.lines.addAll(lines);
    }

    void approve(Instant now) {
        if (approvedAt == null) {
            approvedAt = now;
        }
    }

    public Money total() {
        return new Money(totalAmount, Currency.getInstance(currency));
    }

    /** The total in the reporting currency; null for an estimate made before reporting existed. */
    public Money reportingTotal() {
        return reportingAmount == null ? null : new Money(reportingAmount, Currency.getInstance(reportingCurrency));
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public int getVersion() { return version; }
    public String getReason() { return reason; }
    public LocalDate getRatesOn() { return ratesOn; }
    public String getPolicyTier() { return policyTier; }
    public String getFingerprint() { return fingerprint; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getApprovedAt() { return approvedAt; }
    public List<CostEstimateLine> getLines() { return lines; }
}
