package org.relocation.platform.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules between fields of one form, checked before the engine sees a submission. */
class CrossFieldRulesTest {

    @Test
    void timeLimitedPermissionNeedsANextRightToWorkCheckAfterTheCheck() {
        assertThat(FormRules.crossFieldProblems("confirm-arrival",
                Map.of("rtwDocumentType", "work-permit", "rtwCheckDate", "2027-03-01"))).containsKey("rtwNextCheckDate");
        assertThat(FormRules.crossFieldProblems("confirm-arrival",
                Map.of("rtwDocumentType", "residence-permit", "rtwCheckDate", "2027-03-01", "rtwNextCheckDate", "2027-03-01")))
                .containsEntry("rtwNextCheckDate", "must be after the check date");
        assertThat(FormRules.crossFieldProblems("confirm-arrival",
                Map.of("rtwDocumentType", "work-permit", "rtwCheckDate", "2027-03-01", "rtwNextCheckDate", "2029-01-31"))).isEmpty();
        assertThat(FormRules.crossFieldProblems("confirm-arrival",
                Map.of("rtwDocumentType", "eu-eea-passport", "rtwCheckDate", "2027-03-01"))).as("permanent permission").isEmpty();
    }

    @Test
    void movingTheStartDateNeedsAFutureDate() {
        assertThat(FormRules.crossFieldProblems("decide-start-date", Map.of("startDateDecision", "keep"))).isEmpty();
        assertThat(FormRules.crossFieldProblems("decide-start-date", Map.of("startDateDecision", "move"))).containsKey("newStartDate");
        assertThat(FormRules.crossFieldProblems("decide-start-date", Map.of("startDateDecision", "move", "newStartDate", "soon")))
                .containsEntry("newStartDate", "must be a date (yyyy-mm-dd)");
        assertThat(FormRules.crossFieldProblems("decide-start-date",
                Map.of("startDateDecision", "move", "newStartDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()))).isEmpty();
    }
}
