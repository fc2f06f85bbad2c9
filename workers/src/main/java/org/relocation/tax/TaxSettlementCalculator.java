package org.relocation.tax;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year-end tax settlement of an equalised or protected employee (pure: no database, no Spring). All amounts are in
 * the settlement's currency; each is first rounded to its minor unit (HALF_EVEN), the rest is exact addition.
 * <pre>
 * actual        = Σ actual taxes (home and host)                 contribution = withheld + Σ actual taxes paid by the employee
 * burden        = EQUALISATION: hypothetical
 *                 PROTECTION:   min(hypothetical, actual)
 *                 LAISSEZ_FAIRE: actual (and no settlement)
 * settlement    = burden − contribution   (&gt; 0 owed by the employee, &lt; 0 owed to the employee)
 * company cost  = actual − burden
 * </pre>
 * {@code hypothetical} is the final hypothetical tax of the year (on the home-based pay actually received, see
 * {@link TaxCalculationService#hypotheticalTax}); {@code withheld} what payroll withheld as hypothetical tax during the year.
 */
public final class TaxSettlementCalculator {

    /**
     * @throws InvalidTaxCalculationException naming each bad field (never an amount)
     */
    public TaxSettlement settle(int taxYear, TaxApproach approach, CurrencyUnit currency, BigDecimal hypotheticalTax,
                                BigDecimal hypotheticalTaxWithheld, List<ActualTax> actualTaxes) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (taxYear < 1970 || taxYear > 2200) {
            errors.put("taxYear", "must be a year between 1970 and 2200");
        }
        if (approach == null) {
            errors.put("approach", "is required (EQUALISATION, PROTECTION or LAISSEZ_FAIRE)");
        }
        if (currency == null) {
            errors.put("currency", "is required (an ISO 4217 currency code such as EUR)");
        }
        checkAmount("hypotheticalTax", hypotheticalTax, approach != TaxApproach.LAISSEZ_FAIRE, errors);
        checkAmount("hypotheticalTaxWithheld", hypotheticalTaxWithheld, approach != TaxApproach.LAISSEZ_FAIRE, errors);
        if (approach == TaxApproach.LAISSEZ_FAIRE && hypotheticalTaxWithheld != null && hypotheticalTaxWithheld.signum() != 0) {
            errors.put("hypotheticalTaxWithheld", "must be 0 or absent under LAISSEZ_FAIRE: no hypothetical tax is withheld");
        }
        if (actualTaxes == null) {
            errors.put("actualTaxes", "is required (the home and host taxes of the year; an empty list if none)");
        } else {
            for (int i = 0; i < actualTaxes.size(); i++) {
                ActualTax t = actualTaxes.get(i);
                if (t == null) {
                    errors.put("actualTaxes[" + i + "]", "is required");
                    continue;
                }
                checkAmount("actualTaxes[" + i + "].amount", t.amount(), true, errors);
                if (t.paidBy() == null) {
                    errors.put("actualTaxes[" + i + "].paidBy", "is required (COMPANY or EMPLOYEE)");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTaxCalculationException(errors);
        }
        BigDecimal hypothetical = round(orZero(hypotheticalTax), currency);
        BigDecimal withheld = round(orZero(hypotheticalTaxWithheld), currency);
        BigDecimal byCompany = round(BigDecimal.ZERO, currency);
        BigDecimal byEmployee = round(BigDecimal.ZERO, currency);
        for (ActualTax t : actualTaxes) {
            BigDecimal amount = round(t.amount(), currency);
            if (t.paidBy() == ActualTax.PaidBy.COMPANY) {
                byCompany = byCompany.add(amount);
            } else {
                byEmployee = byEmployee.add(amount);
            }
        }
        BigDecimal actual = byCompany.add(byEmployee);
        BigDecimal contribution = withheld.add(byEmployee);
        if (approach == TaxApproach.LAISSEZ_FAIRE) {
            return new TaxSettlement(taxYear, approach, currency, hypothetical, withheld, actual, byCompany, byEmployee, actual,
                    contribution, round(BigDecimal.ZERO, currency), SettlementDirection.NONE, byCompany);
        }
        BigDecimal burden = approach == TaxApproach.EQUALISATION ? hypothetical : hypothetical.min(actual);
        BigDecimal settlement = burden.subtract(contribution);
        SettlementDirection direction = settlement.signum() > 0 ? SettlementDirection.OWED_BY_EMPLOYEE
                : settlement.signum() < 0 ? SettlementDirection.OWED_TO_EMPLOYEE : SettlementDirection.NONE;
        return new TaxSettlement(taxYear, approach, currency, hypothetical, withheld, actual, byCompany, byEmployee, burden,
                contribution, settlement.abs(), direction, actual.subtract(burden));
    }

    private static void checkAmount(String field, BigDecimal amount, boolean required, Map<String, String> errors) {
        if (amount == null) {
            if (required) {
                errors.put(field, "is required (0 or more)");
            }
        } else if (amount.signum() < 0) {
            errors.put(field, "must be 0 or more");
        } else if (amount.compareTo(TaxTableService.MAX_AMOUNT) > 0) {
            errors.put(field, "must be at most " + TaxTableService.MAX_AMOUNT.toPlainString());
        }
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static BigDecimal round(BigDecimal amount, CurrencyUnit currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
    }
}
