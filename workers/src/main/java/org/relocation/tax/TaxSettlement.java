package org.relocation.tax;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;

/**
 * The tax reconciliation of one tax year of an assignment, in one currency (amounts at its minor unit):
 * <ul>
 *   <li>{@code employeeTaxBurden}: what the employee is to bear under the approach (equalisation: the final
 *   hypothetical tax; protection: the lower of it and the actual taxes; laissez-faire: the actual taxes);</li>
 *   <li>{@code employeeContribution}: what they bore already: the hypothetical tax withheld plus actual taxes they paid
 *   themselves;</li>
 *   <li>{@code amount} and {@code direction}: the settlement, burden − contribution: positive → the employee owes the
 *   company ({@link SettlementDirection#OWED_BY_EMPLOYEE}), negative → the company owes the employee; laissez-faire:
 *   always {@link SettlementDirection#NONE} and 0;</li>
 *   <li>{@code companyTaxCost}: what the taxes cost the company after the settlement: the actual taxes − the employee's
 *   burden (laissez-faire: what the company paid, if anything).</li>
 * </ul>
 */
public record TaxSettlement(int taxYear, TaxApproach approach, CurrencyUnit currency, BigDecimal hypotheticalTax,
                            BigDecimal hypotheticalTaxWithheld, BigDecimal actualTaxes, BigDecimal actualTaxesPaidByCompany,
                            BigDecimal actualTaxesPaidByEmployee, BigDecimal employeeTaxBurden, BigDecimal employeeContribution,
                            BigDecimal amount, SettlementDirection direction, BigDecimal companyTaxCost) {
}
