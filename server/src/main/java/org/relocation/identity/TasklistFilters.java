package org.relocation.identity;

import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.impl.TaskQueryImpl;
import org.operaton.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The saved Tasklist filters, each readable by the roles it is for (READ granted per filter; no role reads every
 * filter: the group-level "any filter" grants of earlier versions are removed at start). Created once each; a process
 * owner may change them in the Tasklist. None stores an expression (refused, platform/engine/QueryExpressionPolicy):
 * "the caller" and "this week" are placeholders in the filter's {@code relocation} property, applied when it runs
 * (platform/engine/FilterPlaceholders). The tasks in a filter are further limited by the engine's task authorizations:
 * the tasks the person holds or may claim.
 * <ul>
 *   <li>"All tasks" (the starter's, {@code operaton.bpm.filter.create}): priority 0, so everyone opens on it (without
 *       a priority the Tasklist picks whichever filter the database lists first); every role;</li>
 *   <li>"My cases": the tasks assigned to the caller, soonest due first; specialists and HR administration;</li>
 *   <li>"Approvals waiting for me": the approval tasks the caller holds or may claim; the approving roles;</li>
 *   <li>"Due this week": tasks due within 7 days; every role;</li>
 *   <li>"Immigration deadlines": permit renewals (due at the expiry), start dates at risk, counsel's requests and late
 *       decisions; every role;</li>
 *   <li>"Pay, tax and expenses": the payroll instruction's confirmation, follow-up and correction, compensation
 *       changes and their correction, tax briefings and settlements, expense claims and their exceptions; the roles
 *       that work on them.</li>
 * </ul>
 * A filter is created once; a process owner may change it in the Tasklist. The filters of task keys follow the product
 * at each start ({@link #followProductTasks}): a task this version adds to a filter's list joins the stored filter, and
 * what a process owner removed from or added to the list stays as they left it. The keys the product has put in are
 * kept in the filter's {@value #PRODUCT_TASKS} property; a filter of an earlier version without it gets every key of
 * the product's list it lacks.
 */
@Component
class TasklistFilters {

    static final String IMMIGRATION_DEADLINES = "Immigration deadlines";
    static final String MY_CASES = "My cases";
    static final String APPROVALS = "Approvals waiting for me";
    static final String DUE_THIS_WEEK = "Due this week";
    static final String PAY_AND_TAX = "Pay, tax and expenses";
    /** The approval tasks of the approving roles (a specialist's approval of an expense claim is in {@link #PAY_AND_TAX_TASKS}). */
    static final String[] APPROVAL_TASKS = {"approve-relocation", "approve-budget", "approve-transfer", "approve-policy-exception",
            "approve-case-closure", "approve-tax-settlement", "approve-compensation-change", "approve-expense-claim-finance",
            "decide-expense-exception", "approve-lease-exception"};
    static final String[] PAY_AND_TAX_TASKS = {"confirm-payroll-setup", "follow-up-payroll-provider", "correct-payroll-instruction",
            "approve-compensation-change", "correct-compensation-change", "follow-up-tax-briefing", "approve-tax-settlement", "approve-expense-claim",
            "approve-expense-claim-finance", "decide-expense-exception"};

    static final String[] IMMIGRATION_TASKS = {"renew-permit", "decide-start-date", "answer-counsel-request", "follow-up-counsel",
            "handle-permit-refusal", "arrange-posted-worker-formalities"};
    /** The filter property listing the task keys the product has put in the filter's query. */
    static final String PRODUCT_TASKS = "relocationProductTasks";

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    /** Every role that works in the Tasklist (job workers do not). */
    static final List<String> TASKLIST_ROLES = Roles.ALL.stream().filter(r -> !r.equals(Roles.JOB_WORKER)).toList();

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    private final String allTasks;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                    @Value("${operaton.bpm.filter.create:}") String allTasks) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
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
                grantRead(all, TASKLIST_ROLES);
            }
        }
        ensure(MY_CASES, tasks.createTaskQuery().orderByDueDate().asc(),
                properties("The tasks assigned to you, soonest due first", 1, Map.of("assignee", "current-user")),
                List.of(Roles.SPECIALIST, Roles.HR_ADMIN, Roles.ADMIN));
        ensureOfTasks(APPROVALS, APPROVAL_TASKS, properties("Approvals you hold or may claim, soonest due first", 2, null),
                List.of(Roles.MANAGER, Roles.FINANCE, Roles.HR_LEAD, Roles.SENIOR_MANAGER, Roles.ADMIN));
        ensure(DUE_THIS_WEEK, tasks.createTaskQuery().orderByDueDate().asc(),
                properties("Your tasks due within the next 7 days", 3, Map.of("dueWithinDays", 7)),
                TASKLIST_ROLES);
        ensureOfTasks(IMMIGRATION_DEADLINES, IMMIGRATION_TASKS,
                properties("Permit renewals (due at the expiry), start dates at risk, counsel's requests and late decisions", 10, null),
                TASKLIST_ROLES);
        ensureOfTasks(PAY_AND_TAX, PAY_AND_TAX_TASKS,
                properties("Payroll instructions, compensation changes, tax briefings and settlements, expense claims", 11, null),
                List.of(Roles.SPECIALIST, Roles.FINANCE, Roles.HR_ADMIN, Roles.HR_LEAD, Roles.ADMIN));
        removeAnyFilterGrants();
    }

    private static Map<String, Object> properties(String description, int priority, Map<String, Object> placeholders) {
        Map<String, Object> p = new HashMap<>();
        p.put("description", description);
        p.put("priority", priority);
        p.put("refresh", true);
        if (placeholders != null) {
            p.put("relocation", placeholders);
        }
        return p;
    }

    private Filter ensure(String name, TaskQuery query, Map<String, Object> properties, List<String> roles) {
        Filter filter = filters.createTaskFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
        if (filter == null) {
            filter = filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
            log.info("Tasklist filter '{}' created", name);
        }
        grantRead(filter, roles);
        return filter;
    }

    /** A filter of these task keys, soonest due first, created once, then following the product's list. */
    private void ensureOfTasks(String name, String[] keys, Map<String, Object> properties, List<String> roles) {
        properties.put(PRODUCT_TASKS, List.of(keys));
        followProductTasks(ensure(name, tasks.createTaskQuery().taskDefinitionKeyIn(keys).orderByDueDate().asc(), properties, roles), keys);
    }

    /**
     * Adds to the stored filter the keys of the product's list that the product has not put in before (the
     * {@value #PRODUCT_TASKS} property; without it, every key the filter lacks): a task added by this version appears in
     * installations whose filters were created before it, and a key a process owner removed is not put back.
     */
    private void followProductTasks(Filter filter, String[] product) {
        TaskQueryImpl query = filter.getQuery();
        Set<String> current = query.getKeys() == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(query.getKeys()));
        Map<String, Object> properties = filter.getProperties() == null ? new HashMap<>() : new HashMap<>(filter.getProperties());
        Set<String> known = properties.get(PRODUCT_TASKS) instanceof Collection<?> put
                ? put.stream().map(String::valueOf).collect(Collectors.toSet()) : current;
        List<String> added = Arrays.stream(product).filter(k -> !known.contains(k) && !current.contains(k)).toList();
        if (added.isEmpty() && known.equals(new LinkedHashSet<>(Arrays.asList(product)))) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>(current);
        keys.addAll(added);
        query.taskDefinitionKeyIn(keys.toArray(String[]::new));
        properties.put(PRODUCT_TASKS, List.of(product));
        filters.saveFilter(filter.setQuery(query).setProperties(properties));
        if (!added.isEmpty()) {
            log.info("Tasklist filter '{}': the tasks {} of this version added", filter.getName(), added);
        }
    }

    private void grantRead(Filter filter, List<String> roles) {
        for (String role : roles) {
            Authorization existing = authorizations.createAuthorizationQuery()
                    .groupIdIn(role).resourceType(Resources.FILTER).resourceId(filter.getId()).singleResult();
            if (existing == null) {
                Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                a.setGroupId(role);
                a.setResource(Resources.FILTER);
                a.setResourceId(filter.getId());
                a.addPermission(Permissions.READ);
                authorizations.saveAuthorization(a);
            } else if (!existing.isPermissionGranted(Permissions.READ)) {
                existing.addPermission(Permissions.READ);
                authorizations.saveAuthorization(existing);
            }
        }
    }

    /** Earlier versions let every role read every filter: such grants (not the administrators' ALL) are removed. */
    private void removeAnyFilterGrants() {
        List<String> roles = TASKLIST_ROLES.stream().filter(r -> !r.equals(Roles.ADMIN)).toList();
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(Authorization.ANY)
                .groupIdIn(roles.toArray(String[]::new)).list()) {
            authorizations.deleteAuthorization(a.getId());
            log.info("Removed the grant to read every Tasklist filter from group {}", a.getGroupId());
        }
    }
}
