package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Form confirm-arrival: the right-to-work check made on arrival. Time-limited permission needs the date of the next
 * check, after this one; it becomes the employee's re-check key date.
 */
@Component
class ArrivalForm implements TaskFormHandler {

    /** Right-to-work documents whose permission ends: the check must be repeated. */
    private static final Set<String> TIME_LIMITED_PERMISSION = Set.of("passport-with-visa", "residence-permit", "work-permit");

    private final ImmigrationService immigration;

    ArrivalForm(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String formId() {
        return "confirm-arrival";
    }

    @Override
    public Set<String> fields() {
        return Set.of("rtwDocumentType", "pd_rtwDocumentReference", "rtwCheckDate", "rtwCheckMethod", "rtwNextCheckDate");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        String type = s.string("rtwDocumentType");
        if (type == null || !TIME_LIMITED_PERMISSION.contains(type)) {
            return Map.of();
        }
        LocalDate next = s.date("rtwNextCheckDate");
        if (next == null) {
            return Map.of("rtwNextCheckDate", "is required for time-limited permission (" + type + ")");
        }
        LocalDate checked = s.date("rtwCheckDate");
        return checked != null && !next.isAfter(checked) ? Map.of("rtwNextCheckDate", "must be after the check date") : Map.of();
    }

    @Override
    public void record(FormSubmission s) {
        immigration.recordRightToWork(s.caseId(), s.string("rtwDocumentType"), s.string("pd_rtwDocumentReference"), s.date("rtwCheckDate"),
                s.actor(), s.string("rtwCheckMethod"), s.date("rtwNextCheckDate"));
    }
}
