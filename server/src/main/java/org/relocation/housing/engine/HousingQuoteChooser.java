package org.relocation.housing.engine;

import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.operaton.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.relocation.housing.HousingQuotes;
import org.relocation.platform.engine.ProcessVariables;
import org.relocation.platform.engine.TaskCreatedHook;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStaff;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

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
        withdrawCandidateGroup(task, CaseStaff.SPECIALIST_ROLE);
        task.setAssignee(c.getEmployeeUserId());
    }

    /**
     * Removes a candidate group from a task being created, with the rights on the task the engine granted the group when
     * it became a candidate; both were created in this command and are dropped from the command's cache.
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
