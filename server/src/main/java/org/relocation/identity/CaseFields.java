package org.relocation.identity;

/**
 * The groups of a case's fields that not every reader sees. What every reader of a case sees (who moves where and
 * when, status, phases, open tasks, timeline, service orders, notifications) is not a group.
 */
public enum CaseFields {
    /** Cost centre, grade, budget, final cost, the estimate (without its salary lines) and service order costs. */
    FINANCIALS,
    /** Base salary and the estimate lines computed from it (cost-of-living allowance, with their basis). */
    SALARY,
    /**
     * Travellers' names, nationality, birth dates and passports, the documents, the key dates (passport expiry among
     * them), the right-to-work checks with their document references, the permit renewals, and the employee's benefits
     * enrolment (health plan, pension) and international cover (provider and notes).
     */
    PERSONAL,
    /** The approvers' decisions with their comments. */
    APPROVALS,
    /**
     * Free text written about the person and their circumstances to support a decision: the justifications of policy
     * exceptions, the specialist's counsel notes, the notes of permit renewals and of the phases' records (kick-off call,
     * closure approval). For who runs cases and the HR lead, who decides exceptions on it; whoever asked an exception also
     * reads their own justification.
     */
    NOTES;

    /** The estimate line categories computed from the base salary: shown only with {@link #SALARY}. */
    public static final java.util.Set<String> SALARY_LINES = java.util.Set.of("cost-of-living-allowance");
}
