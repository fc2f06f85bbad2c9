package org.relocation.immigration;

import org.junit.jupiter.api.Test;
import org.relocation.platform.form.FormSubmission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules between fields of one form that form-js cannot express, checked by the form's handler before a completion. */
class ImmigrationFormRulesTest {

    private final ArrivalForm arrival = new ArrivalForm(null);
    private final StartDateDecisionForm startDate = new StartDateDecisionForm(Clock.systemUTC());

    @Test
    void timeLimitedPermissionNeedsANextRightToWorkCheckAfterTheCheck() {
        assertThat(arrival.problems(submission("rtwDocumentType", "work-permit", "rtwCheckDate", "2027-03-01"))).containsKey("rtwNextCheckDate");
        assertThat(arrival.problems(submission("rtwDocumentType", "residence-permit", "rtwCheckDate", "2027-03-01", "rtwNextCheckDate", "2027-03-01")))
                .containsEntry("rtwNextCheckDate", "must be after the check date");
        assertThat(arrival.problems(submission("rtwDocumentType", "work-permit", "rtwCheckDate", "2027-03-01", "rtwNextCheckDate", "2029-01-31"))).isEmpty();
        assertThat(arrival.problems(submission("rtwDocumentType", "eu-eea-passport", "rtwCheckDate", "2027-03-01"))).as("permanent permission").isEmpty();
    }

    @Test
    void movingTheStartDateNeedsAFutureDate() {
        assertThat(startDate.problems(submission("startDateDecision", "keep"))).isEmpty();
        assertThat(startDate.problems(submission("startDateDecision", "move"))).containsKey("newStartDate");
        assertThat(startDate.problems(submission("startDateDecision", "move", "newStartDate", "soon")))
                .containsEntry("newStartDate", "must be a date (yyyy-mm-dd)");
        assertThat(startDate.problems(submission("startDateDecision", "move", "newStartDate", LocalDate.now(ZoneOffset.UTC).toString())))
                .containsEntry("newStartDate", "must lie in the future");
        assertThat(startDate.problems(submission("startDateDecision", "move", "newStartDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))).isEmpty();
    }

    private static FormSubmission submission(String... fieldsAndValues) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new FormSubmission(1L, "form", "task", values, Map.of(), "specialist");
    }
}
