package org.relocation.relocationcase.engine;

import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.engine.TaskCreatedHook;
import org.relocation.relocationcase.CaseRoute;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

/**
 * What a task card in the Tasklist says, so two "Review intake" cards can be told apart: the task is named
 * {@code <activity> · <case number> · <route>}, e.g. {@code Review intake · RC-2027-0042 · GB → DE Berlin} (no employee
 * name, no nationality: every role that sees the task reads its name, in history too), and a task without a due date
 * gets the one its task key's SLA sets ({@code relocation.tasklist.due-after.<taskKey>}, an ISO-8601 duration). Tasks
 * with a due date from the model (permit renewals) or from their "-overdue" timer (approvals) keep it. The timeline and
 * submission records keep the activity's own name ({@code JourneyListeners} reads it from the model).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TaskCards implements TaskCreatedHook {

    static final String SEPARATOR = " · ";
    private static final int MAX_NAME = 255;

    private final CaseService cases;
    private final Map<String, Duration> dueAfter;

    TaskCards(CaseService cases, Environment environment) {
        this.cases = cases;
        this.dueAfter = Binder.get(environment)
                .bind("relocation.tasklist.due-after", Bindable.mapOf(String.class, Duration.class))
                .orElse(Map.of());
    }

    @Override
    public void taskCreated(DelegateTask task) {
        Object caseId = task.getVariable(ProcessVariables.CASE_ID);
        if (!(caseId instanceof Number n)) {
            return;
        }
        RelocationCase c = cases.get(n.longValue());
        String activity = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
        String name = activity + SEPARATOR + c.getCaseNumber() + SEPARATOR + CaseRoute.of(c);
        task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
        Duration sla = dueAfter.get(task.getTaskDefinitionKey());
        if (task.getDueDate() == null && sla != null) {
            task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(sla)));
        }
    }
}
