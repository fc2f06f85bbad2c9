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
import java.util.Set;

/**
 * No expression from a request is ever evaluated. The engine evaluates the JUEL expressions a task query carries
 * (assigneeExpression, candidateGroupExpression, ...) when it runs the query, in or-queries too, and in filters. This
 * refuses, where the engine runs them, whatever the REST path, spelling or encoding that built them:
 * <ul>
 *   <li>an ad-hoc task query (top level or any or-query) with any expression;</li>
 *   <li>a filter executed with an extending query that carries one;</li>
 *   <li>a filter saved, or executed, whose stored query carries anything but a whole-string
 *       {@code ${currentUser()}} or {@code ${currentUserGroups()}} (the Tasklist's own filters).</li>
 * </ul>
 * In-process code runs no expression queries either, so the rule holds for every caller.
 */
final class QueryExpressionPolicy {

    /** The only expressions a stored filter may hold: the current user's identity, nothing that calls code. */
    static final Set<String> STORED_FILTER_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}");

    private static final java.lang.reflect.Field FILTER_ID = Reflect.field(AbstractExecuteFilterCmd.class, "filterId");
    private static final java.lang.reflect.Field EXTENDING_QUERY = Reflect.field(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final java.lang.reflect.Field SAVED_FILTER = Reflect.field(SaveFilterCmd.class, "filter");

    private QueryExpressionPolicy() {
    }

    static void check(Command<?> command, CommandContext context) {
        if (command instanceof TaskQueryImpl query) {
            refuse(expressions(query), Set.of(), "an ad-hoc task query");
        } else if (command instanceof AbstractExecuteFilterCmd) {
            Object extending = Reflect.get(EXTENDING_QUERY, command);
            if (extending instanceof AbstractQuery<?, ?> q) {
                refuse(expressions(q), Set.of(), "a filter's extending query");
            }
            Object filterId = Reflect.get(FILTER_ID, command);
            FilterEntity stored = filterId instanceof String id ? context.getFilterManager().findFilterById(id) : null;
            if (stored != null) {
                refuse(expressions(stored.getQuery()), STORED_FILTER_EXPRESSIONS, "the stored filter " + stored.getId());
            }
        } else if (command instanceof SaveFilterCmd) {
            Object filter = Reflect.get(SAVED_FILTER, command);
            if (filter instanceof Filter f) {
                refuse(expressions(f.getQuery()), STORED_FILTER_EXPRESSIONS, "a filter's query");
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

    private static void refuse(List<Map.Entry<String, String>> expressions, Set<String> allowed, String where) {
        List<String> refused = expressions.stream()
                .filter(e -> e.getValue() != null && !allowed.contains(e.getValue()))
                .map(Map.Entry::getKey).distinct().toList();
        if (!refused.isEmpty()) {
            throw new BadUserRequestException("Expressions are not allowed in " + where + " (orQueries included): "
                    + String.join(", ", refused) + (allowed.isEmpty() ? "" : "; a stored filter may only use " + allowed));
        }
    }
}
