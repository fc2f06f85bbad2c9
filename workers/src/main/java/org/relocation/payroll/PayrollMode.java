package org.relocation.payroll;

import org.relocation.relocationcase.AssignmentType;

/** Where the employee is paid during the move. */
public enum PayrollMode {
    /** Stays on home payroll; host shadow payroll for tax. */
    HOME,
    /** Paid partly by home and partly by host payroll. */
    SPLIT,
    /** Moves to the host country's payroll. */
    HOST;

    public static PayrollMode forAssignment(AssignmentType type) {
        return switch (type) {
            case SHORT_TERM, EXTENDED_BUSINESS_TRAVELLER -> HOME;
            case LONG_TERM -> SPLIT;
            case PERMANENT_TRANSFER, LOCAL_HIRE -> HOST;
        };
    }
}
