package org.relocation.tax;

import java.util.Set;

/**
 * The engine side of a tax settlement (the port; the server starts it on its embedded engine): one instance of process
 * {@value #PROCESS_KEY} per settlement, business key = case number, variables {@value #CASE_ID},
 * {@value #SETTLEMENT_ID} and {@value #SETTLEMENT_DUE} only (ids and a routing flag, never an amount).
 */
public interface TaxSettlementProcess {

    String PROCESS_KEY = "relocation-tax-settlement";
    String CASE_ID = "caseId";
    /** The settlement's id (a Long). */
    String SETTLEMENT_ID = "settlementId";
    /** Whether the settlement moves money (owed by or to the employee): routes the approved settlement. */
    String SETTLEMENT_DUE = "settlementDue";
    /** Every variable the process starts with. */
    Set<String> START_VARIABLES = Set.of(CASE_ID, SETTLEMENT_ID, SETTLEMENT_DUE);

    /** Starts the approval of a settlement; returns the process instance id. Joins the caller's transaction. */
    String start(String caseNumber, Long caseId, Long settlementId, boolean settlementDue);
}
