package org.relocation.relocationcase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * Named people, through HTTP: the line manager named at intake decides the manager approval (their delegate while they
 * are away), no other manager sees it; the mobility specialist chosen at intake or by the fewest open cases is offered
 * the specialist tasks first, the role staying a fallback; HR administration reassigns the specialist, logged; the
 * employee sees both as their contacts.
 */
@ServerTest
class NamedPeopleTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    CaseRepository cases;

    private Api as(String user) {
        return Api.as(port, user);
    }

    private ObjectNode intake(String employee, String lineManager, String specialist) {
        ObjectNode n = Api.intake(employee, "IN", "GB", "DE", "LONG_TERM", "250000");
        n.put("lineManagerUserId", lineManager);
        if (specialist != null) {
            n.put("specialistUserId", specialist);
        }
        return n;
    }

    private JsonNode task(String user, String taskId) {
        return as(user).get("/engine-rest/task/" + taskId).getBody();
    }

    private List<String> candidateUsers(String taskId) {
        List<String> users = new ArrayList<>();
        as("admin").get("/engine-rest/task/" + taskId + "/identity-links?type=candidate").getBody()
                .forEach(l -> { if (l.hasNonNull("userId")) users.add(l.get("userId").asText()); });
        return users;
    }

    private List<String> candidateGroups(String taskId) {
        List<String> groups = new ArrayList<>();
        as("admin").get("/engine-rest/task/" + taskId + "/identity-links?type=candidate").getBody()
                .forEach(l -> { if (l.hasNonNull("groupId")) groups.add(l.get("groupId").asText()); });
        return groups;
    }

    private int visibleTasks(String user, String caseNumber, String taskKey) {
        ResponseEntity<JsonNode> r = as(user).get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + taskKey);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody().size();
    }

    private void assertBad(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has(field)).as("%s names %s", r.getBody(), field).isTrue();
        assertThat(r.getBody().get("fieldErrors").get(field).asText()).isNotBlank();
    }

    @Test
    void anIntakeWithoutAKnownLineManagerOrWithAnUnknownSpecialistIsA400NamingTheField() {
        Api specialist = as("specialist");
        long before = cases.count();
        ObjectNode none = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
        none.remove("lineManagerUserId");
        assertBad(specialist.post("/api/cases", none), "lineManagerUserId");
        assertBad(specialist.post("/api/cases", intake("employee", "nobody-here", null)), "lineManagerUserId");
        assertBad(specialist.post("/api/cases", intake("employee", "finance", null)), "lineManagerUserId"); // not a manager
        assertBad(specialist.post("/api/cases", intake("employee", "employee", null)), "lineManagerUserId"); // their own manager
        assertBad(specialist.post("/api/cases", intake("employee", "manager", "nobody-here")), "specialistUserId");
        assertBad(specialist.post("/api/cases", intake("employee", "manager", "manager")), "specialistUserId"); // not a specialist
        assertBad(specialist.post("/api/cases", intake("employee", "manager", "bad login")), "specialistUserId");
        assertThat(cases.count()).as("nothing written").isEqualTo(before);

        // the Tasklist start form: the same rules, named by the form's field
        ObjectNode form = Api.JSON.createObjectNode();
        ObjectNode vars = form.putObject("variables");
        intake("employee", "nobody-here", null).fields().forEachRemaining(e -> vars.putObject("intake_" + e.getKey()).set("value", e.getValue()));
        ResponseEntity<JsonNode> unknown = specialist.post("/engine-rest/process-definition/key/relocation/submit-form", form);
        assertThat(unknown.getStatusCode().value()).as("%s", unknown.getBody()).isEqualTo(400);
        assertThat(unknown.getBody().toString()).contains("intake_lineManagerUserId");
        vars.remove("intake_lineManagerUserId");
        ResponseEntity<JsonNode> missing = specialist.post("/engine-rest/process-definition/key/relocation/submit-form", form);
        assertThat(missing.getStatusCode().value()).as("%s", missing.getBody()).isEqualTo(400);
        assertThat(missing.getBody().toString()).contains("intake_lineManagerUserId");
        assertThat(cases.count()).as("nothing written").isEqualTo(before);
    }

    @Test
    void theManagerApprovalGoesToTheLineManagerAloneAndNoOtherManagerSeesIt() {
        String lineManager = TestUsers.create(identity, "lm", "manager");
        String otherManager = TestUsers.create(identity, "lm", "manager");
        Api specialist = as("specialist");
        JsonNode c = specialist.openCase(intake("employee", lineManager, null));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));

        String approval = as(lineManager).awaitTask(caseNumber, "approve-relocation");
        assertThat(task(lineManager, approval).get("assignee").asText()).isEqualTo(lineManager);
        assertThat(candidateGroups(approval)).doesNotContain("manager");
        for (String other : List.of(otherManager, "manager", "manager2")) {
            assertThat(visibleTasks(other, caseNumber, "approve-relocation")).as("%s sees the approval", other).isZero();
            assertThat(as(other).get("/engine-rest/task/" + approval).getStatusCode().value()).as(other).isEqualTo(404);
            assertThat(as(other).post("/engine-rest/task/" + approval + "/claim", Map.of("userId", other)).getStatusCode().is2xxSuccessful())
                    .as("%s claims the approval", other).isFalse();
            assertThat(as(other).complete(approval, vars("managerDecision", "approve", "managerComment", "Not mine")).getStatusCode().value())
                    .as("%s decides the approval", other).isNotEqualTo(204);
        }
        ResponseEntity<JsonNode> decided = as(lineManager).complete(approval, vars("managerDecision", "approve", "managerComment", "Fine"));
        assertThat(decided.getStatusCode().value()).as("%s", decided.getBody()).isEqualTo(204);
        JsonNode approvals = as("admin").caseDetails(c.get("id").asLong()).get("approvals");
        assertThat(approvals.findValuesAsText("decidedBy")).contains(lineManager);
    }

    @Test
    void anAbsentLineManagersApprovalGoesToTheirDelegateAndIsLogged() {
        String lineManager = TestUsers.create(identity, "lm", "manager");
        String delegate = TestUsers.create(identity, "lm", "manager");
        Map<String, Object> absence = new LinkedHashMap<>();
        absence.put("userId", lineManager);
        absence.put("firstDay", LocalDate.now().toString());
        absence.put("lastDay", LocalDate.now().plusDays(3).toString());
        absence.put("delegateId", delegate);
        absence.put("note", "Parental leave");
        ResponseEntity<JsonNode> registered = as("hradmin").post("/api/approver-absences", absence);
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);

        Api specialist = as("specialist");
        JsonNode c = specialist.openCase(intake("employee2", lineManager, null));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        String approval = as(delegate).awaitTask(caseNumber, "approve-relocation");
        assertThat(task(delegate, approval).get("assignee").asText()).isEqualTo(delegate);
        assertThat(visibleTasks("manager", caseNumber, "approve-relocation")).isZero();
        JsonNode log = as("admin").get("/api/cases/" + c.get("id").asLong() + "/decision-log").getBody();
        assertThat(log.get("verified").asBoolean()).isTrue();
        assertThat(log.get("entries").findValuesAsText("summary")).contains("Approval task reassigned to " + delegate + " (approver absent)");
        assertThat(as(delegate).complete(approval, vars("managerDecision", "approve", "managerComment", "Covering")).getStatusCode().value())
                .isEqualTo(204);
    }

    @Test
    void theSpecialistIsChosenAtIntakeOrElseTheOneWithTheFewestOpenCasesAndTheRoleStaysAFallback() {
        // logins that sort before every other specialist's: among equals the first login in order is chosen
        String first = TestUsers.create(identity, "0aa", "mobility-specialist");
        String second = TestUsers.create(identity, "0ab", "mobility-specialist");
        Api specialist = as("specialist");

        JsonNode chosen = specialist.openCase(intake("employee", "manager", second));
        assertThat(as("admin").caseDetails(chosen.get("id").asLong()).get("contacts").get("specialist").get("userId").asText()).isEqualTo(second);
        // first runs no case, second runs one (and the demo specialist any number): first is the least busy
        JsonNode ruled = specialist.openCase(intake("employee", "manager", null));
        JsonNode details = as("admin").caseDetails(ruled.get("id").asLong());
        assertThat(details.get("contacts").get("specialist").get("userId").asText()).isEqualTo(first);
        assertThat(details.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("PERSON_ASSIGNED");
            assertThat(e.get("elementId").asText()).isEqualTo("specialist");
            assertThat(e.get("name").asText()).isEqualTo("Mobility specialist assigned: " + first + " (fewest open cases)");
            assertThat(e.get("actor").asText()).isEqualTo("specialist");
            assertThat(e.hasNonNull("at")).isTrue();
        });
        assertThat(as("admin").caseDetails(chosen.get("id").asLong()).get("timeline").findValuesAsText("name"))
                .contains("Mobility specialist assigned: " + second + " (chosen at intake)", "Line manager assigned: manager (named at intake)");

        // the case's specialist is offered its review first; the role stays a candidate, anyone in it may claim
        String caseNumber = ruled.get("caseNumber").asText();
        String review = as(first).awaitTask(caseNumber, "review-intake");
        assertThat(candidateUsers(review)).containsExactly(first);
        assertThat(candidateGroups(review)).contains("mobility-specialist");
        assertThat(as(first).get("/engine-rest/task?candidateUser=" + first + "&processInstanceBusinessKey=" + caseNumber).getBody()).hasSize(1);
        assertThat(visibleTasks(second, caseNumber, "review-intake")).isEqualTo(1);
        assertThat(as(second).post("/engine-rest/task/" + review + "/claim", Map.of("userId", second)).getStatusCode().value()).isEqualTo(204);
        assertThat(as(second).complete(review, vars("intakeVerified", true)).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void hrAdministrationReassignsTheSpecialistWithTheOpenTasksAndTheLogRecordsIt() {
        String before = TestUsers.create(identity, "spec", "mobility-specialist");
        String after = TestUsers.create(identity, "spec", "mobility-specialist");
        JsonNode c = as("specialist").openCase(intake("employee", "manager", before));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        String review = as(before).awaitTask(caseNumber, "review-intake");
        assertThat(as(before).post("/engine-rest/task/" + review + "/claim", Map.of("userId", before)).getStatusCode().value()).isEqualTo(204);
        String path = "/api/cases/" + id + "/specialist";

        // only HR administration (and administrators)
        Map<String, Object> ok = Map.of("userId", after, "reason", "Moved to the APAC desk");
        for (String user : List.of("specialist", before, "manager", "employee", "finance")) {
            assertThat(as(user).put(path, ok).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).put(path, ok).getStatusCode().value()).isEqualTo(401);
        // bad input names the field, and changes nothing
        Api hradmin = as("hradmin");
        assertBad(hradmin.put(path, Map.of("userId", "nobody-here", "reason", "Moved on")), "userId");
        assertBad(hradmin.put(path, Map.of("userId", "manager", "reason", "Moved on")), "userId");
        assertBad(hradmin.put(path, Map.of("userId", before, "reason", "Moved on")), "userId");
        assertBad(hradmin.put(path, Map.of("userId", after)), "reason");
        assertBad(hradmin.put(path, Map.of("userId", after, "reason", "x")), "reason");
        assertBad(hradmin.put(path, Map.of("reason", "Moved on")), "userId");
        assertThat(hradmin.put("/api/cases/999999999/specialist", ok).getStatusCode().value()).isEqualTo(404);
        assertThat(as("admin").caseDetails(id).get("contacts").get("specialist").get("userId").asText()).isEqualTo(before);
        assertThat(task("admin", review).get("assignee").asText()).isEqualTo(before);

        ResponseEntity<JsonNode> moved = hradmin.put(path, ok);
        assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);
        assertThat(moved.getBody().get("specialist").asText()).isEqualTo(after);
        assertThat(moved.getBody().get("previousSpecialist").asText()).isEqualTo(before);
        assertThat(moved.getBody().get("tasks").toString()).contains(review);
        assertThat(task("admin", review).get("assignee").asText()).isEqualTo(after);
        assertThat(candidateUsers(review)).contains(after).doesNotContain(before);
        assertThat(candidateGroups(review)).contains("mobility-specialist");
        assertThat(as("admin").caseDetails(id).get("contacts").get("specialist").get("userId").asText()).isEqualTo(after);

        JsonNode log = hradmin.get("/api/cases/" + id + "/decision-log").getBody();
        assertThat(log.get("verified").asBoolean()).isTrue();
        assertThat(log.get("entries")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("CASE_CHANGE");
            assertThat(e.get("subject").asText()).isEqualTo("specialist");
            assertThat(e.get("summary").asText()).isEqualTo("Mobility specialist reassigned from " + before + " to " + after);
            assertThat(e.get("actor").asText()).isEqualTo("hradmin");
            assertThat(e.get("details").get("from").asText()).isEqualTo(before);
            assertThat(e.get("details").get("to").asText()).isEqualTo(after);
            assertThat(e.get("details").get("reason").asText()).isEqualTo("Moved to the APAC desk");
            assertThat(e.hasNonNull("occurredAt")).isTrue();
        });
        assertThat(as("admin").caseDetails(id).get("timeline")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("PERSON_ASSIGNED");
            assertThat(e.get("actor").asText()).isEqualTo("hradmin");
            assertThat(e.get("name").asText()).contains(after);
        });
        assertThat(as(after).complete(review, vars("intakeVerified", true)).getStatusCode().value()).isEqualTo(204);
        // an administrator may as well
        // the phases that follow the review update the case meanwhile: a 409 (concurrent change, nothing written) asks to try again
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            int status = as("admin").put(path, Map.of("userId", before, "reason", "Back from the APAC desk")).getStatusCode().value();
            assertThat(status).as("a handover answers 200, or 409 to try again").isIn(200, 409);
            assertThat(status).isEqualTo(200);
        });
    }

    @Test
    void theEmployeeSeesTheirSpecialistAndLineManager() {
        JsonNode c = as("specialist").openCase(intake("employee2", "manager", "specialist"));
        JsonNode mine = as("employee2").caseDetails(c.get("id").asLong());
        JsonNode contacts = mine.get("contacts");
        assertThat(contacts.get("specialist").get("userId").asText()).isEqualTo("specialist");
        assertThat(contacts.get("specialist").get("name").asText()).isEqualTo("Sam Specialist");
        assertThat(contacts.get("lineManager").get("userId").asText()).isEqualTo("manager");
        assertThat(contacts.get("lineManager").get("name").asText()).isEqualTo("Maria Manager");
    }
}
