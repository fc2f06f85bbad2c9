package org.relocation.ledger;

/** The period a policy cap applies to: a calendar month, a calendar year, the whole assignment, or none (no cap). */
public enum CapPeriod {
    MONTH, YEAR, ASSIGNMENT, NONE
}
