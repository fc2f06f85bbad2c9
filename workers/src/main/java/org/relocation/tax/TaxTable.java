package org.relocation.tax;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import javax.money.Monetary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One country's tax table as finance loaded it: progressive income-tax brackets and the employee's social-security rate
 * (with its annual ceiling where the country has one), in the country's currency, in effect from {@code effectiveFrom}
 * until the country's next table. A table is never changed once written (a later one is a new row with a later
 * effective date), so a calculation can always say which table it used. Calculations use its {@link #schedule()}.
 */
@Entity
@Immutable
@Table(name = "tax_table")
public class TaxTable {

    /** The longest name and source text kept. */
    public static final int TEXT_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String country;
    @Column(updatable = false)
    private String currency;
    @Column(updatable = false)
    private LocalDate effectiveFrom;
    @Column(updatable = false)
    private String name;
    @Column(updatable = false)
    private String source;
    @Column(updatable = false, precision = 9, scale = 6)
    private BigDecimal socialSecurityRate;
    @Column(updatable = false, precision = 19, scale = 4)
    private BigDecimal socialSecurityCeiling;
    @Column(updatable = false)
    private String loadedBy;
    @Column(updatable = false)
    private Instant loadedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tax_bracket", joinColumns = @JoinColumn(name = "tax_table_id"))
    @OrderColumn(name = "bracket_index")
    private List<TaxBracket> brackets = new ArrayList<>();

    protected TaxTable() {
    }

    TaxTable(TaxTableRow row, String source, String loadedBy, Instant loadedAt) {
        this.country = row.country();
        this.currency = row.currency();
        this.effectiveFrom = row.effectiveFrom();
        this.name = row.name().strip();
        this.source = source;
        this.socialSecurityRate = plain(row.socialSecurityRate());
        this.socialSecurityCeiling = row.socialSecurityCeiling() == null ? null : plain(row.socialSecurityCeiling());
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
        row.brackets().forEach(b -> brackets.add(new TaxBracket(plain(b.lowerBound()), plain(b.rate()))));
    }

    public Long getId() { return id; }
    /** ISO 3166-1 alpha-2. */
    public String getCountry() { return country; }
    /** ISO 4217: the country's currency, in which the bounds and the ceiling are. */
    public String getCurrency() { return currency; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    /** E.g. "DE income tax 2026 (illustrative)". */
    public String getName() { return name; }
    public String getSource() { return source; }
    /** The employee's social-security rate, a fraction (0.0765 = 7.65 %). */
    public BigDecimal getSocialSecurityRate() { return plain(socialSecurityRate); }
    /** The annual income above which no social security is due; null where the country has no ceiling. */
    public BigDecimal getSocialSecurityCeiling() { return socialSecurityCeiling == null ? null : plain(socialSecurityCeiling); }
    public String getLoadedBy() { return loadedBy; }
    public Instant getLoadedAt() { return loadedAt; }
    /** The brackets, lowest first. */
    public List<TaxBracket> getBrackets() {
        return brackets.stream().map(b -> new TaxBracket(plain(b.lowerBound()), plain(b.rate()))).toList();
    }

    /** What the calculations use: this table's brackets and rates. */
    public TaxSchedule schedule() {
        return new TaxSchedule(country, Monetary.getCurrency(currency), effectiveFrom, name, getBrackets(),
                getSocialSecurityRate(), getSocialSecurityCeiling());
    }

    /** Without trailing zeros (0.42, not 0.420000) and never in exponent form. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
