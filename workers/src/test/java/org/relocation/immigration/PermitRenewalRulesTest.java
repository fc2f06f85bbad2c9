package org.relocation.immigration;

import org.junit.jupiter.api.Test;
import org.relocation.keydate.KeyDate;
import org.relocation.keydate.KeyDateService;
import org.relocation.platform.form.FormSubmission;
import org.relocation.relocationcase.CaseService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The renew-permit form's rules: a filed renewal needs the new expiry, after the current one and within ten years. */
class PermitRenewalRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    private final KeyDateService keyDates = mock(KeyDateService.class);
    private final PermitRenewals renewals = new PermitRenewals(mock(PermitRenewalRepository.class), keyDates, mock(CaseService.class),
            Clock.fixed(NOW, ZoneOffset.UTC));

    PermitRenewalRulesTest() {
        when(keyDates.find(42L)).thenReturn(Optional.of(new KeyDate(1L, 7L, "permit-expiry", LocalDate.parse("2028-06-30"), null, NOW)));
    }

    @Test
    void aFiledRenewalNeedsANewExpiryAfterTheCurrentOneWithinTenYears() {
        assertThat(renewals.problems(submission("renewalAction", "filed")))
                .containsEntry("pd_newPermitExpiry", "is required when the renewal was filed: enter the expiry date of the renewed permit");
        assertThat(renewals.problems(submission("renewalAction", "filed", "pd_newPermitExpiry", "2028-06-30")))
                .containsEntry("pd_newPermitExpiry", "must be after the current expiry of the permit");
        assertThat(renewals.problems(submission("renewalAction", "filed", "pd_newPermitExpiry", "2037-03-02")))
                .containsEntry("pd_newPermitExpiry", "must be within ten years");
        assertThat(renewals.problems(submission("renewalAction", "filed", "pd_newPermitExpiry", "soon")))
                .containsEntry("pd_newPermitExpiry", "must be a date (yyyy-mm-dd)");
        assertThat(renewals.problems(submission("renewalAction", "filed", "pd_newPermitExpiry", "2030-06-30"))).isEmpty();
        assertThat(renewals.problems(submission("renewalAction", "filed", "pd_newPermitExpiry", "2037-03-01"))).as("ten years to the day").isEmpty();
    }

    @Test
    void noRenewalNeededNeedsAReason() {
        assertThat(renewals.problems(submission("renewalAction", "not-needed"))).containsKey("renewalNotes");
        assertThat(renewals.problems(submission("renewalAction", "not-needed", "renewalNotes", "The assignment ends first"))).isEmpty();
    }

    @Test
    void aTaskWithoutItsKeyDateOrOfAnotherCaseIsNotJudged() {
        FormSubmission noKeyDate = new FormSubmission(1L, "renew-permit", "task", Map.of("renewalAction", "filed"), Map.of(), "specialist");
        assertThat(renewals.problems(noKeyDate)).isEmpty();
        FormSubmission otherCase = new FormSubmission(2L, "renew-permit", "task", Map.of("renewalAction", "filed"), Map.of("keyDateId", "42"),
                "specialist");
        assertThat(renewals.problems(otherCase)).isEmpty();
    }

    private static FormSubmission submission(String... fieldsAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new FormSubmission(1L, "renew-permit", "task", values, Map.of("keyDateId", "42"), "specialist");
    }
}
