package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Form decide-start-date: moving the start date needs a new date in the future. */
@Component
class StartDateDecisionForm implements TaskFormHandler {

    private final Clock clock;

    StartDateDecisionForm(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "decide-start-date";
    }

    @Override
    public Set<String> fields() {
        return Set.of("startDateDecision", "newStartDate");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        if (!"move".equals(s.string("startDateDecision"))) {
            return Map.of();
        }
        LocalDate date;
        try {
            date = s.date("newStartDate");
        } catch (DateTimeParseException e) {
            return Map.of("newStartDate", "must be a date (yyyy-mm-dd)");
        }
        if (date == null) {
            return Map.of("newStartDate", "is required to move the start date");
        }
        return date.isAfter(LocalDate.now(clock)) ? Map.of() : Map.of("newStartDate", "must lie in the future");
    }
}
