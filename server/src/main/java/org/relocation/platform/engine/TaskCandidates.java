package org.relocation.platform.engine;

import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.operaton.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.task.IdentityLinkType;

import java.util.ArrayList;

/** Changes to the candidates of a task while it is being created (in a {@link TaskCreatedHook}). */
public final class TaskCandidates {

    private TaskCandidates() {
    }

    /**
     * Removes a candidate group from a task being created, with the rights on the task the engine granted the group when
     * it became a candidate (the engine keeps those when a candidate is removed: the group could still read and claim).
     * Both were created in this command and are not written yet: they are dropped from the command's cache.
     */
    public static void withdrawGroup(DelegateTask task, String group) {
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
