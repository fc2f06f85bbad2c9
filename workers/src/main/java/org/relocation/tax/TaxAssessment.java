package org.relocation.tax;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The taxes on one annual income with one country's table: income tax and the employee's social security, each
 * rounded to the currency's minor unit (HALF_EVEN), and their sum; the marginal rate at that income (income tax plus
 * social security below the ceiling). {@code tableEffectiveFrom} and {@code tableName} name the table used.
 */
public record TaxAssessment(String country, CurrencyUnit currency, LocalDate tableEffectiveFrom, String tableName,
                            BigDecimal taxableIncome, BigDecimal incomeTax, BigDecimal socialSecurity, BigDecimal totalTax,
                            BigDecimal marginalRate) {
}
