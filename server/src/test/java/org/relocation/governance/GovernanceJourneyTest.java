package org.relocation.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Governance end to end: the policy tables decide and are recorded with their version, the estimate is versioned in
 * real money, the approval route follows the routing table (manager, HR lead per exception, finance, second level),
 * send-back loops to intake, reminders and escalations, the decision log, and a process owner's rate change that
 * new cases use while running ones keep theirs.
 */
@ServerTest
class GovernanceJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Test
    void aPermanentTransferWithAnExceptionGoesThroughEveryApproverAndCommitsTheEstimate() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "IN", "GB", "PERMANENT_TRANSFER", "60000").put("hostCity", "London");
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.awaitTask(caseNumber, "review-intake");

        // the four policy tables decided, each recorded with its inputs, outputs and deployed version
        JsonNode decisions = specialist.get("/api/cases/" + id + "/policy-decisions").getBody();
        assertThat(decisions.findValuesAsText("decisionKey"))
                .containsExactly("relocation-eligibility", "relocation-city-band", "relocation-package", "relocation-allowances");
        assertThat(decisions.get(1).get("outputs").get(0).get("cityBand").asText()).isEqualTo("A");
        assertThat(decisions.get(0).get("inputs").get("gradeLevel").asInt()).isEqualTo(6);
        assertThat(decisions.get(3).get("version").asInt()).isPositive();
        JsonNode v1 = onlyEstimate(specialist, id);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("reason").asText()).isEqualTo("intake");
        assertThat(v1.get("lines").findValuesAsText("category")).contains("relocation-allowance", "temporary-housing", "tax-gross-up")
                .doesNotContain("cost-of-living-allowance", "housing-allowance");
        assertThat(v1.get("total").get("currency").asText()).isEqualTo("EUR");

        // an exception asked in intake makes the move a permanent transfer above the second-level threshold
        ResponseEntity<JsonNode> asked = specialist.post("/api/cases/" + id + "/policy-exceptions", Map.of("category", "housing",
                "amount", "80000.00", "currency", "EUR", "policyClause", "GM-4.1", "justification", "Housing in central London for the first year"));
        assertThat(asked.getStatusCode().value()).as("%s", asked.getBody()).isEqualTo(201);
        long exceptionId = asked.getBody().get("id").asLong();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));

        // the manager's form shows the brief from the case records; what the form sends back of it is not stored
        Api manager = Api.as(port, "manager");
        String approval = manager.awaitTask(caseNumber, "approve-relocation");
        JsonNode formVariables = manager.get("/engine-rest/task/" + approval + "/form-variables").getBody();
        assertThat(formVariables.get("brief").get("type").asText()).isEqualTo("Json");
        String brief = formVariables.get("brief").get("value").asText();
        assertThat(brief).contains("Estimate version 1", "Policy tier STANDARD", "Line manager", "Finance", "HR lead", "Second-level approver",
                "#" + exceptionId, "EUR 80,000.00");
        ResponseEntity<JsonNode> done = manager.complete(approval, vars("managerDecision", "approve"));
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
        assertThat(history.createHistoricVariableInstanceQuery().variableName("brief").count()).as("read-time context, never stored").isZero();

        // the HR lead decides the exception (its id is the task's own), the estimate takes it in as version 2
        Api hrLead = Api.as(port, "hrlead");
        String exceptionTask = hrLead.awaitTask(caseNumber, "approve-policy-exception");
        JsonNode exceptionBrief = hrLead.get("/engine-rest/task/" + exceptionTask + "/form-variables").getBody();
        assertThat(exceptionBrief.get("brief").get("value").asText()).contains("Exception to decide: #" + exceptionId);
        assertThat(hrLead.complete(exceptionTask, vars("exceptionDecision", "approve", "exceptionComment", "Within the housing market"))
                .getStatusCode().value()).isEqualTo(204);
        Api.as(port, "finance").completeTask(caseNumber, "approve-budget", vars("financeDecision", "approve"));
        Api.as(port, "director").completeTask(caseNumber, "approve-transfer", vars("secondLevelDecision", "approve"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(phases(specialist.caseDetails(id))).contains("immigration").doesNotContain("approval"));
        JsonNode estimates = specialist.get("/api/cases/" + id + "/estimates").getBody();
        assertThat(estimates).hasSize(2);
        JsonNode v2 = estimates.get(1);
        assertThat(v2.get("reason").asText()).isEqualTo("policy exceptions decided");
        assertThat(v2.get("lines").findValuesAsText("category")).contains("exception-housing");
        assertThat(new BigDecimal(v2.get("total").get("amount").asText()).subtract(new BigDecimal(v1.get("total").get("amount").asText())))
                .isEqualByComparingTo("80000.00");
        assertThat(v2.hasNonNull("approvedAt")).as("the approved version is committed").isTrue();
        assertThat(estimates.get(0).hasNonNull("approvedAt")).isFalse();
        JsonNode exception = specialist.get("/api/policy-exceptions/" + exceptionId).getBody();
        assertThat(exception.get("status").asText()).isEqualTo("APPROVED");
        assertThat(exception.get("decidedBy").asText()).isEqualTo("hrlead");

        // the decision log holds every rule decision, estimate, route, exception and approval, in order, verified
        JsonNode log = specialist.get("/api/cases/" + id + "/decision-log").getBody();
        assertThat(log.get("verified").asBoolean()).isTrue();
        List<String> subjects = new ArrayList<>();
        log.get("entries").forEach(e -> subjects.add(e.get("kind").asText() + ":" + e.get("subject").asText()));
        assertThat(subjects).containsSubsequence("RULE_DECISION:relocation-eligibility", "RULE_DECISION:relocation-allowances",
                "ESTIMATE:estimate-v1", "POLICY_EXCEPTION:exception-" + exceptionId, "RULE_DECISION:relocation-approval-routing",
                "ROUTING:approval-route", "APPROVAL:manager", "POLICY_EXCEPTION:exception-" + exceptionId, "ESTIMATE:estimate-v2",
                "APPROVAL:finance", "APPROVAL:second-level", "APPROVAL:approval-granted");
        log.get("entries").forEach(e -> assertThat(e.get("summary").asText()).doesNotContain("90000"));
        String csv = specialist.getText("/api/cases/" + id + "/decision-log.csv");
        assertThat(csv).startsWith("case_number,sequence,occurred_at,kind,subject,summary,details,actor,previous_hash,hash")
                .contains(caseNumber + ",1,").contains("approval-granted");
    }

    @Test
    void anApproverSendsTheCaseBackTheSpecialistRevisesItAndANewEstimateVersionIsMade() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "400000"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        JsonNode v1 = onlyEstimate(specialist, id);

        Api manager = Api.as(port, "manager");
        String approval = manager.awaitTask(caseNumber, "approve-relocation");
        ResponseEntity<JsonNode> noComment = manager.complete(approval, vars("managerDecision", "send-back"));
        assertThat(noComment.getStatusCode().value()).isEqualTo(400);
        assertThat(noComment.getBody().get("fieldErrors").has("managerComment")).isTrue();
        assertThat(manager.complete(approval, vars("managerDecision", "send-back", "managerComment", "Move to Munich and shorten to 18 months"))
                .getStatusCode().value()).isEqualTo(204);

        String revise = specialist.awaitTask(caseNumber, "revise-intake");
        assertThat(specialist.get("/engine-rest/task/" + revise + "/form-variables").getBody().get("sendBackComment").get("value").asText())
                .as("the form shows the approver's comment, read from the approval decisions")
                .isEqualTo("Move to Munich and shorten to 18 months");
        assertThat(specialist.get("/engine-rest/task/" + revise + "/variables").getBody().toString())
                .as("free text stays in the case records, never in a variable")
                .doesNotContain("sendBackComment", "managerComment", "Move to Munich");
        ResponseEntity<JsonNode> bad = specialist.complete(revise, vars("revisedEndDate", "2026-01-01", "revisionNote", "Shorter"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").has("revisedEndDate")).isTrue();
        assertThat(specialist.caseDetails(id).get("endDate").asText()).as("nothing written").isEqualTo("2029-02-28");
        assertThat(specialist.complete(revise, vars("revisedHostCity", "Munich", "revisedEndDate", "2028-08-31",
                "revisionNote", "Munich, 18 months")).getStatusCode().value()).isEqualTo(204);

        // the policy is applied again (a dearer city band), a new estimate version is made and the first is kept
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        JsonNode estimates = specialist.get("/api/cases/" + id + "/estimates").getBody();
        assertThat(estimates).hasSize(2);
        assertThat(estimates.get(0).get("total")).isEqualTo(v1.get("total"));
        assertThat(estimates.get(1).get("reason").asText()).isEqualTo("revised intake");
        assertThat(estimates.get(1).get("total")).isNotEqualTo(v1.get("total"));
        JsonNode c = specialist.caseDetails(id);
        assertThat(c.get("hostCity").asText()).isEqualTo("Munich");
        assertThat(c.get("endDate").asText()).isEqualTo("2028-08-31");
        assertThat(c.get("intakeReviews").findValuesAsText("estimateVersion")).as("one intake review per round, each of its estimate")
                .containsExactly("1", "2");
        JsonNode bands = specialist.get("/api/cases/" + id + "/policy-decisions").getBody();
        List<String> cityBands = new ArrayList<>();
        bands.forEach(d -> {
            if (d.get("decisionKey").asText().equals("relocation-city-band")) {
                cityBands.add(d.get("outputs").get(0).get("cityBand").asText());
            }
        });
        assertThat(cityBands).containsExactly("C", "B");

        specialist.approveAll(id, caseNumber);
        JsonNode log = specialist.get("/api/cases/" + id + "/decision-log").getBody();
        List<String> subjects = new ArrayList<>();
        log.get("entries").forEach(e -> subjects.add(e.get("kind").asText() + ":" + e.get("subject").asText()));
        assertThat(subjects).containsSubsequence("APPROVAL:manager", "CASE_CHANGE:revise-intake", "ESTIMATE:estimate-v2", "APPROVAL:manager",
                "APPROVAL:approval-granted");
    }

    @Test
    void anOverdueApprovalIsRemindedThenEscalatedAndTheApproverCanStillDecide() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "400000"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        String task = Api.as(port, "manager").awaitTask(caseNumber, "approve-relocation");
        JsonNode due = Api.as(port, "manager").get("/engine-rest/task/" + task).getBody();
        assertThat(java.time.OffsetDateTime.parse(due.get("due").asText(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .as("the SLA of the overdue timer is the task's due date")
                .isBetween(java.time.Instant.now().plus(Duration.ofDays(3)).minusSeconds(120), java.time.Instant.now().plus(Duration.ofDays(3)).plusSeconds(5));

        // the engine's timers, fired now instead of in 2 and 3 days
        management.executeJob(timer(caseNumber, "approve-relocation-reminder").getId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(specialist, id))
                .anySatisfy(n -> assertThat(n).startsWith("approval-reminder:approve-relocation").endsWith("mobility-managers@example.com")));
        management.executeJob(timer(caseNumber, "approve-relocation-overdue").getId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(specialist, id))
                .anySatisfy(n -> assertThat(n).startsWith("approval-escalation:approve-relocation").endsWith("hr-admin@example.com")));
        JsonNode log = specialist.get("/api/cases/" + id + "/decision-log").getBody();
        assertThat(log.get("entries").findValuesAsText("summary")).anySatisfy(s -> assertThat(s).startsWith("Escalated: manager approval"));

        specialist.approveAll(id, caseNumber);
        assertThat(phases(specialist.caseDetails(id))).doesNotContain("approval");
    }

    @Test
    void aProcessOwnersNewAllowanceRateAppliesToNewCasesWhileRunningCasesKeepTheirs() throws IOException {
        Api specialist = Api.as(port, "specialist");
        JsonNode running = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "400000"));
        specialist.awaitTask(running.get("caseNumber").asText(), "review-intake");
        assertThat(housing(specialist, running.get("id").asLong())).isEqualByComparingTo("76800.00"); // 24 months x 3200

        String deployment = redeployAllowancesWithHousingCap("3200", "3900");
        try {
            JsonNode fresh = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "400000"));
            specialist.awaitTask(fresh.get("caseNumber").asText(), "review-intake");
            assertThat(housing(specialist, fresh.get("id").asLong())).isEqualByComparingTo("93600.00"); // 24 months x 3900
            int freshVersion = allowancesVersion(specialist, fresh.get("id").asLong());

            // the running case is sent back and shortened: re-estimated with the version it started with
            String caseNumber = running.get("caseNumber").asText();
            long id = running.get("id").asLong();
            specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
            Api.as(port, "manager").completeTask(caseNumber, "approve-relocation",
                    vars("managerDecision", "send-back", "managerComment", "Twelve months less"));
            specialist.completeTask(caseNumber, "revise-intake", vars("revisedEndDate", "2028-02-29", "revisionNote", "12 months"));
            specialist.awaitTask(caseNumber, "review-intake");
            JsonNode estimates = specialist.get("/api/cases/" + id + "/estimates").getBody();
            assertThat(estimates).hasSize(2);
            assertThat(line(estimates.get(1), "housing-allowance")).isEqualByComparingTo("38400.00"); // 12 months x 3200
            assertThat(allowancesVersion(specialist, id)).isLessThan(freshVersion);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String redeployAllowancesWithHousingCap(String from, String to) throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/processes/relocation-allowances.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rule = xml.indexOf("<rule id=\"rule-long-term-band-c\">");
        int end = xml.indexOf("</rule>", rule);
        String changed = xml.substring(rule, end).replaceFirst("<text>" + from + "</text>", "<text>" + to + "</text>");
        assertThat(changed).contains("<text>" + to + "</text>");
        return repository.createDeployment().name("allowance rate change").addString("relocation-allowances.dmn",
                xml.substring(0, rule) + changed + xml.substring(end)).deploy().getId();
    }

    private static JsonNode onlyEstimate(Api api, long id) {
        JsonNode estimates = api.get("/api/cases/" + id + "/estimates").getBody();
        assertThat(estimates).hasSize(1);
        return estimates.get(0);
    }

    private static BigDecimal housing(Api api, long id) {
        return line(onlyEstimate(api, id), "housing-allowance");
    }

    private static BigDecimal line(JsonNode estimate, String category) {
        for (JsonNode l : estimate.get("lines")) {
            if (l.get("category").asText().equals(category)) {
                return new BigDecimal(l.get("amount").asText());
            }
        }
        throw new AssertionError("no " + category + " line in " + estimate);
    }

    private static int allowancesVersion(Api api, long id) {
        int version = -1;
        for (JsonNode d : api.get("/api/cases/" + id + "/policy-decisions").getBody()) {
            if (d.get("decisionKey").asText().equals("relocation-allowances")) {
                version = d.get("version").asInt();
            }
        }
        return version;
    }

    private Job timer(String caseNumber, String activityId) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Job> jobs = management.createJobQuery().timers().activityId(activityId).list().stream()
                    .filter(j -> caseNumber.equals(history.createHistoricProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
                            .singleResult().getBusinessKey())).toList();
            assertThat(jobs).hasSize(1);
            found[0] = jobs.get(0).getId();
        });
        return management.createJobQuery().jobId(found[0]).singleResult();
    }

    private static List<String> notifications(Api api, long id) {
        List<String> out = new ArrayList<>();
        api.caseDetails(id).get("notifications").forEach(n -> out.add(n.get("kind").asText() + " " + n.get("recipient").asText()));
        return out;
    }

    private static List<String> phases(JsonNode details) {
        List<String> out = new ArrayList<>();
        details.get("currentPhases").forEach(p -> out.add(p.asText()));
        return out;
    }
}
