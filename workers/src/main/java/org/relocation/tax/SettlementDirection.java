package org.relocation.tax;

/** Who owes the settlement of a tax year: the employee to the company, the company to the employee, or nobody. */
public enum SettlementDirection {
    OWED_BY_EMPLOYEE, OWED_TO_EMPLOYEE, NONE
}
