package org.relocation.estimate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** One category of the cost estimate, in the case's budget currency, with how it was computed. */
@Entity
@Table(name = "estimate_line")
public class EstimateLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private Long caseId;

    private String category;
    private BigDecimal amount;
    private String currency;
    private String basis;

    protected EstimateLine() {
    }

    EstimateLine(Long caseId, String category, Money money, String basis) {
        this.caseId = caseId;
        this.category = category;
        this.amount = money.amount();
        this.currency = money.currency().getCurrencyCode();
        this.basis = basis;
    }

    public Money money() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public Long getCaseId() { return caseId; }
    public String getCategory() { return category; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getBasis() { return basis; }
}
