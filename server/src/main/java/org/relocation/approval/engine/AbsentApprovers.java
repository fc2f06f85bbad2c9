package org.relocation.approval.engine;

import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.task.Task;
import org.relocation.approval.AbsenceService;
import org.relocation.approval.ApprovalStep;
import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.platform.engine.SystemContext;
import org.relocation.platform.engine.TaskAssignedHook;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approvals of an absent approver go to their delegate: when an approval task is assigned to someone away today
 * (claimed, or handed over), and when an absence is registered for the tasks the approver already holds. Every
 * reassignment is logged on the case.
 */
@Component
public class AbsentApprovers implements TaskAssignedHook {

    private final AbsenceService absences;
    private final DecisionLog log;
    private final TaskService tasks;
    private final SystemContext system;

    AbsentApprovers(AbsenceService absences, DecisionLog log, @Lazy TaskService tasks, SystemContext system) {
        this.absences = absences;
        this.log = log;
        this.tasks = tasks;
        this.system = system;
    }

    /** Task listener (assignment): an approval assigned to an absent approver goes on to their delegate. */
    @Override
    public void taskAssigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || ApprovalStep.ofTask(task.getTaskDefinitionKey()).isEmpty()) {
            return;
        }
        absences.delegateToday(assignee).ifPresent(delegate -> {
            task.setAssignee(delegate);
            logged(task.getVariable("caseId"), task.getTaskDefinitionKey(), assignee, delegate);
        });
    }

    /** The open approvals assigned to an approver who is away today go to their delegate; returns the task ids. */
    public List<String> reassignOpenTasksOf(String userId) {
        List<String> moved = new ArrayList<>();
        String delegate = absences.delegateToday(userId).orElse(null);
        if (delegate == null) {
            return moved;
        }
        List<Task> held = system.call(() -> tasks.createTaskQuery().taskAssignee(userId).list());
        for (Task t : held) {
            if (ApprovalStep.ofTask(t.getTaskDefinitionKey()).isPresent()) {
                Object caseId = system.call(() -> {
                    tasks.setAssignee(t.getId(), delegate);
                    return tasks.getVariable(t.getId(), "caseId");
                });
                logged(caseId, t.getTaskDefinitionKey(), userId, delegate);
                moved.add(t.getId());
            }
        }
        return moved;
    }

    private void logged(Object caseId, String step, String from, String to) {
        if (caseId instanceof Number n) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("step", step);
            details.put("from", from);
            details.put("to", to);
            details.put("reason", "approver absent");
            log.append(n.longValue(), DecisionKind.APPROVAL, step, "Approval task reassigned to " + to + " (approver absent)", details,
                    DecisionLog.SYSTEM);
        }
    }
}
