package org.relocation.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * While an approver is away, their approvals go to the delegate of the same role: those they hold when the absence is
 * registered, and any assigned to them during it; each reassignment logged. The absent approver here is manager2
 * (no other test uses that user), the delegate manager.
 */
@ServerTest
class ApproverAbsenceTest {

    @LocalServerPort
    int port;

    @Test
    void anAbsentApproversTasksGoToTheDelegateAndEveryHandOverIsLogged() {
        Api specialist = Api.as(port, "specialist");
        JsonNode first = caseAtManagerApproval(specialist);
        Api manager2 = Api.as(port, "manager2");
        String held = manager2.awaitTask(first.get("caseNumber").asText(), "approve-relocation");
        assertThat(manager2.post("/engine-rest/task/" + held + "/claim", Map.of("userId", "manager2")).getStatusCode().value()).isEqualTo(204);

        ResponseEntity<JsonNode> registered = Api.as(port, "hradmin").post("/api/approver-absences",
                absence("manager2", LocalDate.now(), LocalDate.now().plusDays(7), "manager"));
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        assertThat(registered.getBody().get("reassignedTasks").toString()).contains(held);
        assertThat(assignee(held)).isEqualTo("manager");

        // an approval that reaches them while away (they are the case's line manager) goes on to the delegate as well
        JsonNode second = caseAtManagerApproval(specialist);
        String claimed = Api.as(port, "manager").awaitTask(second.get("caseNumber").asText(), "approve-relocation");
        assertThat(assignee(claimed)).isEqualTo("manager");

        for (JsonNode c : new JsonNode[]{first, second}) {
            JsonNode log = specialist.get("/api/cases/" + c.get("id").asLong() + "/decision-log").getBody();
            assertThat(log.get("entries").findValuesAsText("summary")).contains("Approval task reassigned to manager (approver absent)");
        }
        assertThat(Api.as(port, "manager").complete(claimed, vars("managerDecision", "approve")).getStatusCode().value()).isEqualTo(204);
        assertThat(Api.as(port, "manager").get("/api/approver-absences").getBody().findValuesAsText("userId")).contains("manager2");
    }

    @Test
    void badAbsencesAreA400NamingTheFieldAndOnlyHrAdministrationRegistersOthers() {
        Api hradmin = Api.as(port, "hradmin");
        LocalDate today = LocalDate.now();
        assertBad(hradmin, absence("manager2", today.plusDays(5), today.plusDays(1), "manager"), "lastDay");
        assertBad(hradmin, absence("manager2", today.minusDays(9), today.minusDays(1), "manager"), "lastDay");
        assertBad(hradmin, absence("manager2", today, today.plusDays(400), "manager"), "lastDay");
        assertBad(hradmin, absence("manager2", today, today.plusDays(1), "finance"), "delegateId");
        assertBad(hradmin, absence("manager2", today, today.plusDays(1), "manager2"), "delegateId");
        assertBad(hradmin, absence("employee", today, today.plusDays(1), "manager"), "userId");
        assertBad(hradmin, absence("manager", today, today.plusDays(1), null), "delegateId");
        Map<String, Object> noDates = absence("manager2", null, null, "manager");
        assertBad(hradmin, noDates, "firstDay");
        // the delegate of an absence that overlaps its own is refused (manager2 is away from today in the other test or here)
        hradmin.post("/api/approver-absences", absence("manager2", today.plusDays(30), today.plusDays(31), "manager"));
        assertBad(hradmin, absence("manager", today.plusDays(31), today.plusDays(32), "manager2"), "delegateId");

        assertThat(Api.as(port, "manager").post("/api/approver-absences", absence("manager2", today, today.plusDays(1), "manager"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").post("/api/approver-absences", absence("employee", today, today.plusDays(1), "manager"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/approver-absences").getStatusCode().value()).isEqualTo(401);
    }

    private JsonNode caseAtManagerApproval(Api specialist) {
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "400000").put("lineManagerUserId", "manager2"));
        specialist.completeTask(c.get("caseNumber").asText(), "review-intake", vars("intakeVerified", true));
        return c;
    }

    private String assignee(String taskId) {
        JsonNode t = Api.as(port, "admin").get("/engine-rest/task/" + taskId).getBody();
        return t.hasNonNull("assignee") ? t.get("assignee").asText() : null;
    }

    private static Map<String, Object> absence(String user, LocalDate first, LocalDate last, String delegate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", user);
        m.put("firstDay", first == null ? null : first.toString());
        m.put("lastDay", last == null ? null : last.toString());
        m.put("delegateId", delegate);
        m.put("note", "Annual leave");
        return m;
    }

    private static void assertBad(Api api, Map<String, Object> body, String field) {
        ResponseEntity<JsonNode> r = api.post("/api/approver-absences", body);
        assertThat(r.getStatusCode().value()).as("%s -> %s", body, r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has(field)).as("%s", r.getBody()).isTrue();
    }
}
