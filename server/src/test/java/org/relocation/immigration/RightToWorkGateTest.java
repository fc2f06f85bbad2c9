package org.relocation.immigration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestCases;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.platform.worker.TaskOutcome;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * The arrival gate (topic verify-right-to-work): the employee starts work only with a right-to-work check done on or
 * before the work start date, against their granted permit (or no permit needed), whose permission does not end on or
 * before the start date. Otherwise the model's BPMN error right-to-work-missing sends the arrival back to the
 * specialist, with the reasons on the case's timeline.
 */
@ServerTest
class RightToWorkGateTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1); // Api.intake and TestCases.recordOnly

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    @Autowired
    ImmigrationService immigration;

    @Autowired
    List<CaseWorker> workers;

    @Test
    void aCheckAfterTheWorkStartDateIsSentBackByTheGateThroughHttp() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api employee = Api.as(port, "employee");
        employee.provideDocuments(id, caseNumber, "X4455667", "2033-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid"));
        specialist.completeTask(caseNumber, "record-kickoff-call",
                vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Specialist, employee", "kickoffNotes", "Scope agreed"));
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", vars("payrollConfirmed", true, "payrollReference", "PR-9"));
        employee.completeTask(caseNumber, "confirm-benefits-enrolment",
                vars("healthPlan", "host-national", "pensionContinuation", "home", "enrolmentConfirmed", true));
        specialist.recordLease(caseNumber); // the home search's lease (destination services)

        // checked four days after the work start date: the form takes it, the gate sends the arrival back
        String first = specialist.awaitTask(caseNumber, "confirm-arrival");
        assertThat(specialist.complete(first, vars("arrivalDate", "2027-03-01", "rtwDocumentType", "work-permit",
                "pd_rtwDocumentReference", "WP-445566", "rtwCheckDate", "2027-03-05", "rtwCheckMethod", "in-person",
                "rtwNextCheckDate", "2029-01-31")).getStatusCode().value()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tasks = specialist.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=confirm-arrival").getBody();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).get("id").asText()).as("a new confirm-arrival task").isNotEqualTo(first);
        });
        JsonNode c = specialist.caseDetails(id);
        JsonNode refused = refusal(c.get("timeline"));
        assertThat(refused.get("name").asText()).contains("The check date must be on or before the work start date 2027-03-01")
                .doesNotContain("WP-445566");
        assertThat(c.get("openTasks").findValuesAsText("taskKey")).doesNotContain("approve-case-closure");

        // checked on the start date: verified, the arrival goes on to the key dates and closure
        specialist.completeTask(caseNumber, "confirm-arrival", vars("arrivalDate", "2027-03-01", "rtwDocumentType", "work-permit",
                "pd_rtwDocumentReference", "WP-445566", "rtwCheckDate", "2027-03-01", "rtwCheckMethod", "in-person",
                "rtwNextCheckDate", "2029-01-31"));
        specialist.awaitTask(caseNumber, "approve-case-closure");
        JsonNode after = specialist.caseDetails(id);
        assertThat(after.get("timeline").findValuesAsText("elementId")).contains("right-to-work-verified");
        assertThat(after.get("rightToWorkChecks")).hasSize(2);
        assertThat(after.get("rightToWorkChecks").get(1).get("basis").asText()).isEqualTo("GRANTED_PERMIT");
    }

    @Test
    void theGateJudgesTheRecordedCheckAgainstTheGrantedPermitAndTheStartDate() {
        // each scenario on its own case: moving a key date twice in a row races its follow-up process (see the key dates)
        long notGranted = permitCase();
        assertThat(gate(notGranted)).isEqualTo("error right-to-work-missing: Right to work not verified: No right-to-work check is on record");
        // before counsel granted the permit there is nothing to check against
        immigration.recordRightToWork(notGranted, "work-permit", "WP-100001", START.minusDays(10), "specialist", "in-person", START.plusYears(2));
        assertThat(gate(notGranted)).startsWith("error right-to-work-missing").contains("none has been reported granted").doesNotContain("WP-100001");
        assertThat(immigration.rightToWorkChecks(notGranted).get(0).getBasis()).isEqualTo(RightToWorkCheck.Basis.PERMIT_NOT_GRANTED);

        // a permit that ends on the start date
        long endsAtStart = permitCase();
        immigration.permitGranted(endsAtStart, employeeOf(endsAtStart), "PRM-100001", START.minusMonths(1), START);
        immigration.recordRightToWork(endsAtStart, "work-permit", "WP-100001", START.minusDays(10), "specialist", "in-person", START.plusYears(2));
        assertThat(gate(endsAtStart)).startsWith("error").contains("shows a permit that ends on 2027-03-01, not after the work start date 2027-03-01")
                .doesNotContain("PRM-100001");

        // time-limited permission whose next check falls on the start date
        long nextCheckAtStart = permitCase();
        immigration.permitGranted(nextCheckAtStart, employeeOf(nextCheckAtStart), "PRM-100003", START.minusMonths(1), START.plusYears(2));
        immigration.recordRightToWork(nextCheckAtStart, "residence-permit", "RP-100003", START.minusDays(3), "specialist", "online", START);
        assertThat(gate(nextCheckAtStart)).startsWith("error").contains("The next check date must be after the work start date 2027-03-01");

        long caseId = permitCase();
        Long employee = employeeOf(caseId);
        immigration.permitGranted(caseId, employee, "PRM-100002", START.minusMonths(1), START.plusYears(2));
        LocalDate nextCheck = START.plusYears(2).minusDays(1);
        // checked after the start date
        immigration.recordRightToWork(caseId, "work-permit", "WP-100002", START.plusDays(1), "specialist", "in-person", nextCheck);
        assertThat(gate(caseId)).startsWith("error").contains("The check date must be on or before the work start date 2027-03-01");
        // a document that is not the permit
        immigration.recordRightToWork(caseId, "eu-eea-passport", "P-100002", START.minusDays(3), "specialist", "in-person", null);
        assertThat(gate(caseId)).startsWith("error").contains("must show the employee's granted permit (de-ict-card)");

        // the granted permit, checked before the start, valid beyond it: verified (the latest check counts)
        immigration.recordRightToWork(caseId, "work-permit", "WP-100002", START.minusDays(3), "specialist", "in-person", nextCheck);
        assertThat(gate(caseId)).isEqualTo("complete");
        RightToWorkCheck latest = last(immigration.rightToWorkChecks(caseId));
        assertThat(latest.getBasis()).isEqualTo(RightToWorkCheck.Basis.GRANTED_PERMIT);
        assertThat(latest.getTravellerId()).isEqualTo(employee);
        assertThat(latest.getPermitCode()).isEqualTo("de-ict-card");
        assertThat(latest.getPermitValidUntil()).isEqualTo(START.plusYears(2));

        // the form's rules are the same: a proposed check, by field
        assertThat(immigration.rightToWorkProblems(caseId, "work-permit", START.plusDays(2), START.plusYears(1)))
                .containsOnlyKeys("rtwCheckDate");
        assertThat(immigration.rightToWorkProblems(caseId, "work-permit", START.minusDays(2), START.plusYears(1))).isEmpty();
    }

    /** An Indian national to Germany, long term, from 2027-03-01: the employee needs a permit (de-ict-card). */
    private long permitCase() {
        long caseId = TestCases.recordOnly(cases).getId();
        assertThat(immigration.determineRequirements(caseId)).isEqualTo(1);
        return caseId;
    }

    private Long employeeOf(long caseId) {
        return immigration.travellersNeedingPermit(caseId).get(0);
    }

    @Test
    void anEuCitizenNeedsNoPermitButTheCheckMustStillComeBeforeTheStart() {
        long caseId = cases.register(new CaseIntake("Free Mover", "employee@example.com", "employee", "FR", "FR", "Paris", "DE", "Berlin",
                "LONG_TERM", START, START.plusYears(2), "CC-42", new BigDecimal("250000"), "EUR", 6, new BigDecimal("90000"), "EUR", List.of(), "manager", null),
                "test").getId();
        assertThat(immigration.determineRequirements(caseId)).isZero();

        immigration.recordRightToWork(caseId, "eu-eea-passport", "P-200001", START.plusDays(7), "specialist", "in-person", null);
        assertThat(gate(caseId)).startsWith("error right-to-work-missing").contains("on or before the work start date");
        immigration.recordRightToWork(caseId, "eu-eea-passport", "P-200001", START.minusDays(7), "specialist", "in-person", null);
        assertThat(gate(caseId)).isEqualTo("complete");
        assertThat(last(immigration.rightToWorkChecks(caseId)).getBasis()).isEqualTo(RightToWorkCheck.Basis.NO_PERMIT_NEEDED);
    }

    /** Runs the real verify-right-to-work worker on the case: "complete", or "error CODE: MESSAGE", or "failure MESSAGE". */
    private String gate(long caseId) {
        CaseWorker worker = workers.stream().filter(w -> w.topic().equals("verify-right-to-work")).findFirst().orElseThrow();
        List<String> outcome = new ArrayList<>();
        worker.execute(new CaseTask("test-task", "test", null, Map.of(CaseTask.CASE_ID, caseId)), new TaskOutcome() {
            @Override
            public void complete(Map<String, Object> variables) {
                outcome.add("complete");
            }

            @Override
            public void bpmnError(String errorCode, String message) {
                outcome.add("error " + errorCode + ": " + message);
            }

            @Override
            public void failure(String errorMessage, String errorDetails, int retriesLeft, long retryTimeoutMillis) {
                outcome.add("failure " + errorMessage);
            }
        });
        assertThat(outcome).hasSize(1);
        return outcome.get(0);
    }

    private static JsonNode refusal(JsonNode timeline) {
        for (JsonNode e : timeline) {
            if (e.path("elementId").asText().equals("right-to-work-refused")) {
                return e;
            }
        }
        throw new AssertionError("no right-to-work-refused on the timeline: " + timeline);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
