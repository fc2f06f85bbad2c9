package org.relocation.fx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One exchange rate as finance loaded it: 1 {@code baseCurrency} = {@code rate} {@code quoteCurrency}, in effect from
 * {@code effectiveFrom} until the pair's next row. One row per pair and effective date; a row is never changed once
 * written (a later rate is a new row with a later effective date), so an estimate can always say which rate it used.
 */
@Entity
@Immutable
@Table(name = "exchange_rate")
public class ExchangeRate {

    /** The longest source text kept (e.g. "ECB reference rates 2026-10-01"). */
    public static final int SOURCE_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String baseCurrency;
    @Column(updatable = false)
    private String quoteCurrency;
    @Column(updatable = false, precision = 19, scale = 10)
    private BigDecimal rate;
    @Column(updatable = false)
    private LocalDate effectiveFrom;
    @Column(updatable = false)
    private String source;
    @Column(updatable = false)
    private String loadedBy;
    @Column(updatable = false)
    private Instant loadedAt;

    protected ExchangeRate() {
    }

    ExchangeRate(String baseCurrency, String quoteCurrency, BigDecimal rate, LocalDate effectiveFrom, String source,
                 String loadedBy, Instant loadedAt) {
        this.baseCurrency = baseCurrency;
        this.quoteCurrency = quoteCurrency;
        this.rate = rate;
        this.effectiveFrom = effectiveFrom;
        this.source = source;
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
    }

    public Long getId() { return id; }
    public String getBaseCurrency() { return baseCurrency; }
    public String getQuoteCurrency() { return quoteCurrency; }
    /** Units of the quote currency per one unit of the base currency (at most 10 decimals). */
    public BigDecimal getRate() { return rate; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public String getSource() { return source; }
    public String getLoadedBy() { return loadedBy; }
    public Instant getLoadedAt() { return loadedAt; }
}
