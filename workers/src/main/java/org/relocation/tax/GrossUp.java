package org.relocation.tax;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A taxable allowance grossed up: paying {@code grossAllowance} on top of {@code baseIncome} leaves the employee
 * {@code netAllowance} after the extra income tax and social security ({@code taxOnAllowance} = gross − net), with the
 * table named. Amounts in the table's currency, rounded to its minor unit (HALF_EVEN); {@code marginalRate} is the rate
 * at base income + gross, {@code iterations} how many steps the iteration took.
 */
public record GrossUp(String country, CurrencyUnit currency, LocalDate tableEffectiveFrom, String tableName,
                      BigDecimal baseIncome, BigDecimal netAllowance, BigDecimal grossAllowance, BigDecimal taxOnAllowance,
                      BigDecimal marginalRate, int iterations) {
}
