package org.relocation.relocationcase.engine;

import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.task.IdentityLink;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.engine.TaskCandidates;
import org.relocation.platform.engine.TaskCreatedHook;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStaff;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;


/**
 * Who a new task of a case goes to, read from the case when the task is created (no process variable copies it):
 * <ul>
 *   <li>the manager approval ({@code approve-relocation}) to the case's line manager alone: assigned to them, the
 *       manager role withdrawn as candidate (with the rights it had on the task). Assigning it passes through the
 *       absence rule ({@code AbsentApprovers} of the approval feature): a line manager away today hands it to
 *       their delegate, logged;</li>
 *   <li>a task of the specialist role to the case's specialist first: a candidate user besides the role, which stays a
 *       candidate, so anyone in it can still claim the task when the specialist is away.</li>
 * </ul>
 * Cases opened before the line manager was asked for have none: their approvals stay with the whole manager role.
 */
@Component
class NamedPeopleRouting implements TaskCreatedHook {

    private final CaseService cases;

    NamedPeopleRouting(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void taskCreated(DelegateTask task) {
        boolean managerApproval = CaseStaff.LINE_MANAGER_TASK.equals(task.getTaskDefinitionKey());
        if (!managerApproval && task.getAssignee() != null) {
            return; // an employee's own task
        }
        boolean specialistTask = !managerApproval && hasCandidateGroup(task, CaseStaff.SPECIALIST_ROLE);
        Object caseId = task.getVariable(ProcessVariables.CASE_ID);
        if (!(managerApproval || specialistTask) || !(caseId instanceof Number n)) {
            return;
        }
        RelocationCase c = cases.get(n.longValue());
        if (managerApproval && c.getLineManagerUserId() != null) {
            TaskCandidates.withdrawGroup(task, CaseStaff.LINE_MANAGER_ROLE);
            task.setAssignee(c.getLineManagerUserId());
        } else if (specialistTask && c.getSpecialistUserId() != null) {
            task.addCandidateUser(c.getSpecialistUserId());
        }
    }

    private static boolean hasCandidateGroup(DelegateTask task, String group) {
        for (IdentityLink link : task.getCandidates()) {
            if (group.equals(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }
}
