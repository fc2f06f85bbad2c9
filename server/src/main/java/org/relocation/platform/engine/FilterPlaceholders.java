package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.TaskQueryImpl;
import org.operaton.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.FilterEntity;
import org.operaton.bpm.engine.impl.util.ClockUtil;

import java.util.Date;
import java.util.Map;

/**
 * What a saved filter means for the person who runs it, without an expression in the stored query (expressions are
 * refused: {@link QueryExpressionPolicy}). A task filter's properties may say
 * <pre>"relocation": {"assignee": "current-user"}</pre> (the caller's own tasks) or
 * <pre>"relocation": {"dueWithinDays": 7}</pre> (due before now plus that many days). When the filter runs (list,
 * page, count, single result) the command's extending query gets that criterion, unless the caller's own extending
 * query sets it already; the stored query (a cached entity) is never changed. Nothing is evaluated, and the only
 * identity inserted is the authenticated caller's.
 */
final class FilterPlaceholders {

    static final String PROPERTY = "relocation";
    static final String ASSIGNEE = "assignee";
    static final String CURRENT_USER = "current-user";
    static final String DUE_WITHIN_DAYS = "dueWithinDays";

    private FilterPlaceholders() {
    }

    static void apply(AbstractExecuteFilterCmd command, FilterEntity stored, java.lang.reflect.Field extendingQuery, CommandContext context) {
        if (stored == null || stored.getProperties() == null || !(stored.getProperties().get(PROPERTY) instanceof Map<?, ?> placeholders)) {
            return;
        }
        Object extending = Reflect.get(extendingQuery, command);
        if (extending != null && !(extending instanceof TaskQueryImpl)) {
            return;
        }
        TaskQueryImpl query = extending == null ? new TaskQueryImpl() : (TaskQueryImpl) extending;
        String user = context.getAuthenticatedUserId();
        if (CURRENT_USER.equals(placeholders.get(ASSIGNEE)) && user != null && query.getAssignee() == null) {
            query.taskAssignee(user);
        }
        if (placeholders.get(DUE_WITHIN_DAYS) instanceof Number days && query.getDueBefore() == null) {
            query.dueBefore(Date.from(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(days.longValue()))));
        }
        if (extending == null) {
            Reflect.set(extendingQuery, command, query);
        }
    }
}
