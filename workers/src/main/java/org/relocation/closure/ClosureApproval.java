package org.relocation.closure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * The approval to close a case (form approve-case-closure): who approved it, when, their closing notes (free text:
 * case records only), and the final cost they approved as correct (summarise-final-costs recorded it just before;
 * close-case then completes the case). One per case.
 */
@Entity
@Table(name = "closure_approval")
public class ClosureApproval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    private String notes;
    private BigDecimal finalCostAmount;
    private String finalCostCurrency;
    private String approvedBy;
    private Instant approvedAt;

    protected ClosureApproval() {
    }

    ClosureApproval(Long caseId) {
        this.caseId = caseId;
    }

    void approve(String notes, Money finalCost, String approvedBy, Instant approvedAt) {
        this.notes = notes;
        this.finalCostAmount = finalCost == null ? null : finalCost.amount();
        this.finalCostCurrency = finalCost == null ? null : finalCost.currency().getCurrencyCode();
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getNotes() { return notes; }
    /** The final cost the approver confirmed; null when none was summarised. */
    public Money finalCost() {
        return finalCostAmount == null ? null : new Money(finalCostAmount, Currency.getInstance(finalCostCurrency));
    }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
}
