package org.relocation.platform.form;

import java.util.Map;

/** A task whose form is being opened: its case, its form and the variables the task sees (ids and routing flags). */
public record FormContext(Long caseId, String formId, Map<String, Object> task) {

    public Long taskNumber(String name) {
        Object v = task.get(name);
        return v instanceof Number n ? n.longValue() : v == null ? null : Long.valueOf(v.toString());
    }
}
