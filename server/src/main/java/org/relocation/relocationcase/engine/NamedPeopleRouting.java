package org.relocation.relocationcase.engine;

import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.operaton.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.engine.TaskCreatedHook;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStaff;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

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
            withdrawCandidateGroup(task, CaseStaff.LINE_MANAGER_ROLE);
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

    /**
     * Removes a candidate group from a task being created, with the rights on the task the engine granted the group when
     * it became a candidate (the engine keeps those when a candidate is removed: the group could still read and claim).
     * Both were created in this command and are not written yet: they are dropped from the command's cache.
     */
    private static void withdrawCandidateGroup(DelegateTask task, String group) {
        TaskEntity entity = (TaskEntity) task;
        for (IdentityLinkEntity link : new ArrayList<>(entity.getIdentityLinks())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId())) {
                link.delete();
                entity.getIdentityLinks().remove(link);
            }
        }
        DbEntityManager db = Context.getCommandContext().getDbEntityManager();
        for (AuthorizationEntity a : db.getCachedEntitiesByType(AuthorizationEntity.class)) {
            boolean taskResource = a.getResourceType() == Resources.TASK.resourceType()
                    || a.getResourceType() == Resources.HISTORIC_TASK.resourceType();
            if (taskResource && entity.getId().equals(a.getResourceId()) && group.equals(a.getGroupId())) {
                db.delete(a);
            }
        }
    }
}
