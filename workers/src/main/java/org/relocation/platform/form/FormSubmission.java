package org.relocation.platform.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A person's submission of a task form: the case, the form, the submitted values (the form's own fields only, already
 * checked against the form), what the task knows besides (its local variables, e.g. which policy exception an HR lead
 * decides, or which traveller a branch serves) and who submitted it.
 */
public record FormSubmission(Long caseId, String formId, String taskId, Map<String, Object> values, Map<String, Object> task,
                             String actor) {

    public String string(String field) {
        Object v = values.get(field);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    /** A date field (yyyy-mm-dd, or the date part of a date-time); null when empty. */
    public LocalDate date(String field) {
        String s = string(field);
        return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    public BigDecimal decimal(String field) {
        Object v = values.get(field);
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        try {
            return v == null || v.toString().isBlank() ? null : new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number the task carries (a task-local variable such as the exception id or the branch's loop counter). */
    public Long taskNumber(String name) {
        Object v = task.get(name);
        return v instanceof Number n ? n.longValue() : v == null ? null : Long.valueOf(v.toString());
    }
}
