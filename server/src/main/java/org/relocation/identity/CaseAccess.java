package org.relocation.identity;

import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.relocation.platform.engine.SystemContext;
import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reads which cases, and which of their fields: the one place that decides it for the case, key-date, decision-log,
 * options and policy-exception APIs.
 * <ul>
 *   <li>Mobility specialists, HR administration and administrators run cases: they read every case.</li>
 *   <li>Managers, finance, HR leads and senior managers read the cases they act on: a task of the case they hold or
 *       may claim, a step they completed or a decision-log entry of theirs (an approval, an exception asked or
 *       decided), and, for finance and managers, the cases of the cost centres configured for them
 *       ({@code relocation.identity.users[].cost-centres}).</li>
 *   <li>An employee reads their own cases.</li>
 * </ul>
 * The scope goes into the queries ({@link CaseScope}); a case outside it is "not found".
 */
@Component
public class CaseAccess {

    /** Roles that run cases: every case, and the team's key dates. */
    private static final Set<String> RUN_CASES = Set.of(Roles.SPECIALIST, Roles.HR_ADMIN, Roles.ADMIN);
    /** Roles that act on some cases: approvals, budgets, policy exceptions. */
    private static final Set<String> ACT_ON_CASES = Set.of(Roles.MANAGER, Roles.FINANCE, Roles.HR_LEAD, Roles.SENIOR_MANAGER);
    /** Roles that read the cases of the cost centres they answer for. */
    private static final Set<String> COST_CENTRE_READERS = Set.of(Roles.MANAGER, Roles.FINANCE);
    /** The field groups each role sees on every case it may read; an employee sees theirs on their own case only. */
    private static final Map<String, Set<CaseFields>> FIELDS = Map.of(
            Roles.SPECIALIST, EnumSet.of(CaseFields.FINANCIALS, CaseFields.PERSONAL, CaseFields.APPROVALS, CaseFields.NOTES),
            Roles.HR_ADMIN, EnumSet.allOf(CaseFields.class),
            Roles.ADMIN, EnumSet.allOf(CaseFields.class),
            Roles.FINANCE, EnumSet.of(CaseFields.FINANCIALS, CaseFields.SALARY, CaseFields.APPROVALS),
            Roles.MANAGER, EnumSet.of(CaseFields.FINANCIALS, CaseFields.APPROVALS),
            Roles.HR_LEAD, EnumSet.of(CaseFields.FINANCIALS, CaseFields.APPROVALS, CaseFields.NOTES),
            Roles.SENIOR_MANAGER, EnumSet.of(CaseFields.FINANCIALS, CaseFields.APPROVALS));
    private static final Set<CaseFields> OWN_CASE = EnumSet.of(CaseFields.PERSONAL);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final SystemContext system;
    private final Map<String, Set<String>> costCentres;

    CaseAccess(TaskService tasks, RuntimeService runtime, SystemContext system, IdentityProperties identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.system = system;
        this.costCentres = identity.getUsers().stream().filter(u -> u.getId() != null && !u.getCostCentres().isEmpty())
                .collect(Collectors.toUnmodifiableMap(IdentityProperties.User::getId, u -> Set.copyOf(u.getCostCentres()),
                        (a, b) -> b));
    }

    /** The cases this user may read. */
    public CaseScope scope(Authentication user) {
        Set<String> roles = roles(user);
        if (!Collections.disjoint(roles, RUN_CASES)) {
            return CaseScope.everything();
        }
        String employee = roles.contains(Roles.EMPLOYEE) ? user.getName() : null;
        if (Collections.disjoint(roles, ACT_ON_CASES)) {
            return new CaseScope(false, employee, null, Set.of(), Set.of());
        }
        Set<String> centres = Collections.disjoint(roles, COST_CENTRE_READERS) ? Set.of() : costCentres.getOrDefault(user.getName(), Set.of());
        return new CaseScope(false, employee, user.getName(), openTaskCases(user.getName()), centres);
    }

    /** Whether this user runs cases (and so reads every case and the team's key dates). */
    public boolean runsCases(Authentication user) {
        return !Collections.disjoint(roles(user), RUN_CASES);
    }

    /** The field groups this user sees of a case they may read. */
    public Set<CaseFields> fields(Authentication user, RelocationCase c) {
        Set<CaseFields> fields = EnumSet.noneOf(CaseFields.class);
        Set<String> roles = roles(user);
        roles.forEach(role -> fields.addAll(FIELDS.getOrDefault(role, Set.of())));
        if (roles.contains(Roles.EMPLOYEE) && user.getName().equals(c.getEmployeeUserId())) {
            fields.addAll(OWN_CASE);
        }
        return fields;
    }

    /**
     * Whether this user sees the personal details of every case in their {@link #scope}: who runs cases does, and so does
     * an employee, whose scope is their own cases.
     */
    public boolean personalInScope(Authentication user) {
        Set<String> roles = roles(user);
        boolean allCases = roles.stream().anyMatch(r -> FIELDS.getOrDefault(r, Set.of()).contains(CaseFields.PERSONAL));
        return allCases || (roles.contains(Roles.EMPLOYEE) && Collections.disjoint(roles, ACT_ON_CASES));
    }

    /** The case numbers of the cases with a task this user holds, or may claim (a candidate, or in a candidate group). */
    private Set<String> openTaskCases(String userId) {
        return system.call(() -> {
            Set<String> instances = new HashSet<>();
            List<Task> held = tasks.createTaskQuery().taskAssignee(userId).list();
            List<Task> claimable = tasks.createTaskQuery().taskCandidateUser(userId).list();
            held.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).forEach(instances::add);
            claimable.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).forEach(instances::add);
            if (instances.isEmpty()) {
                return Set.of();
            }
            return runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                    .map(ProcessInstance::getBusinessKey).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        });
    }

    private static Set<String> roles(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).collect(Collectors.toSet());
    }
}
