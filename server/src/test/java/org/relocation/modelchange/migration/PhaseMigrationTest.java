package org.relocation.modelchange.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * A process owner changes a phase while cases run in it (issue 14): 20 cases opened through the API, 10 waiting in the
 * benefits phase and 10 still at the intake. Benefits v2 adds the user task confirm-pension-transfer (with a new form):
 * the proposal lists it and finds every waiting instance movable; the migration moves them as a batch; the moved cases
 * go on through the new task (its form and listeners work: it is reached after the move), two of them to the end of
 * their journey; the cases that reach the phase later run v2 without a migration. Then v3 drops the enrolment task:
 * the cases waiting there cannot move and are named with their activity; the migration moves only the others, and a
 * case that moved on before the batch reached it is reported as failed with the engine's message (a retry fails again).
 */
@ServerTest
class PhaseMigrationTest {

    private static final String MIGRATIONS = "/api/model-changes/migrations";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessEngine engine;

    record Case(long id, String caseNumber) {
    }

    @Test
    void runningCasesMoveToANewPhaseVersionAndThoseWaitingInARemovedTaskStay() {
        BenefitsVersions versions = new BenefitsVersions(port, repository);
        Api specialist = Api.as(port, "specialist");
        Api owner = Api.as(port, "owner");
        Api employee = Api.as(port, "employee");
        String v1 = versions.latest();
        try {
            // two cases take the whole journey (immigration with documents), eight a posted worker's short one
            List<Case> inBenefits = new ArrayList<>();
            List<Case> later = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ObjectNode intake = i < 2 ? Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000")
                        : Api.intake("employee", "DE", "DE", "NL", "SHORT_TERM", "80000").put("endDate", "2027-12-31");
                JsonNode created = specialist.openCase(intake);
                (i < 10 ? inBenefits : later).add(new Case(created.get("id").asLong(), created.get("caseNumber").asText()));
            }
            intoBenefits(inBenefits, v1);

            String v2 = versions.deploy("Pension transfer step added", Map.of(BenefitsVersions.FILE, BenefitsVersions.withPensionTransfer(true),
                    "confirm-pension-transfer.form", BenefitsVersions.PENSION_FORM));

            JsonNode proposal = ok(owner.post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2)), 200);
            assertThat(proposal.get("planProblems")).isEmpty();
            assertThat(proposal.get("newTargetActivities").findValuesAsText("id")).containsExactly("confirm-pension-transfer");
            assertThat(proposal.get("unmappedSourceActivities")).as("every activity a token waits in is in v2").isEmpty();
            assertThat(proposal.get("notMovable").asInt()).isZero();
            assertThat(proposal.get("movable").asInt()).isGreaterThanOrEqualTo(10);
            assertThat(proposal.get("groups")).allSatisfy(g -> assertThat(g.get("movable").asBoolean()).isTrue());
            JsonNode enrolmentGroup = group(proposal, "confirm-benefits-enrolment");
            assertThat(texts(enrolmentGroup.get("caseNumbers"))).containsAll(caseNumbers(inBenefits));
            assertThat(enrolmentGroup.get("formChanges")).as("the enrolment form is the same in v2").isEmpty();

            // the batch waits while the job executor is paused: a second migration from v1 is refused meanwhile
            JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            JsonNode started;
            jobExecutor.shutdown();
            try {
                started = ok(owner.post(MIGRATIONS, Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2,
                        "comment", "Pension transfer step added")), 202);
                assertThat(started.get("status").asText()).isEqualTo("RUNNING");
                assertThat(started.get("total").asInt()).isEqualTo(proposal.get("movable").asInt());
                assertThat(started.get("requestedBy").asText()).isEqualTo("owner");
                ResponseEntity<JsonNode> again = owner.post(MIGRATIONS, Map.of("sourceDefinitionId", v1, "targetDefinitionId", v2,
                        "comment", "Pension transfer step added"));
                assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(409);
            } finally {
                jobExecutor.start();
            }
            JsonNode done = awaitFinished(owner, started.get("id").asLong());
            assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
            assertThat(done.get("migrated").asInt()).isEqualTo(started.get("total").asInt()).isGreaterThanOrEqualTo(10);
            assertThat(done.get("failed").asInt()).isZero();
            assertThat(done.get("remaining").asInt()).isZero();
            for (Case c : inBenefits) {
                assertThat(benefitsDefinition(c)).as("%s moved", c.caseNumber()).isEqualTo(v2);
            }
            JsonNode listed = ok(owner.get(MIGRATIONS + "?size=5"), 200);
            assertThat(listed.get("items").get(0).get("id").asLong()).isEqualTo(started.get("id").asLong());

            // the moved cases go on through the new task (reached after the move: its listeners and form apply)
            for (Case c : inBenefits) {
                employee.completeTask(c.caseNumber(), "confirm-benefits-enrolment",
                        vars("healthPlan", "host-national", "pensionContinuation", "home", "enrolmentConfirmed", true));
            }
            List<Case> atPensionTransfer = inBenefits.subList(5, 10);
            for (Case c : inBenefits.subList(0, 5)) {
                employee.completeTask(c.caseNumber(), "confirm-pension-transfer", vars("pensionTransferConfirmed", true));
                JsonNode details = specialist.caseDetails(c.id());
                assertThat(details.get("timeline").findValuesAsText("elementId")).contains("confirm-pension-transfer");
            }
            for (Case c : inBenefits.subList(0, 2)) {
                toTheEnd(specialist, employee, c);
            }

            // the cases that reach the phase later start its latest version, v2
            intoBenefits(later, v2);
            Case laterThrough = later.get(0);
            employee.completeTask(laterThrough.caseNumber(), "confirm-benefits-enrolment",
                    vars("healthPlan", "host-national", "pensionContinuation", "host", "enrolmentConfirmed", true));
            employee.completeTask(laterThrough.caseNumber(), "confirm-pension-transfer", vars("pensionTransferConfirmed", true));
            List<Case> atEnrolment = later.subList(1, 10);

            // a person's migration plan never sets variables (only the workers do): refused by the engine's guard
            String v3 = versions.deploy("Enrolment step removed", Map.of(BenefitsVersions.FILE, BenefitsVersions.withPensionTransfer(false)));
            ObjectNode plan = Api.JSON.createObjectNode();
            ObjectNode migrationPlan = plan.putObject("migrationPlan");
            migrationPlan.put("sourceProcessDefinitionId", v2).put("targetProcessDefinitionId", v3);
            migrationPlan.putArray("instructions").addObject().put("updateEventTrigger", false)
                    .<ObjectNode>set("sourceActivityIds", Api.JSON.createArrayNode().add("confirm-pension-transfer"))
                    .set("targetActivityIds", Api.JSON.createArrayNode().add("confirm-pension-transfer"));
            migrationPlan.putObject("variables").putObject("enrolmentConfirmed").put("value", true);
            plan.putArray("processInstanceIds").add(benefitsInstance(atPensionTransfer.get(0)));
            for (String path : List.of("/engine-rest/migration/execute", "/engine-rest/migration/executeAsync")) {
                ResponseEntity<JsonNode> refused = owner.post(path, plan);
                assertThat(refused.getStatusCode().value()).as("%s: %s", path, refused.getBody()).isEqualTo(403);
                assertThat(refused.getBody().get("message").asText()).contains("variables");
            }
            assertThat(benefitsDefinition(atPensionTransfer.get(0))).isEqualTo(v2);

            // v3 drops the enrolment task: the cases waiting there cannot move, and are named
            JsonNode second = ok(owner.post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", v2, "targetDefinitionId", v3)), 200);
            assertThat(second.get("unmappedSourceActivities").findValuesAsText("id")).contains("confirm-benefits-enrolment");
            JsonNode stuck = group(second, "confirm-benefits-enrolment");
            assertThat(stuck.get("movable").asBoolean()).isFalse();
            assertThat(texts(stuck.get("caseNumbers"))).containsAll(caseNumbers(atEnrolment));
            assertThat(texts(stuck.get("failures"))).anySatisfy(f -> assertThat(f).startsWith("confirm-benefits-enrolment"));
            JsonNode movable = group(second, "confirm-pension-transfer");
            assertThat(movable.get("movable").asBoolean()).isTrue();
            assertThat(texts(movable.get("caseNumbers"))).containsAll(caseNumbers(atPensionTransfer));

            // one case moves on while the batch waits: its instance is gone when the batch comes to it, and is named
            Case movedOn = atPensionTransfer.get(0);
            JsonNode third;
            jobExecutor.shutdown();
            try {
                third = ok(owner.post(MIGRATIONS, Map.of("sourceDefinitionId", v2, "targetDefinitionId", v3,
                        "comment", "Enrolment step removed")), 202);
                String movedOnInstance = benefitsInstance(movedOn);
                employee.completeTask(movedOn.caseNumber(), "confirm-pension-transfer", vars("pensionTransferConfirmed", true));
                // then the enrolment vendor (the simulator) confirms and the phase ends, before the batch runs
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        runtime.createProcessInstanceQuery().processInstanceId(movedOnInstance).singleResult() == null);
            } finally {
                jobExecutor.start();
            }
            assertThat(third.get("notMoved")).allSatisfy(n -> {
                assertThat(texts(n.get("activityIds"))).containsExactly("confirm-benefits-enrolment");
                assertThat(n.get("reasons").asText()).contains("confirm-benefits-enrolment");
            });
            assertThat(third.get("notMoved").findValuesAsText("caseNumber")).containsAll(caseNumbers(atEnrolment));
            long thirdId = third.get("id").asLong();
            try {
                JsonNode thirdDone = awaitFinished(owner, thirdId);
                assertThat(thirdDone.get("status").asText()).as("%s", thirdDone).isEqualTo("COMPLETED_WITH_FAILURES");
                assertThat(thirdDone.get("migrated").asInt()).isEqualTo(third.get("total").asInt() - 1).isGreaterThanOrEqualTo(4);
                assertThat(thirdDone.get("failures")).singleElement().satisfies(f -> {
                    assertThat(f.get("caseNumber").asText()).isEqualTo(movedOn.caseNumber());
                    assertThat(f.get("message").asText()).contains("does not exist");
                });
                for (Case c : atPensionTransfer.subList(1, 5)) {
                    assertThat(benefitsDefinition(c)).isEqualTo(v3);
                }
                for (Case c : atEnrolment) {
                    assertThat(benefitsDefinition(c)).as("%s stays", c.caseNumber()).isEqualTo(v2);
                }
                employee.completeTask(atPensionTransfer.get(1).caseNumber(), "confirm-pension-transfer", vars("pensionTransferConfirmed", true));

                // a retry runs the failed job again: the case is still gone, so it fails again and stays named
                ResponseEntity<JsonNode> retried = owner.post(MIGRATIONS + "/" + thirdId + "/retries", Map.of());
                assertThat(retried.getStatusCode().value()).as("%s", retried.getBody()).isEqualTo(204);
                JsonNode retriedDone = awaitFinished(owner, thirdId);
                assertThat(retriedDone.get("status").asText()).isEqualTo("COMPLETED_WITH_FAILURES");
                assertThat(retriedDone.get("failures").findValuesAsText("caseNumber")).containsExactly(movedOn.caseNumber());
            } finally {
                String batchId = ok(owner.get(MIGRATIONS + "/" + thirdId), 200).path("batchId").asText();
                if (engine.getManagementService().createBatchQuery().batchId(batchId).count() > 0) {
                    engine.getManagementService().deleteBatch(batchId, true);
                }
            }
            ResponseEntity<JsonNode> nothingToRetry = owner.post(MIGRATIONS + "/" + started.get("id").asLong() + "/retries", Map.of());
            assertThat(nothingToRetry.getStatusCode().value()).as("%s", nothingToRetry.getBody()).isEqualTo(409);
        } finally {
            versions.restoreShipped();
        }
    }

    @Test
    void badRequestsNameTheFieldAndOnlyProcessOwnersMigrate() {
        Api owner = Api.as(port, "owner");
        String benefits = new BenefitsVersions(port, repository).latest();
        String housing = repository.createProcessDefinitionQuery().processDefinitionKey("relocation-housing").latestVersion().singleResult().getId();
        assertThat(fieldErrors(owner.post(MIGRATIONS + "/proposals", Map.of("targetDefinitionId", benefits)))).containsKey("sourceDefinitionId");
        assertThat(fieldErrors(owner.post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", benefits, "targetDefinitionId", housing))))
                .containsKey("targetDefinitionId");
        assertThat(fieldErrors(owner.post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", "relocation-benefits:99:none",
                "targetDefinitionId", benefits)))).containsKey("sourceDefinitionId");
        assertThat(fieldErrors(owner.post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", benefits, "targetDefinitionId", benefits))))
                .containsKey("targetDefinitionId");
        assertThat(fieldErrors(owner.post(MIGRATIONS, Map.of("sourceDefinitionId", benefits, "targetDefinitionId", housing, "comment", "Why"))))
                .containsKeys("comment", "targetDefinitionId");
        assertThat(fieldErrors(owner.post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", benefits, "targetDefinitionId", benefits,
                "colour", "red")))).containsKey("colour");
        assertThat(fieldErrors(owner.get(MIGRATIONS + "?size=0"))).containsKey("size");
        assertThat(owner.get(MIGRATIONS + "/987654321").getStatusCode().value()).isEqualTo(404);

        assertThat(Api.as(port, "specialist").getStatus(MIGRATIONS)).isEqualTo(403);
        assertThat(Api.as(port, "specialist").post(MIGRATIONS + "/proposals", Map.of("sourceDefinitionId", benefits,
                "targetDefinitionId", benefits)).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).getStatus(MIGRATIONS)).isEqualTo(401);
        assertThat(Api.as(port, "admin").getStatus(MIGRATIONS)).isEqualTo(200);
    }

    /** Reviewed and approved: each case waits at the enrolment of that version of the benefits phase. */
    private void intoBenefits(List<Case> cases, String definitionId) {
        for (Case c : cases) {
            reviewAndApprove(port, c);
        }
        for (Case c : cases) {
            Api.as(port, "employee").awaitTask(c.caseNumber(), "confirm-benefits-enrolment");
            assertThat(benefitsDefinition(c)).isEqualTo(definitionId);
        }
    }

    /** The intake reviewed and every approval given: the approved phases start, benefits among them. */
    static void reviewAndApprove(int port, Case c) {
        Api specialist = Api.as(port, "specialist");
        specialist.completeTask(c.caseNumber(), "review-intake", vars("intakeVerified", true));
        specialist.approveAll(c.id(), c.caseNumber());
    }

    /** The rest of a full journey after the benefits phase: immigration, housing, payroll, arrival, closure. */
    private void toTheEnd(Api specialist, Api employee, Case c) {
        employee.provideDocuments(c.id(), c.caseNumber(), "X1234567", "2031-01-31");
        specialist.completeTask(c.caseNumber(), "validate-immigration-documents", vars("documentsDecision", "valid", "validationComment", "All good"));
        specialist.completeTask(c.caseNumber(), "record-kickoff-call",
                vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Specialist and employee", "kickoffNotes", "Scope agreed"));
        Api.as(port, "finance").completeTask(c.caseNumber(), "confirm-payroll-setup", vars("payrollConfirmed", true, "payrollReference", "PR-7"));
        specialist.recordLease(c.caseNumber()); // the home search's lease (destination services)
        specialist.completeTask(c.caseNumber(), "confirm-arrival", vars("arrivalDate", "2027-03-01", "rtwDocumentType", "work-permit",
                "pd_rtwDocumentReference", "WP-998877", "rtwCheckDate", "2027-03-01", "rtwCheckMethod", "in-person",
                "rtwNextCheckDate", "2029-01-31"));
        specialist.completeTask(c.caseNumber(), "approve-case-closure", vars("closureConfirmed", true, "closureNotes", "Moved on v2"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(specialist.caseDetails(c.id()).get("status").asText()).isEqualTo("COMPLETED"));
        assertThat(specialist.caseDetails(c.id()).get("submissions").findValuesAsText("taskKey")).contains("confirm-pension-transfer");
    }

    private JsonNode awaitFinished(Api owner, long id) {
        JsonNode[] state = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            state[0] = ok(owner.get(MIGRATIONS + "/" + id), 200);
            return !state[0].get("status").asText().equals("RUNNING");
        });
        return state[0];
    }

    private String benefitsInstance(Case c) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNumber())
                .processDefinitionKey(BenefitsVersions.KEY).singleResult().getId();
    }

    private String benefitsDefinition(Case c) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.caseNumber())
                .processDefinitionKey(BenefitsVersions.KEY).singleResult().getProcessDefinitionId();
    }

    private static JsonNode group(JsonNode proposal, String activityId) {
        for (JsonNode g : proposal.get("groups")) {
            if (texts(g.get("activityIds")).equals(List.of(activityId))) {
                return g;
            }
        }
        throw new AssertionError("no group waiting in " + activityId + ": " + proposal);
    }

    private static List<String> caseNumbers(List<Case> cases) {
        return cases.stream().map(Case::caseNumber).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode ok(ResponseEntity<JsonNode> r, int status) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        return r.getBody();
    }

    private static Map<String, Object> fieldErrors(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
        return Api.JSON.convertValue(r.getBody().get("fieldErrors"), Map.class);
    }
}
