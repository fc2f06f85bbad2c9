package org.relocation.platform.engine;

import org.relocation.relocationcase.RelocationCase;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The typed wrapper of the journey's start variables: the case id and the employee's login, nothing personal. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "relocation";
    public static final String CASE_ID = "caseId";
    public static final String EMPLOYEE_USER_ID = "employeeUserId";
    /**
     * Every variable a journey starts with: the case id, and the employee's login (the assignee of their tasks). Nothing
     * else of the case is copied: a copy goes stale when the intake is revised; decisions and workers read the case.
     */
    public static final Set<String> START_VARIABLES = Set.of(CASE_ID, EMPLOYEE_USER_ID);

    private ProcessVariables() {
    }

    public static Map<String, Object> forCase(RelocationCase c) {
        Map<String, Object> v = new HashMap<>();
        v.put(CASE_ID, c.getId());
        v.put(EMPLOYEE_USER_ID, c.getEmployeeUserId());
        return v;
    }
}
