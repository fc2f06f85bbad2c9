package org.relocation.policyexception;

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
import java.time.Instant;
import java.util.Currency;

/**
 * A departure from the relocation policy asked for a case: category, amount, the clause it departs from and why; then
 * who decided, when and why. The request is never changed; the decision is written once.
 */
@Entity
@Table(name = "policy_exception")
public class PolicyException {

    public enum Status { REQUESTED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
    private Long caseId;
    @Column(updatable = false)
    private String category;
    @Column(updatable = false)
    private BigDecimal amount;
    @Column(updatable = false)
    private String currency;
    @Column(updatable = false)
    private BigDecimal reportingAmount;
    @Column(updatable = false)
    private String policyClause;
    @Column(updatable = false)
    private String justification;
    @Column(updatable = false)
    private String costCentre;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(updatable = false)
    private String requestedBy;
    @Column(updatable = false)
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    @Version
    private long version;

    protected PolicyException() {
    }

    PolicyException(Long caseId, ExceptionCategory category, Money amount, BigDecimal reportingAmount, String policyClause,
                    String justification, String costCentre, String requestedBy, Instant requestedAt) {
        this.caseId = caseId;
        this.category = category.code();
        this.amount = amount.amount();
        this.currency = amount.currency().getCurrencyCode();
        this.reportingAmount = reportingAmount;
        this.policyClause = policyClause;
        this.justification = justification;
        this.costCentre = costCentre;
        this.status = Status.REQUESTED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void decide(boolean approved, String comment, String actor, Instant now) {
        if (status != Status.REQUESTED) {
            throw new IllegalStateException("Policy exception " + id + " was already decided (" + status + ")");
        }
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.decisionComment = comment;
        this.decidedBy = actor;
        this.decidedAt = now;
    }

    public Money money() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getCategory() { return category; }
    public BigDecimal getReportingAmount() { return reportingAmount; }
    public String getPolicyClause() { return policyClause; }
    public String getJustification() { return justification; }
    public String getCostCentre() { return costCentre; }
    public Status getStatus() { return status; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionComment() { return decisionComment; }
}
