package org.relocation.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.operaton.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Cases from POST /api/cases to their end, through HTTP only: people complete tasks over /engine-rest as
 * their roles, the job workers run in the server, the demo vendor simulator answers through the signed
 * callback endpoint.
 */
@ServerTest
class JourneyEndToEndTest {

    private static final String PASSPORT = "X1234567";

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    org.operaton.bpm.engine.RuntimeService runtime;

    @Test
    void aCaseTravelsTheWholeJourneyToCompleted() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
        ObjectNode partner = intake.putArray("dependents").addObject();
        partner.put("relationship", "PARTNER").put("fullName", "Pat Partner").put("nationality", "US").put("birthDate", "1990-05-01");
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        assertThat(caseNumber).matches("RC-\\d{4}-\\d{6}");
        assertThat(created.get("processInstanceId").asText()).isNotBlank();

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", "Complete intake"));
        specialist.approveAll(id, caseNumber);

        Api employee = Api.as(port, "employee");
        // every checklist document needs a file before the employee may confirm the documents are in
        employee.provideDocuments(id, caseNumber, PASSPORT, "2031-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid", "validationComment", "All good"));
        specialist.completeTask(caseNumber, "record-kickoff-call",
                vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Specialist, employee, manager", "kickoffNotes", "Scope agreed"));
        Api admin = Api.as(port, "admin");
        assertThat(admin.get("/engine-rest/variable-instance?variableName=kickoffNotes").getBody())
                .as("a note lives on in the case records only, never as a variable").isEmpty();
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", vars("payrollConfirmed", true, "payrollReference", "PR-1"));
        employee.completeTask(caseNumber, "confirm-benefits-enrolment",
                vars("healthPlan", "host-national", "pensionContinuation", "home", "enrolmentConfirmed", true));
        // destination services: the home search's vendor confirmed, the lease within the cap
        specialist.completeTask(caseNumber, "record-lease", vars("pd_leaseAddress", "Lindenstrasse 5, 10969 Berlin", "pd_monthlyRent", 2500,
                "rentCurrency", "EUR", "pd_depositAmount", 7500, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
        specialist.completeTask(caseNumber, "confirm-arrival", vars("arrivalDate", "2027-03-01", "rtwDocumentType", "work-permit",
                "pd_rtwDocumentReference", "WP-998877", "rtwCheckDate", "2027-03-01", "rtwCheckMethod", "in-person",
                "rtwNextCheckDate", "2029-01-31"));
        specialist.completeTask(caseNumber, "approve-case-closure", vars("closureConfirmed", true, "closureNotes", "Smooth move"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(specialist.caseDetails(id).get("status").asText()).isEqualTo("COMPLETED"));
        // the tax provider's services run beside the journey: the simulator confirms the briefing, then the returns are ordered
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(specialist.caseDetails(id).get("serviceOrders")
                .findValuesAsText("serviceType")).filteredOn("TAX_RETURN"::equals).hasSize(6));
        JsonNode c = specialist.caseDetails(id);

        assertThat(texts(c.get("timeline"), "PHASE_ENTERED"))
                .containsExactlyInAnyOrder("intake", "approval", "immigration", "housing", "payroll", "benefits", "destination-services",
                        "arrival", "closure");
        assertThat(texts(c.get("timeline"), "TASK_COMPLETED")).contains("review-intake", "approve-relocation",
                "provide-immigration-documents", "confirm-arrival", "approve-case-closure");
        assertThat(c.get("timeline").findValuesAsText("kind")).contains("CASE_OPENED", "CALLBACK_RECEIVED", "CASE_CLOSED");
        assertThat(c.get("currentPhases")).isEmpty();
        assertThat(c.get("openTasks")).isEmpty();
        assertThat(c.get("estimate").get("lines").findValuesAsText("category"))
                .contains("relocation-allowance", "temporary-housing", "household-goods", "travel", "immigration-fees");
        assertThat(c.get("estimate").get("exceedsBudget").asBoolean()).isFalse();
        assertThat(c.get("serviceOrders").findValuesAsText("serviceType")).as("one counsel order per traveller, one payroll order per payroll (SPLIT)")
                .containsExactlyInAnyOrder("IMMIGRATION_COUNSEL", "IMMIGRATION_COUNSEL", "TEMPORARY_HOUSING", "HOUSEHOLD_SHIPMENT",
                        "PAYROLL_INSTRUCTION", "PAYROLL_INSTRUCTION", "TAX_BRIEFING", "BENEFITS_ENROLMENT",
                        "TAX_RETURN", "TAX_RETURN", "TAX_RETURN", "TAX_RETURN", "TAX_RETURN", "TAX_RETURN",
                        // the services policy: a long-term standard case with a partner, German spoken at destination
                        "HOME_SEARCH", "DESTINATION_SERVICES", "LANGUAGE_TRAINING", "PARTNER_SUPPORT", "EAP_ENROLMENT");
        assertThat(c.get("serviceOrders").findValuesAsText("status")).doesNotContain("NEW", "SENT");
        assertThat(c.get("keyDates").findValuesAsText("kind"))
                .contains("permit-expiry", "passport-expiry", "assignment-end", "right-to-work-recheck", "tax-return-due-gb-2026", "tax-return-due-de-2027",
                        "lease-end");
        assertThat(c.get("lease").get("status").asText()).isEqualTo("WITHIN_CAP");
        assertThat(c.get("travellers").findValuesAsText("permitRequired")).containsOnly("true");
        // per traveller from the permit catalogue: an Indian employee on a 24-month transfer to Germany, a US partner
        assertThat(c.get("travellers").findValues("permit")).extracting(p -> p.get("code").asText())
                .containsExactlyInAnyOrder("de-ict-card", "de-family-reunification-partner");
        assertThat(c.get("travellers").findValues("permit")).allSatisfy(p -> {
            assertThat(p.get("source").asText()).startsWith("https://");
            assertThat(p.get("reviewedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(c.get("documents").findValuesAsText("documentType")).contains("assignment-letter", "marriage-certificate");
        assertThat(c.get("documents").findValuesAsText("status")).containsOnly("VALIDATED");
        assertThat(c.get("documents")).as("validated with a file on record").allSatisfy(d -> {
            assertThat(d.get("file").get("source").asText()).isEqualTo("UPLOAD");
            assertThat(d.get("file").get("uploadedBy").asText()).isEqualTo("employee");
        });
        assertThat(c.get("approvals").get(0).get("decidedBy").asText()).isEqualTo("manager");
        assertThat(c.get("rightToWorkChecks").get(0).get("checkedBy").asText()).isEqualTo("specialist");
        assertThat(c.get("rightToWorkChecks").get(0).get("checkMethod").asText()).isEqualTo("in-person");
        // recorded against the employee's granted permit (counsel's callback), checked on the start date, verified at the gate
        assertThat(c.get("rightToWorkChecks").get(0).get("basis").asText()).isEqualTo("GRANTED_PERMIT");
        assertThat(c.get("rightToWorkChecks").get(0).get("permitCode").asText()).isEqualTo("de-ict-card");
        assertThat(c.get("rightToWorkChecks").get(0).get("permitValidUntil").asText()).isEqualTo("2029-02-28");
        assertThat(c.get("timeline").findValuesAsText("elementId")).contains("right-to-work-verified").doesNotContain("right-to-work-refused");
        assertThat(c.get("keyDates")).anySatisfy(k -> {
            assertThat(k.get("kind").asText()).isEqualTo("right-to-work-recheck");
            assertThat(k.get("dueDate").asText()).isEqualTo("2029-01-31");
        });
        assertThat(c.get("finalCost").get("currency").asText()).isEqualTo("EUR");
        assertThat(c.get("notifications").findValuesAsText("kind")).contains("case-completed");

        // each phase's form wrote its domain record (PhaseRecordsTest: every role's view); the closure approval holds
        // the final cost the specialist approved, which the case closed with
        assertThat(c.get("intakeReviews").findValuesAsText("notes")).containsExactly("Complete intake");
        assertThat(c.get("kickoff").get("heldOn").asText()).isEqualTo("2026-12-01");
        assertThat(c.get("payrollSetup").get("reference").asText()).isEqualTo("PR-1");
        assertThat(c.get("benefitsEnrolment").get("healthPlan").asText()).isEqualTo("host-national");
        assertThat(c.has("internationalCoverage")).as("Germany has a national plan").isFalse();
        JsonNode closure = c.get("closureApproval");
        assertThat(closure.get("approvedBy").asText()).isEqualTo("specialist");
        assertThat(closure.get("notes").asText()).isEqualTo("Smooth move");
        assertThat(closure.get("finalCost")).isEqualTo(c.get("finalCost"));
        assertThat(java.time.Instant.parse(closure.get("approvedAt").asText())).isBeforeOrEqualTo(java.time.Instant.parse(c.get("closedAt").asText()));
        JsonNode closureAsEmployee = employee.caseDetails(id).get("closureApproval");
        assertThat(closureAsEmployee.get("approvedBy").asText()).isEqualTo("specialist");
        assertThat(closureAsEmployee.has("notes")).as("notes").isFalse();
        assertThat(closureAsEmployee.has("finalCost")).as("financials").isFalse();
        JsonNode closureAsManager = Api.as(port, "manager").caseDetails(id).get("closureApproval");
        assertThat(closureAsManager.get("finalCost")).isEqualTo(c.get("finalCost"));
        assertThat(closureAsManager.has("notes")).isFalse();

        // everything every person typed is on the case record, at the production history level (which keeps no variables)
        JsonNode submitted = c.get("submissions");
        assertThat(submitted.findValuesAsText("taskKey")).contains("review-intake", "approve-relocation", "provide-immigration-documents",
                "validate-immigration-documents", "record-kickoff-call", "confirm-payroll-setup", "confirm-benefits-enrolment",
                "record-lease", "confirm-arrival", "approve-case-closure");
        assertThat(submission(submitted, "review-intake").get("fields").get("reviewNotes").asText()).isEqualTo("Complete intake");
        assertThat(submission(submitted, "record-kickoff-call").get("fields").get("kickoffNotes").asText()).isEqualTo("Scope agreed");
        assertThat(submission(submitted, "record-kickoff-call").get("submittedBy").asText()).isEqualTo("specialist");
        assertThat(submission(submitted, "confirm-payroll-setup").get("fields").get("payrollReference").asText()).isEqualTo("PR-1");
        assertThat(submission(submitted, "confirm-benefits-enrolment").get("fields").get("healthPlan").asText()).isEqualTo("host-national");
        assertThat(submission(submitted, "approve-case-closure").get("fields").get("closureNotes").asText()).isEqualTo("Smooth move");
        assertThat(submission(submitted, "provide-immigration-documents").get("fields").get("pd_passportNumber").asText())
                .as("the specialist reads personal data").isEqualTo(PASSPORT);
        assertThat(submission(submitted, "approve-relocation").get("fields").has("approvalBrief")).as("display only, never stored").isFalse();
        JsonNode asEmployee = employee.caseDetails(id).get("submissions");
        assertThat(asEmployee.findValuesAsText("taskKey")).as("the employee reads their own submissions")
                .containsExactlyInAnyOrder("provide-immigration-documents", "confirm-benefits-enrolment");
        JsonNode asManager = Api.as(port, "manager").caseDetails(id).get("submissions");
        assertThat(asManager.findValuesAsText("taskKey")).as("the manager reads the approval steps only, none of the employee's")
                .contains("approve-relocation").doesNotContain("provide-immigration-documents", "confirm-benefits-enrolment", "review-intake");
        assertThat(asManager.toString()).as("no personal data for the manager").doesNotContain(PASSPORT);

        // personal data never reached process variables or history
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(created.get("processInstanceId").asText()).list())
                .extracting(v -> v.getName()).noneMatch(n -> n.startsWith("pd_") || n.startsWith("intake_"));
        assertThat(history.createHistoricDetailQuery().variableUpdates().list()).extracting(d -> String.valueOf(
                ((org.operaton.bpm.engine.history.HistoricVariableUpdate) d).getValue())).doesNotContain(PASSPORT);
        JsonNode variableHistory = admin.get("/engine-rest/history/variable-instance?processInstanceId=" + created.get("processInstanceId").asText()).getBody();
        assertThat(variableHistory.findValuesAsText("name")).as("history %s", variableHistory).noneMatch(n -> n.startsWith("pd_") || n.startsWith("intake_"));
        assertThat(admin.get("/engine-rest/history/variable-instance?variableName=pd_passportNumber").getBody()).isEmpty();
        assertThat(admin.get("/engine-rest/history/detail?variableTypeIn=string&maxResults=5000").getBody().toString()).doesNotContain(PASSPORT);
    }

    @Test
    void aPostedWorkerWithinTheEuArrangesA1AndThePostingDeclarationInsteadOfAPermit() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee2", "DE", "DE", "NL", "SHORT_TERM", "80000").put("endDate", "2027-12-31"));
        String caseNumber = created.get("caseNumber").asText();
        long id = created.get("id").asLong();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);

        // a bad A1 reference is refused with the field named; the task stays open
        String task = specialist.awaitTask(caseNumber, "arrange-posted-worker-formalities");
        var bad = specialist.complete(task, Map.of("pd_a1Reference", "x", "a1ValidUntil", "2027-12-31",
                "postingDeclarationReference", "MELD-1", "postingDeclarationFiled", true));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").has("pd_a1Reference")).isTrue();
        specialist.completeTask(caseNumber, "arrange-posted-worker-formalities", vars("pd_a1Reference", "A1DE99887766",
                "a1ValidUntil", "2027-12-31", "postingDeclarationReference", "MELD-2026-77", "postingDeclarationFiled", true));

        JsonNode c = specialist.caseDetails(id);
        assertThat(c.get("travellers").get(0).get("permit").get("category").asText()).isEqualTo("NONE");
        assertThat(c.get("keyDates").findValuesAsText("kind")).contains("posting-declaration-due", "a1-certificate-end");
        assertThat(c.get("documents")).anySatisfy(d -> {
            assertThat(d.get("documentType").asText()).isEqualTo("a1-certificate");
            assertThat(d.get("status").asText()).isEqualTo("VALIDATED");
            assertThat(d.get("reviewedBy").asText()).as("the specialist who recorded it").isEqualTo("specialist");
            assertThat(d.path("reviewedAt").asText()).isNotBlank();
        });
        assertThat(c.get("openTasks").findValuesAsText("taskKey")).doesNotContain("provide-immigration-documents");
        assertThat(history.createHistoricVariableInstanceQuery().variableName("pd_a1Reference").count()).isZero();
    }

    @Test
    void aPassportExpiringTooSoonAfterTheAssignmentIsSentBackByTheAutomaticCheck() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000"));
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(created.get("id").asLong(), caseNumber);
        // the assignment ends 2029-02-28: the passport must be valid until at least 2029-08-28
        Api.as(port, "employee").provideDocuments(created.get("id").asLong(), caseNumber, "X5566778", "2029-05-31");

        JsonNode documents = specialist.caseDetails(created.get("id").asLong()).get("documents");
        assertThat(documents).anySatisfy(d -> {
            assertThat(d.get("documentType").asText()).isEqualTo("passport-copy");
            assertThat(d.get("status").asText()).isEqualTo("REJECTED");
            assertThat(d.get("note").asText()).contains("2029-08-28");
            assertThat(d.get("reviewedBy").asText()).as("rejected by the automatic check").isEqualTo("system");
            assertThat(d.path("reviewedAt").asText()).isNotBlank();
        });
        assertThat(documents).filteredOn(d -> !d.get("documentType").asText().equals("passport-copy"))
                .allSatisfy(d -> assertThat(d.get("status").asText()).isEqualTo("PROVIDED"));
        // the validation form's table names the reviewer as recorded: the automatic check
        String validate = specialist.awaitTask(caseNumber, "validate-immigration-documents");
        String table = specialist.get("/engine-rest/task/" + validate + "/form-variables").getBody().path("documents").path("value").asText();
        assertThat(table).as("only the passport copy was rejected, by the automatic check").contains("by the automatic check");
    }

    @Test
    void aManagerRejectionEndsTheCaseAsRejectedAndNotifies() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee2", "DE", "DE", "NL", "SHORT_TERM", "50000").put("endDate", "2027-08-31"));
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        Api.as(port, "manager").completeTask(caseNumber, "approve-relocation", vars("managerDecision", "reject", "managerComment", "Not now"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(specialist.caseDetails(created.get("id").asLong()).get("status").asText()).isEqualTo("REJECTED"));
        JsonNode c = specialist.caseDetails(created.get("id").asLong());
        assertThat(c.get("notifications").findValuesAsText("recipient")).contains("employee2@example.com", "mobility-managers@example.com");
        assertThat(c.get("approvals").get(0).get("decision").asText()).isEqualTo("reject");
        assertThat(c.get("openTasks")).isEmpty();
    }

    @Test
    void anOverBudgetCaseNeedsFinanceAndAnIneligibleCaseEndsAtIntake() {
        Api specialist = Api.as(port, "specialist");
        JsonNode overBudget = specialist.openCase(Api.intake("employee", "FR", "FR", "SG", "LONG_TERM", "1000"));
        String caseNumber = overBudget.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        Api.as(port, "manager").completeTask(caseNumber, "approve-relocation", vars("managerDecision", "approve"));
        Api.as(port, "finance").completeTask(caseNumber, "approve-budget", vars("financeDecision", "reject", "financeComment", "Too expensive"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(specialist.caseDetails(overBudget.get("id").asLong()).get("status").asText()).isEqualTo("REJECTED"));
        assertThat(specialist.caseDetails(overBudget.get("id").asLong()).get("estimate").get("exceedsBudget").asBoolean()).isTrue();

        JsonNode domesticLocalHire = specialist.openCase(Api.intake("employee", "FR", "FR", "FR", "LOCAL_HIRE", "5000"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(specialist.caseDetails(domesticLocalHire.get("id").asLong()).get("status").asText()).isEqualTo("INELIGIBLE"));
    }

    @Test
    void aCaseStartedFromTheTasklistStartFormIsRegisteredWithoutPersonalDataInVariables() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode form = Api.JSON.createObjectNode();
        ObjectNode vars = form.putObject("variables");
        Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "75000").fields().forEachRemaining(e ->
                vars.putObject("intake_" + e.getKey()).set("value", e.getValue()));
        vars.putObject("intake_budgetAmount").put("value", 75000.0);
        var started = specialist.post("/engine-rest/process-definition/key/relocation/submit-form", form);
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
        String processInstanceId = started.getBody().get("id").asText();
        String caseNumber = started.getBody().get("businessKey").asText();
        assertThat(caseNumber).matches("RC-\\d{4}-\\d{6}");

        JsonNode listed = specialist.get("/api/cases?size=100").getBody();
        assertThat(listed.get("items").findValuesAsText("caseNumber")).contains(caseNumber);
        specialist.awaitTask(caseNumber, "review-intake");
        assertThat(runtime.getVariables(processInstanceId).keySet()).as("the case id and the employee's login, no copy of the intake")
                .containsExactlyInAnyOrder("caseId", "employeeUserId");

        vars.putObject("intake_hostCountry").put("value", "Germany");
        var invalid = specialist.post("/engine-rest/process-definition/key/relocation/submit-form", form);
        assertThat(invalid.getStatusCode().value()).as("%s", invalid.getBody()).isEqualTo(400);
        assertThat(invalid.getBody().toString()).contains("hostCountry");
    }

    private static List<String> texts(JsonNode timeline, String kind) {
        List<String> out = new ArrayList<>();
        timeline.forEach(e -> {
            if (kind.equals(e.get("kind").asText())) {
                out.add(e.get("elementId").asText());
            }
        });
        return out;
    }

    private static JsonNode submission(JsonNode submissions, String taskKey) {
        for (JsonNode s : submissions) {
            if (s.get("taskKey").asText().equals(taskKey)) {
                return s;
            }
        }
        throw new AssertionError("no submission of " + taskKey + " in " + submissions);
    }
}
