package org.relocation.tax;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A country's tax table as the calculations see it (no database, no Spring): pure functions of an annual income in the
 * table's currency. The {@code exact} methods do not round (they are the gross-up's building blocks); {@link #assess}
 * rounds each tax once to the currency's minor unit ({@link CurrencyUnit#getDefaultFractionDigits()}: EUR 2, JPY 0)
 * with {@link RoundingMode#HALF_EVEN}.
 *
 * @param brackets lowest first; the first starts at 0, lower bounds rise
 * @param socialSecurityCeiling the annual income above which no social security is due; null: no ceiling
 */
public record TaxSchedule(String country, CurrencyUnit currency, LocalDate effectiveFrom, String name, List<TaxBracket> brackets,
                          BigDecimal socialSecurityRate, BigDecimal socialSecurityCeiling) {

    public TaxSchedule {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(socialSecurityRate, "socialSecurityRate");
        if (brackets == null || brackets.isEmpty() || brackets.get(0).lowerBound().signum() != 0) {
            throw new IllegalArgumentException("A tax schedule needs brackets, the first from 0");
        }
        brackets = List.copyOf(brackets);
    }

    /** Income tax on an annual income, exact: each bracket's slice of the income times its rate, summed. */
    public BigDecimal incomeTaxExact(BigDecimal income) {
        BigDecimal tax = BigDecimal.ZERO;
        for (int i = 0; i < brackets.size(); i++) {
            BigDecimal lower = brackets.get(i).lowerBound();
            if (income.compareTo(lower) <= 0) {
                break;
            }
            BigDecimal upper = i + 1 < brackets.size() ? brackets.get(i + 1).lowerBound() : null;
            BigDecimal top = upper == null || income.compareTo(upper) < 0 ? income : upper;
            tax = tax.add(top.subtract(lower).multiply(brackets.get(i).rate()));
        }
        return tax;
    }

    /** The employee's social security on an annual income, exact: rate × the income up to the ceiling. */
    public BigDecimal socialSecurityExact(BigDecimal income) {
        BigDecimal base = socialSecurityCeiling != null && income.compareTo(socialSecurityCeiling) > 0 ? socialSecurityCeiling : income;
        return base.max(BigDecimal.ZERO).multiply(socialSecurityRate);
    }

    /** Income tax and social security together, exact. */
    public BigDecimal totalTaxExact(BigDecimal income) {
        return incomeTaxExact(income).add(socialSecurityExact(income));
    }

    /**
     * The marginal rate at an income: the rate of tax on the next unit earned, i.e. the rate of the bracket the income
     * falls in (an income on a lower bound is in the bracket that starts there) plus the social-security rate while the
     * income is below the ceiling.
     */
    public BigDecimal marginalRate(BigDecimal income) {
        BigDecimal rate = brackets.get(0).rate();
        for (TaxBracket b : brackets) {
            if (income.compareTo(b.lowerBound()) >= 0) {
                rate = b.rate();
            }
        }
        boolean belowCeiling = socialSecurityCeiling == null || income.compareTo(socialSecurityCeiling) < 0;
        return belowCeiling ? rate.add(socialSecurityRate) : rate;
    }

    /** Income tax and social security of an annual income, each rounded to the currency's minor unit (HALF_EVEN). */
    public TaxAssessment assess(BigDecimal annualIncome) {
        if (annualIncome == null || annualIncome.signum() < 0) {
            throw new IllegalArgumentException("An annual income of 0 or more is needed");
        }
        BigDecimal income = round(annualIncome);
        BigDecimal incomeTax = round(incomeTaxExact(income));
        BigDecimal socialSecurity = round(socialSecurityExact(income));
        return new TaxAssessment(country, currency, effectiveFrom, name, income, incomeTax, socialSecurity,
                incomeTax.add(socialSecurity), TaxTable.plain(marginalRate(income)));
    }

    /** An amount rounded to the currency's minor unit, HALF_EVEN (banker's rounding). */
    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }

    /** One minor unit of the currency: 0.01 for EUR, 1 for JPY, 0.001 for BHD. */
    public BigDecimal minorUnit() {
        return BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits());
    }
}
