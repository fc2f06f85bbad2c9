package org.relocation.expense;

import java.util.Set;

/**
 * The engine side of an expense claim (the port; the server starts it on its embedded engine): one instance of process
 * {@value #PROCESS_KEY} per claim, business key = case number, variables {@value #CASE_ID}, {@value #CLAIM_ID},
 * {@value #EXPENSE_ROUTE} and, outside the policy, {@value #POLICY_EXCEPTION_ID}: ids and a routing flag, never an
 * amount or the merchant.
 */
public interface ExpenseClaimProcess {

    String PROCESS_KEY = "relocation-expense-claim";
    String CASE_ID = "caseId";
    /** The claim's id (a Long). */
    String CLAIM_ID = "claimId";
    /** SPECIALIST, FINANCE or EXCEPTION: the route relocation-expense-routing decided. */
    String EXPENSE_ROUTE = "expenseRoute";
    /** The policy exception asked for a claim outside the policy (a Long; route EXCEPTION only). */
    String POLICY_EXCEPTION_ID = "policyExceptionId";
    /** Every variable the process may start with. */
    Set<String> START_VARIABLES = Set.of(CASE_ID, CLAIM_ID, EXPENSE_ROUTE, POLICY_EXCEPTION_ID);

    /** Starts the approval of a claim; returns the process instance id. Joins the caller's transaction. */
    String start(String caseNumber, Long caseId, Long claimId, String route, Long policyExceptionId);
}
