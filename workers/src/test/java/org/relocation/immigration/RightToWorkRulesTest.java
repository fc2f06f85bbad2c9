package org.relocation.immigration;

import org.junit.jupiter.api.Test;
import org.relocation.immigration.RightToWorkCheck.Basis;
import org.relocation.immigration.RightToWorkRules.Permission;
import org.relocation.immigration.RightToWorkRules.Problem;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The arrival gate's rules on a right-to-work check: before the start date, against the granted permit, valid beyond the start. */
class RightToWorkRulesTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final Permission GRANTED = new Permission(Basis.GRANTED_PERMIT, "de-ict-card", START.minusMonths(1), START.plusYears(2));
    private static final Permission FREE = new Permission(Basis.NO_PERMIT_NEEDED, "NONE", null, null);

    @Test
    void theGrantedPermitCheckedOnOrBeforeTheStartAndValidBeyondItPasses() {
        assertThat(RightToWorkRules.problems("work-permit", START, START.plusYears(1), GRANTED, START)).isEmpty();
        assertThat(RightToWorkRules.problems("residence-permit", START.minusDays(30), START.plusDays(1), GRANTED, START)).isEmpty();
        assertThat(RightToWorkRules.problems("eu-eea-passport", START.minusDays(1), null, FREE, START)).isEmpty();
        assertThat(RightToWorkRules.problems("host-citizen-id", START, null, FREE, START)).isEmpty();
    }

    @Test
    void aCheckAfterTheStartDateFails() {
        assertThat(fields(RightToWorkRules.problems("work-permit", START.plusDays(1), START.plusYears(1), GRANTED, START)))
                .containsExactly("rtwCheckDate");
        assertThat(fields(RightToWorkRules.problems("eu-eea-passport", START.plusDays(1), null, FREE, START))).containsExactly("rtwCheckDate");
    }

    @Test
    void permissionEndingOnOrBeforeTheStartFails() {
        assertThat(fields(RightToWorkRules.problems("work-permit", START, START, GRANTED, START))).containsExactly("rtwNextCheckDate");
        Permission endsAtStart = new Permission(Basis.GRANTED_PERMIT, "de-ict-card", START.minusMonths(1), START);
        assertThat(RightToWorkRules.problems("work-permit", START.minusDays(1), START.plusYears(1), endsAtStart, START))
                .extracting(Problem::sentence).containsExactly(
                        "The right-to-work document shows a permit that ends on 2027-03-01, not after the work start date 2027-03-01");
        Permission startsLater = new Permission(Basis.GRANTED_PERMIT, "de-ict-card", START.plusDays(1), START.plusYears(2));
        assertThat(fields(RightToWorkRules.problems("work-permit", START, START.plusYears(1), startsLater, START))).containsExactly("rtwDocumentType");
        assertThat(fields(RightToWorkRules.problems("work-permit", START, null, GRANTED, START))).as("time-limited without a next check")
                .containsExactly("rtwNextCheckDate");
    }

    @Test
    void withoutAGrantedPermitOrWithAnotherDocumentThereIsNothingToCheckAgainst() {
        Permission notGranted = new Permission(Basis.PERMIT_NOT_GRANTED, "de-ict-card", null, null);
        assertThat(RightToWorkRules.problems("work-permit", START, START.plusYears(1), notGranted, START))
                .extracting(Problem::text).singleElement().asString().contains("none has been reported granted");
        Permission undecided = new Permission(Basis.UNDECIDED, null, null, null);
        assertThat(fields(RightToWorkRules.problems("work-permit", START, START.plusYears(1), undecided, START))).containsExactly("rtwDocumentType");
        assertThat(RightToWorkRules.problems("eu-eea-passport", START, null, GRANTED, START))
                .extracting(Problem::text).singleElement().asString().contains("granted permit (de-ict-card)");
    }

    @Test
    void problemsOfOneFieldAreJoinedInPlainWords() {
        Permission endsAtStart = new Permission(Basis.GRANTED_PERMIT, "de-ict-card", START.plusDays(1), START);
        assertThat(RightToWorkRules.byField(RightToWorkRules.problems("eu-eea-passport", START.plusDays(3), START, endsAtStart, START)))
                .containsOnlyKeys("rtwDocumentType", "rtwCheckDate", "rtwNextCheckDate")
                .allSatisfy((field, problem) -> assertThat(problem).doesNotContain("{", "=", "["));
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }
}
