package org.relocation.expense.engine;

import org.operaton.bpm.engine.RuntimeService;
import org.relocation.expense.ExpenseClaimProcess;
import org.relocation.platform.engine.SystemContext;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * An expense claim's approval on the embedded engine: one instance of {@value ExpenseClaimProcess#PROCESS_KEY} per
 * claim, business key = case number, variables caseId, claimId, expenseRoute and (outside the policy)
 * policyExceptionId only (never an amount or the merchant). Runs as the system (the employee who submits has no engine
 * rights to start processes) in the caller's transaction, so the claim and its approval task are written together or
 * not at all.
 */
@Component
class EngineExpenseClaimProcess implements ExpenseClaimProcess {

    private final RuntimeService runtime;
    private final SystemContext system;

    EngineExpenseClaimProcess(RuntimeService runtime, SystemContext system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public String start(String caseNumber, Long caseId, Long claimId, String route, Long policyExceptionId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, caseId);
        variables.put(CLAIM_ID, claimId);
        variables.put(EXPENSE_ROUTE, route);
        if (policyExceptionId != null) {
            variables.put(POLICY_EXCEPTION_ID, policyExceptionId);
        }
        return system.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, caseNumber, variables).getId());
    }
}
