package org.relocation.estimate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** One category of an estimate version, in the case currency and the reporting currency, with how it was computed. */
@Entity
@Immutable
@Table(name = "cost_estimate_line")
public class CostEstimateLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    private String category;
    private BigDecimal amount;
    private String currency;
    private BigDecimal reportingAmount;
    private String basis;

    protected CostEstimateLine() {
    }

    CostEstimateLine(int position, String category, Money money, BigDecimal reportingAmount, String basis) {
        this.position = position;
        this.category = category;
        this.amount = money.amount();
        this.currency = money.currency().getCurrencyCode();
        this.reportingAmount = reportingAmount;
        this.basis = basis.length() > 300 ? basis.substring(0, 300) : basis;
    }

    public Money money() {
        return new Money(amount, Currency.getInstance(currency));
    }

    public String getCategory() { return category; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public BigDecimal getReportingAmount() { return reportingAmount; }
    public String getBasis() { return basis; }
}
