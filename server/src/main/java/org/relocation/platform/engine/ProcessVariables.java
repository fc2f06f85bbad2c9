package org.relocation.platform.engine;

import org.relocation.relocationcase.RelocationCase;

import java.util.HashMap;
import java.util.Map;

/** The typed wrapper of the journey's start variables: the case id and routing flags, nothing personal. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "relocation";
    public static final String CASE_ID = "caseId";

    private ProcessVariables() {
    }

    public static Map<String, Object> forCase(RelocationCase c) {
        Map<String, Object> v = new HashMap<>();
        v.put(CASE_ID, c.getId());
        v.put("assignmentType", c.getAssignmentType().name());
        v.put("durationMonths", c.durationMonths());
        v.put("international", c.isInternational());
        v.put("employeeUserId", c.getEmployeeUserId());
        return v;
    }
}
