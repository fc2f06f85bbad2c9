package org.relocation.tax;

import org.relocation.fx.AppliedRate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The hypothetical tax of an equalised or protected employee: the income tax and employee social security they would
 * have paid at home on their home-country salary ({@code assessment.totalTax()}, in the home country's currency), which
 * payroll withholds from their pay instead of the actual taxes. {@code conversion} is the exchange rate used when the
 * salary was given in another currency (null otherwise).
 */
public record HypotheticalTax(TaxAssessment assessment, AppliedRate conversion) {

    /** The annual hypothetical tax: income tax plus social security at home. */
    public BigDecimal annualAmount() {
        return assessment.totalTax();
    }

    /**
     * The annual amount spread over pay periods (12 monthly, 26 fortnightly, ...): each period the amount divided by the
     * periods, rounded to the minor unit (HALF_EVEN), the last period taking what rounding left, so the periods add up
     * exactly to {@link #annualAmount()}.
     */
    public List<BigDecimal> withholdingPerPeriod(int periodsPerYear) {
        if (periodsPerYear < 1 || periodsPerYear > 366) {
            throw new IllegalArgumentException("periodsPerYear must be between 1 and 366");
        }
        int digits = assessment.currency().getDefaultFractionDigits();
        BigDecimal each = annualAmount().divide(BigDecimal.valueOf(periodsPerYear), digits, RoundingMode.HALF_EVEN);
        List<BigDecimal> periods = new ArrayList<>();
        for (int i = 1; i < periodsPerYear; i++) {
            periods.add(each);
        }
        periods.add(annualAmount().subtract(each.multiply(BigDecimal.valueOf(periodsPerYear - 1L))));
        return List.copyOf(periods);
    }
}
