package org.relocation.identity;

import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Saved Tasklist filters every role can read (IdentityBootstrap grants READ on filters): "Immigration deadlines",
 * the tasks that have a date to meet (permit renewals due at the expiry, a start date at risk, counsel's requests
 * and late decisions), soonest due first. Created once; a process owner may change it in the Tasklist.
 * <p>
 * The Tasklist opens on the filter of the lowest priority, and on whichever the database lists first among filters
 * without one: the starter's "All tasks" ({@code operaton.bpm.filter.create}) gets priority 0 here, so everyone lands
 * on all their tasks, not on a filter that happens to come first.
 */
@Component
class TasklistFilters {

    static final String IMMIGRATION_DEADLINES = "Immigration deadlines";

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;

    private final String allTasks;

    TasklistFilters(FilterService filters, TaskService tasks, @Value("${operaton.bpm.filter.create:}") String allTasks) {
        this.filters = filters;
        this.tasks = tasks;
        this.allTasks = allTasks;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void create() {
        if (!allTasks.isBlank()) {
            for (Filter all : filters.createTaskFilterQuery().filterName(allTasks).list()) {
                if (all.getProperties() == null || !all.getProperties().containsKey("priority")) {
                    Map<String, Object> properties = all.getProperties() == null ? new HashMap<>() : new HashMap<>(all.getProperties());
                    properties.put("priority", 0);
                    filters.saveFilter(all.setProperties(properties));
                    log.info("Tasklist filter '{}' opens first (priority 0)", allTasks);
                }
            }
        }
        if (filters.createFilterQuery().filterName(IMMIGRATION_DEADLINES).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(IMMIGRATION_DEADLINES)
                .setQuery(tasks.createTaskQuery()
                        .taskDefinitionKeyIn("renew-permit", "decide-start-date", "answer-counsel-request", "follow-up-counsel",
                                "handle-permit-refusal", "arrange-posted-worker-formalities")
                        .orderByDueDate().asc())
                .setProperties(Map.of(
                        "description", "Permit renewals (due at the expiry), start dates at risk, counsel's requests and late decisions",
                        "priority", 10,
                        "refresh", true));
        filters.saveFilter(filter);
        log.info("Tasklist filter '{}' created", IMMIGRATION_DEADLINES);
    }
}
