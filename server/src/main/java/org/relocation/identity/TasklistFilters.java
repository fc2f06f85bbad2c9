package org.relocation.identity;

import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Saved Tasklist filters every role can read (IdentityBootstrap grants READ on filters): "Immigration deadlines",
 * the tasks that have a date to meet (permit renewals due at the expiry, a start date at risk, counsel's requests
 * and late decisions), soonest due first. Created once; a process owner may change it in the Tasklist.
 */
@Component
class TasklistFilters {

    static final String IMMIGRATION_DEADLINES = "Immigration deadlines";

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void create() {
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
