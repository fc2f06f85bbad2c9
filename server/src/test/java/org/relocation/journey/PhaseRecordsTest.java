package org.relocation.journey;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * The phases' forms write their domain records into the case (intake review, kick-off call, payroll set-up,
 * international cover, benefits enrolment; the closure approval in {@link JourneyEndToEndTest}), each role reads them
 * with its field groups only, and a submission the case contradicts is a 400 naming the field, the task staying open.
 * Through HTTP only.
 */
@ServerTest
class PhaseRecordsTest {

    private static final String REVIEW_NOTE = "Budget agreed with the cost centre owner";
    private static final String KICKOFF_NOTE = "Move in March, family of one, sea freight";
    private static final String COVER_NOTE = "Family plan starts on 1 March";

    @LocalServerPort
    int port;

    @Test
    void eachPhaseFormRecordsItsFieldsOnTheCaseAndEachRoleSeesItsGroups() {
        Api specialist = Api.as(port, "specialist");
        Api employee = Api.as(port, "employee");
        Api finance = Api.as(port, "finance");
        // Dubai: the benefits provider has no national plan in AE, so HR administration arranges international cover
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "AE", "LONG_TERM", "250000"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", REVIEW_NOTE));
        specialist.approveAll(id, caseNumber);

        // a kick-off call is recorded once held: a date in the future is refused, naming the field, and the task stays open
        String kickoff = specialist.awaitTask(caseNumber, "record-kickoff-call");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ResponseEntity<JsonNode> future = specialist.complete(kickoff, vars("kickoffDate", today.plusDays(7).toString(),
                "kickoffAttendees", "Specialist, employee", "kickoffNotes", KICKOFF_NOTE));
        assertThat(future.getStatusCode().value()).as("%s", future.getBody()).isEqualTo(400);
        assertThat(future.getBody().get("fieldErrors").get("kickoffDate").asText()).contains("future");
        assertThat(future.getBody().toString()).as("no note in the refusal").doesNotContain(KICKOFF_NOTE);
        specialist.completeTask(caseNumber, "record-kickoff-call", vars("kickoffDate", today.minusDays(1).toString(),
                "kickoffAttendees", "Specialist, employee", "kickoffNotes", KICKOFF_NOTE));

        finance.completeTask(caseNumber, "confirm-payroll-setup", vars("payrollConfirmed", true, "payrollReference", "PR-AE-7"));
        Api.as(port, "hradmin").completeTask(caseNumber, "arrange-international-coverage",
                vars("coverageProvider", "Global Health Partners", "coverageNotes", COVER_NOTE));

        // the host country's national plan contradicts the case: the provider has none in AE, international cover was arranged
        String enrolment = employee.awaitTask(caseNumber, "confirm-benefits-enrolment");
        ResponseEntity<JsonNode> hostNational = employee.complete(enrolment,
                vars("healthPlan", "host-national", "pensionContinuation", "home", "enrolmentConfirmed", true));
        assertThat(hostNational.getStatusCode().value()).as("%s", hostNational.getBody()).isEqualTo(400);
        assertThat(hostNational.getBody().get("fieldErrors").get("healthPlan").asText()).contains("AE", "international");
        assertThat(employee.awaitTask(caseNumber, "confirm-benefits-enrolment")).as("the task stays open").isEqualTo(enrolment);
        employee.completeTask(caseNumber, "confirm-benefits-enrolment",
                vars("healthPlan", "international", "pensionContinuation", "host", "enrolmentConfirmed", true));

        // the specialist reads everything but the salary: notes included
        JsonNode c = specialist.caseDetails(id);
        assertThat(c.get("intakeReviews")).hasSize(1);
        JsonNode review = c.get("intakeReviews").get(0);
        assertThat(review.get("verifiedBy").asText()).isEqualTo("specialist");
        assertThat(review.get("verifiedAt").asText()).isNotBlank();
        assertThat(review.get("estimateVersion").asInt()).isEqualTo(c.get("estimateVersions").asInt());
        assertThat(review.get("notes").asText()).isEqualTo(REVIEW_NOTE);
        assertThat(c.get("kickoff").get("heldOn").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(c.get("kickoff").get("attendees").asText()).isEqualTo("Specialist, employee");
        assertThat(c.get("kickoff").get("recordedBy").asText()).isEqualTo("specialist");
        assertThat(c.get("kickoff").get("notes").asText()).isEqualTo(KICKOFF_NOTE);
        assertThat(c.get("payrollSetup").get("payrollMode").asText()).as("a long-term assignment: split payroll").isEqualTo("SPLIT");
        assertThat(c.get("payrollSetup").get("reference").asText()).isEqualTo("PR-AE-7");
        assertThat(c.get("payrollSetup").get("confirmedBy").asText()).isEqualTo("finance");
        assertThat(c.get("internationalCoverage").get("provider").asText()).isEqualTo("Global Health Partners");
        assertThat(c.get("internationalCoverage").get("notes").asText()).isEqualTo(COVER_NOTE);
        assertThat(c.get("internationalCoverage").get("arrangedBy").asText()).isEqualTo("hradmin");
        assertThat(c.get("benefitsEnrolment").get("healthPlan").asText()).isEqualTo("international");
        assertThat(c.get("benefitsEnrolment").get("pensionContinuation").asText()).isEqualTo("host");
        assertThat(c.get("benefitsEnrolment").get("confirmedBy").asText()).isEqualTo("employee");
        assertThat(c.has("closureApproval")).as("not approved yet").isFalse();

        // the manager: financials and approvals (the review's notes, written for the approvers), no other notes, no personal
        // data (the employee's benefits choices, their cover)
        JsonNode m = Api.as(port, "manager").caseDetails(id);
        assertThat(m.get("intakeReviews").get(0).get("verifiedBy").asText()).isEqualTo("specialist");
        assertThat(m.get("intakeReviews").get(0).has("estimateVersion")).isTrue();
        assertThat(m.get("intakeReviews").get(0).get("notes").asText()).as("written for the approvers").isEqualTo(REVIEW_NOTE);
        assertThat(m.get("kickoff").get("recordedBy").asText()).isEqualTo("specialist");
        assertThat(m.get("kickoff").has("notes")).isFalse();
        assertThat(m.get("payrollSetup").get("payrollMode").asText()).isEqualTo("SPLIT");
        assertThat(m.has("benefitsEnrolment")).isFalse();
        assertThat(m.get("internationalCoverage").get("arrangedBy").asText()).isEqualTo("hradmin");
        assertThat(m.get("internationalCoverage").has("provider")).isFalse();
        assertThat(m.get("internationalCoverage").has("notes")).isFalse();
        assertThat(m.toString()).doesNotContain(KICKOFF_NOTE, COVER_NOTE, "Global Health Partners");

        // finance (a step of theirs on the case): the payroll set-up, no notes, no benefits choices
        JsonNode f = finance.caseDetails(id);
        assertThat(f.get("payrollSetup").get("reference").asText()).isEqualTo("PR-AE-7");
        assertThat(f.has("benefitsEnrolment")).isFalse();
        assertThat(f.toString()).doesNotContain(KICKOFF_NOTE, COVER_NOTE);

        // the employee: their own benefits and cover (provider and what they should know of it), no financials, no other notes
        JsonNode e = employee.caseDetails(id);
        assertThat(e.get("benefitsEnrolment").get("healthPlan").asText()).isEqualTo("international");
        assertThat(e.get("internationalCoverage").get("provider").asText()).isEqualTo("Global Health Partners");
        assertThat(e.get("internationalCoverage").get("notes").asText()).as("written for the employee").isEqualTo(COVER_NOTE);
        assertThat(e.get("intakeReviews").get(0).has("notes")).as("for the approvers, not the employee").isFalse();
        assertThat(e.get("intakeReviews").get(0).has("estimateVersion")).as("financials").isFalse();
        assertThat(e.get("kickoff").get("heldOn").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(e.toString()).doesNotContain(REVIEW_NOTE, KICKOFF_NOTE);

        // HR administration reads every group
        JsonNode h = Api.as(port, "hradmin").caseDetails(id);
        assertThat(h.get("kickoff").get("notes").asText()).isEqualTo(KICKOFF_NOTE);
        assertThat(h.get("benefitsEnrolment").get("pensionContinuation").asText()).isEqualTo("host");

        // the notes live in the case records only, never as variables
        Api admin = Api.as(port, "admin");
        for (String note : new String[]{"reviewNotes", "kickoffNotes", "coverageNotes", "payrollReference", "healthPlan"}) {
            assertThat(admin.get("/engine-rest/variable-instance?variableName=" + note).getBody()).as(note).isEmpty();
        }
    }
}
