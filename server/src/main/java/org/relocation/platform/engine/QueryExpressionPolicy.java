package org.relocation.platform.engine;

import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.impl.AbstractQuery;
import org.operaton.bpm.engine.impl.TaskQueryImpl;
import org.operaton.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.operaton.bpm.engine.impl.cmd.SaveFilterCmd;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.FilterEntity;
import org.operaton.bpm.engine.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No expression from a request is ever evaluated. The engine evaluates the JUEL expressions a task query carries
 * (assigneeExpression, candidateGroupExpression, ...) when it runs the query, in or-queries too, and in filters; its own
 * switches ({@code enableExpressionsInAdhocQueries}, {@code enableExpressionsInStoredQueries}, both off) miss the
 * or-queries. This refuses, where the engine runs them, whatever the REST path, spelling or encoding that built them,
 * any expression in: an ad-hoc task query (top level or any or-query), a filter's extending query, and a filter's
 * stored query (when saved, and when run: a filter stored before this rule). The Tasklist's filters use none
 * ({@code identity/TasklistFilters}). In-process code runs no expression queries either, so the rule holds for every
 * caller.
 */
final class QueryExpressionPolicy {

    private static final java.lang.reflect.Field FILTER_ID = Reflect.field(AbstractExecuteFilterCmd.class, "filterId");
    private static final java.lang.reflect.Field EXTENDING_QUERY = Reflect.field(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final java.lang.reflect.Field SAVED_FILTER = Reflect.field(SaveFilterCmd.class, "filter");

    private QueryExpressionPolicy() {
    }

    static void check(Command<?> command, CommandContext context) {
        if (command instanceof TaskQueryImpl query) {
            refuse(expressions(query), "an ad-hoc task query");
        } else if (command instanceof AbstractExecuteFilterCmd) {
            Object extending = Reflect.get(EXTENDING_QUERY, command);
            if (extending instanceof AbstractQuery<?, ?> q) {
                refuse(expressions(q), "a filter's extending query");
            }
            Object filterId = Reflect.get(FILTER_ID, command);
            FilterEntity stored = filterId instanceof String id ? context.getFilterManager().findFilterById(id) : null;
            if (stored != null) {
                refuse(expressions(stored.getQuery()), "the stored filter " + stored.getId());
            }
            FilterPlaceholders.apply((AbstractExecuteFilterCmd) command, stored, EXTENDING_QUERY, context);
        } else if (command instanceof SaveFilterCmd) {
            Object filter = Reflect.get(SAVED_FILTER, command);
            if (filter instanceof Filter f) {
                refuse(expressions(f.getQuery()), "a filter's query");
            }
        }
    }

    /** Field → expression of a query and of each of its or-queries. */
    static List<Map.Entry<String, String>> expressions(Query<?, ?> query) {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        if (query instanceof AbstractQuery<?, ?> q) {
            found.addAll(q.getExpressions().entrySet());
        }
        if (query instanceof TaskQueryImpl task && task.getQueries() != null) {
            for (TaskQueryImpl or : task.getQueries()) {
                if (or != query) {
                    found.addAll(or.getExpressions().entrySet());
                }
            }
        }
        return found;
    }

    private static void refuse(List<Map.Entry<String, String>> expressions, String where) {
        List<String> refused = expressions.stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).distinct().toList();
        if (!refused.isEmpty()) {
            throw new BadUserRequestException("Expressions are not allowed in " + where + " (orQueries included): "
                    + String.join(", ", refused));
        }
    }
}
