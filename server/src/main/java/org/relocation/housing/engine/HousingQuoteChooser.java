package org.relocation.housing.engine;

import org.operaton.bpm.engine.delegate.DelegateTask;
import org.relocation.housing.HousingQuotes;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.engine.TaskCandidates;
import org.relocation.platform.engine.TaskCreatedHook;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStaff;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/**
 * Who chooses the temporary-housing quote ({@code choose-housing-quote}): where the case's policy lets the employee
 * choose (the allowances table's {@code employeeChoosesHousingQuote}), the task is assigned to the case's employee (from
 * the case record) and the specialist role withdrawn as candidate, with the rights it had on the task; otherwise it stays
 * with the specialist role (and the case's specialist first, {@code NamedPeopleRouting}). Runs before the other hooks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HousingQuoteChooser implements TaskCreatedHook {

    static final String TASK = "choose-housing-quote";

    private final HousingQuotes quotes;
    private final CaseService cases;

    HousingQuoteChooser(HousingQuotes quotes, CaseService cases) {
        this.quotes = quotes;
        this.cases = cases;
    }

    @Override
    public void taskCreated(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey()) || !(task.getVariable(ProcessVariables.CASE_ID) instanceof Number n)) {
            return;
        }
        RelocationCase c = cases.get(n.longValue());
        if (c.getEmployeeUserId() == null || !quotes.employeeChooses(c.getId())) {
            return;
        }
        TaskCandidates.withdrawGroup(task, CaseStaff.SPECIALIST_ROLE);
        task.setAssignee(c.getEmployeeUserId());
    }
}
