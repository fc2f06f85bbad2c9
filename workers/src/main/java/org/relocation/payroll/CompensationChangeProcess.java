package org.relocation.payroll;

import java.util.Set;

/**
 * The engine side of a compensation change (the port; the server starts it on its embedded engine): one instance of
 * process {@value #PROCESS_KEY} per change, business key = case number, variables {@value #CASE_ID} and
 * {@value #CHANGE_VERSION} only (ids, never a salary or an amount).
 */
public interface CompensationChangeProcess {

    String PROCESS_KEY = "relocation-compensation-change";
    String CASE_ID = "caseId";
    /** The instruction version of the change finance decides (an int). */
    String CHANGE_VERSION = "changeVersion";
    /** Every variable the process starts with. */
    Set<String> START_VARIABLES = Set.of(CASE_ID, CHANGE_VERSION);

    /** Starts the change's approval; returns the process instance id. Joins the caller's transaction. */
    String start(String caseNumber, Long caseId, int changeVersion);
}
