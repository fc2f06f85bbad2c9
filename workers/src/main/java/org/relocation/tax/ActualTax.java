package org.relocation.tax;

import java.math.BigDecimal;

/**
 * An actual tax of the tax year on the assignment income (a home or host return's income tax and social security):
 * the country, the amount in the settlement's currency, and who paid it (the company on the employee's behalf, or the
 * employee, e.g. through a host payroll's withholding from their pay or with their own return).
 */
public record ActualTax(String country, BigDecimal amount, PaidBy paidBy) {

    public enum PaidBy { COMPANY, EMPLOYEE }
}
