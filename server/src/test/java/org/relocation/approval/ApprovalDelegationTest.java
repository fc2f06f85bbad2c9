package org.relocation.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestUsers;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * POST /api/approval-tasks/{taskId}/delegate: HR administration hands an open approval to another approver of its
 * role, recorded in the decision log; bad input is a 400 naming the field with the assignee unchanged; roles; 404s.
 */
@ServerTest
class ApprovalDelegationTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    /** The line manager of this class's cases: a manager of their own, whom no other test makes absent. */
    private String lineManager;

    /** The approve-relocation task of a new case whose intake the specialist has reviewed. */
    private String[] caseAwaitingManager() {
        Api specialist = Api.as(port, "specialist");
        lineManager = TestUsers.create(identity, "lm", "manager");
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("lineManagerUserId", lineManager));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        String taskId = Api.as(port, "admin").awaitTask(caseNumber, "approve-relocation");
        return new String[]{c.get("id").asText(), caseNumber, taskId};
    }

    private String assignee(String taskId) {
        ResponseEntity<JsonNode> r = Api.as(port, "admin").get("/engine-rest/task/" + taskId);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        JsonNode a = r.getBody().get("assignee");
        return a == null || a.isNull() ? null : a.asText();
    }

    private static Map<String, Object> delegation(String to, String reason) {
        Map<String, Object> b = new HashMap<>();
        if (to != null) {
            b.put("to", to);
        }
        if (reason != null) {
            b.put("reason", reason);
        }
        return b;
    }

    private JsonNode approvalEntries(String caseId) {
        JsonNode log = Api.as(port, "admin").get("/api/cases/" + caseId + "/decision-log").getBody();
        assertThat(log.get("verified").asBoolean()).isTrue();
        return log.get("entries");
    }

    private static long reassignments(JsonNode entries) {
        long n = 0;
        for (JsonNode e : entries) {
            if (e.get("kind").asText().equals("APPROVAL") && e.get("summary").asText().contains("reassigned")) {
                n++;
            }
        }
        return n;
    }

    private void assertBadRequest(ResponseEntity<JsonNode> r, String... fields) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        for (String field : fields) {
            assertThat(r.getBody().get("fieldErrors").has(field)).as("%s in fieldErrors %s", field, r.getBody()).isTrue();
        }
    }

    @Test
    void hrAdministrationHandsTheApprovalToAManagerAndTheLogRecordsIt() {
        String[] c = caseAwaitingManager();
        String taskId = c[2];
        assertThat(assignee(taskId)).as("the line manager's").isEqualTo(lineManager);

        ResponseEntity<JsonNode> r = Api.as(port, "hradmin").post("/api/approval-tasks/" + taskId + "/delegate",
                delegation("manager", "  Maria covers while the line manager is on leave until 2027-01-10  "));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody().get("taskId").asText()).isEqualTo(taskId);
        assertThat(r.getBody().get("assignee").asText()).isEqualTo("manager");
        assertThat(r.getBody().get("step").asText()).isEqualTo("approve-relocation");
        assertThat(assignee(taskId)).isEqualTo("manager");

        JsonNode entries = approvalEntries(c[0]);
        assertThat(reassignments(entries)).isEqualTo(1);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("APPROVAL");
            assertThat(e.get("subject").asText()).isEqualTo("approve-relocation");
            assertThat(e.get("summary").asText()).contains("reassigned").contains("manager");
            assertThat(e.get("actor").asText()).isEqualTo("hradmin");
            assertThat(e.get("details").get("to").asText()).isEqualTo("manager");
            assertThat(e.get("details").get("reason").asText()).isEqualTo("Maria covers while the line manager is on leave until 2027-01-10");
            assertThat(e.get("details").get("from").asText()).isEqualTo(lineManager);
        });

        // handing it again to the one who has it is refused and logs nothing
        assertBadRequest(Api.as(port, "hradmin").post("/api/approval-tasks/" + taskId + "/delegate",
                delegation("manager", "Once more")), "to");
        // an approver of the task's own role may reassign it too (here only to someone else than who has it)
        assertBadRequest(Api.as(port, "manager").post("/api/approval-tasks/" + taskId + "/delegate",
                delegation("manager", "Back to me")), "to");
        assertThat(reassignments(approvalEntries(c[0]))).isEqualTo(1);

        // the new assignee decides as usual
        Api.as(port, "manager").completeTask(c[1], "approve-relocation", vars("managerDecision", "approve", "managerComment", "Fine"));
    }

    @Test
    void badInputIsA400NamingTheFieldsAndTheAssigneeIsUnchanged() {
        String[] c = caseAwaitingManager();
        String path = "/api/approval-tasks/" + c[2] + "/delegate";
        Api hradmin = Api.as(port, "hradmin");

        assertBadRequest(hradmin.post(path, delegation(null, "On leave this week")), "to");
        assertBadRequest(hradmin.post(path, delegation("  ", "On leave this week")), "to");
        assertBadRequest(hradmin.post(path, delegation("finance", "On leave this week")), "to");
        assertBadRequest(hradmin.post(path, delegation("nobody-at-all", "On leave this week")), "to");
        assertBadRequest(hradmin.post(path, delegation("manager", "ok")), "reason");
        assertBadRequest(hradmin.post(path, delegation("manager", "   x   ")), "reason");
        assertBadRequest(hradmin.post(path, delegation("manager", null)), "reason");
        assertBadRequest(hradmin.post(path, delegation("manager", "r".repeat(501))), "reason");
        assertBadRequest(hradmin.post(path, delegation("finance", "no")), "to", "reason");
        assertBadRequest(hradmin.post(path, delegation(null, null)), "to", "reason");
        assertBadRequest(hradmin.postRaw(path, "{", Map.of()), "body");

        assertThat(assignee(c[2])).isEqualTo(lineManager);
        assertThat(reassignments(approvalEntries(c[0]))).isZero();
    }

    @Test
    void rolesAndUnknownTasks() {
        String[] c = caseAwaitingManager();
        String path = "/api/approval-tasks/" + c[2] + "/delegate";
        Map<String, Object> ok = delegation("manager", "On leave this week");

        assertThat(Api.anonymous(port).post(path, ok).getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(port, "employee").post(path, ok).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "specialist").post(path, ok).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> finance = Api.as(port, "finance").post(path, ok);
        assertThat(finance.getStatusCode().value()).as("finance is not in the manager role: %s", finance.getBody()).isEqualTo(403);
        assertThat(Api.as(port, "hrlead").post(path, ok).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "director").post(path, ok).getStatusCode().value()).isEqualTo(403);
        assertThat(assignee(c[2])).isEqualTo(lineManager);
        assertThat(reassignments(approvalEntries(c[0]))).isZero();

        ResponseEntity<JsonNode> unknown = Api.as(port, "hradmin").post("/api/approval-tasks/no-such-task/delegate", ok);
        assertThat(unknown.getStatusCode().value()).as("%s", unknown.getBody()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType().toString()).contains("application/problem+json");

        // an open task that is not an approval: the review-intake task of another case
        Api specialist = Api.as(port, "specialist");
        JsonNode other = specialist.openCase(Api.intake("employee2", "DE", "DE", "NL", "LONG_TERM", "250000"));
        String review = specialist.awaitTask(other.get("caseNumber").asText(), "review-intake");
        ResponseEntity<JsonNode> notApproval = Api.as(port, "admin").post("/api/approval-tasks/" + review + "/delegate", ok);
        assertThat(notApproval.getStatusCode().value()).as("%s", notApproval.getBody()).isEqualTo(404);
        ResponseEntity<JsonNode> reviewTask = Api.as(port, "admin").get("/engine-rest/task/" + review);
        assertThat(reviewTask.getBody().get("assignee").isNull() || !reviewTask.getBody().get("assignee").asText().equals("manager")).isTrue();
        assertThat(reassignments(approvalEntries(other.get("id").asText()))).isZero();

        // a decided approval is no longer open
        Api.as(port, lineManager).completeTask(c[1], "approve-relocation", vars("managerDecision", "approve", "managerComment", "Fine"));
        assertThat(Api.as(port, "hradmin").post(path, ok).getStatusCode().value()).isEqualTo(404);

        assertThat(Api.as(port, "admin").post("/api/approval-tasks/" + c[2] + "x/delegate", ok).getStatusCode().value()).isEqualTo(404);
    }
}
