package org.relocation.platform.engine;

import org.relocation.relocationcase.RelocationCase;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The typed wrapper of the journey's start variables: the case id and routing flags, nothing personal. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "relocation";
    public static final String CASE_ID = "caseId";
    public static final String ASSIGNMENT_TYPE = "assignmentType";
    public static final String DURATION_MONTHS = "durationMonths";
    public static final String INTERNATIONAL = "international";
    public static final String EMPLOYEE_USER_ID = "employeeUserId";
    /** Every variable a journey starts with. */
    public static final Set<String> START_VARIABLES = Set.of(CASE_ID, ASSIGNMENT_TYPE, DURATION_MONTHS, INTERNATIONAL, EMPLOYEE_USER_ID);

    private ProcessVariables() {
    }

    public static Map<String, Object> forCase(RelocationCase c) {
        Map<String, Object> v = new HashMap<>();
        v.put(CASE_ID, c.getId());
        v.put(ASSIGNMENT_TYPE, c.getAssignmentType().name());
        v.put(DURATION_MONTHS, c.durationMonths());
        v.put(INTERNATIONAL, c.isInternational());
        v.put(EMPLOYEE_USER_ID, c.getEmployeeUserId());
        return v;
    }
}
