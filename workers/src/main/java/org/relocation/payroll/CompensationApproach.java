package org.relocation.payroll;

/** How the assignee's pay is built ({@code relocation-compensation.dmn}). */
public enum CompensationApproach {
    /** Home balance sheet: home pay kept, allowances top it up for the host's costs. */
    HOME_BASED,
    /** Paid as a local employee of the host country. */
    HOST_BASED,
    /** Host pay with some home elements kept. */
    HYBRID
}
