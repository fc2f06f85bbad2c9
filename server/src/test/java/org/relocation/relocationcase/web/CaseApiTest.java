package org.relocation.relocationcase.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.relocationcase.CaseRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The case API: bad input gets a 400 naming the field with nothing written; authentication and roles. */
@ServerTest
class CaseApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CaseRepository cases;

    static Stream<Arguments> badIntakes() {
        return Stream.of(
                bad("employeeName", n -> n.remove("employeeName")),
                bad("employeeName", n -> n.put("employeeName", "   ")),
                bad("employeeName", n -> n.put("employeeName", "x".repeat(201))),
                bad("employeeEmail", n -> n.put("employeeEmail", "not-an-email")),
                bad("employeeUserId", n -> n.put("employeeUserId", "has space")),
                bad("hostCountry", n -> n.put("hostCountry", "XX")),
                bad("hostCountry", n -> n.put("hostCountry", "Germany")),
                bad("nationality", n -> n.remove("nationality")),
                bad("homeCity", n -> n.put("homeCity", "y".repeat(101))),
                bad("assignmentType", n -> n.put("assignmentType", "VACATION")),
                bad("startDate", n -> n.remove("startDate")),
                bad("endDate", n -> n.put("endDate", "2027-02-01")),
                bad("endDate", n -> n.put("endDate", "2027-03-01")),
                bad("startDate", n -> n.put("startDate", "2027-02-30")),
                bad("budgetAmount", n -> n.put("budgetAmount", "-1")),
                bad("budgetAmount", n -> n.put("budgetAmount", "12.345")),
                bad("budgetAmount", n -> n.put("budgetAmount", "lots")),
                bad("budgetCurrency", n -> n.put("budgetCurrency", "EURO")),
                bad("budgetCurrency", n -> n.put("budgetCurrency", "XYZ")),
                bad("budgetCurrency", n -> n.put("budgetCurrency", "ISK")), // an ISO currency without an exchange rate today
                bad("baseSalaryCurrency", n -> n.put("baseSalaryCurrency", "KRW")),
                bad("gradeLevel", n -> n.put("gradeLevel", 13)),
                bad("gradeLevel", n -> n.remove("gradeLevel")),
                bad("baseSalaryAmount", n -> n.put("baseSalaryAmount", -1)),
                bad("assignmentType", n -> n.put("assignmentType", "SECONDMENT")),
                bad("costCentre", n -> n.put("costCentre", "c".repeat(41))),
                bad("dependents[0].nationality", n -> n.putArray("dependents").addObject()
                        .put("relationship", "CHILD").put("fullName", "Kid").put("nationality", "ZZ")),
                bad("dependents[0].relationship", n -> n.putArray("dependents").addObject()
                        .put("relationship", "COUSIN").put("fullName", "Kid").put("nationality", "DE")),
                bad("unexpected", n -> n.put("unexpected", "field")));
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change) {
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000");
        change.accept(intake);
        return Arguments.of(field, intake);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIntakes")
    void badIntakeIsA400NamingTheFieldAndWritesNothing(String field, ObjectNode intake) {
        long before = cases.count();
        ResponseEntity<JsonNode> r = Api.as(port, "specialist").post("/api/cases", intake);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndEmptyBodiesAre400() {
        Api specialist = Api.as(port, "specialist");
        ResponseEntity<JsonNode> r = specialist.postRaw("/api/cases", "{\"employeeName\": ", Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has("body")).isTrue();
        assertThat(specialist.postRaw("/api/cases", "", Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.postRaw("/api/cases", "[1,2]", Map.of()).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aValidIntakeIsCreatedWithCaseNumberAndProcess() {
        ResponseEntity<JsonNode> r = Api.as(port, "specialist").post("/api/cases", Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getHeaders().getLocation().toString()).endsWith("/api/cases/" + r.getBody().get("id").asLong());
        assertThat(r.getBody().get("caseNumber").asText()).startsWith("RC-");
        assertThat(r.getBody().get("processInstanceId").asText()).isNotBlank();
    }

    @Test
    void withoutCredentialsApiAndEngineRestAre401() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/api/cases").getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.post("/api/cases", Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "1")).getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/task").getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/process-definition").getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(port, "specialist").get("/v3/api-docs").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> wrongPassword = Api.anonymous(port).postRaw("/api/cases", "{}", Map.of("Authorization", "Basic aHJhZG1pbjp3cm9uZw==")); // hradmin:wrong (a failed login delays that user's next one)
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").getStatusCode().value()).isEqualTo(200);
        // the engine delays hradmin's next login for a few seconds: wait it out, so later tests log in as usual
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> Api.as(port, "hradmin").get("/api/cases?size=1").getStatusCode().value() == 200);
    }

    @Test
    void rolesThatMayNotActGet403() {
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000");
        assertThat(Api.as(port, "manager").post("/api/cases", intake).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").post("/api/cases", intake).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "owner").get("/api/cases").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "worker").get("/api/cases").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").get("/actuator/metrics").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnCasesAndNoApprovalComments() {
        Api specialist = Api.as(port, "specialist");
        JsonNode mine = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        JsonNode theirs = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "90000"));
        Api employee = Api.as(port, "employee");
        assertThat(employee.get("/api/cases/" + mine.get("id").asLong()).getStatusCode().value()).isEqualTo(200);
        assertThat(employee.get("/api/cases/" + theirs.get("id").asLong()).getStatusCode().value()).isEqualTo(404);
        JsonNode list = employee.get("/api/cases?size=100").getBody();
        assertThat(list.get("items").findValuesAsText("caseNumber")).contains(mine.get("caseNumber").asText())
                .doesNotContain(theirs.get("caseNumber").asText());
        assertThat(employee.get("/api/cases/" + mine.get("id").asLong()).getBody().has("approvals")).as("approvals are for staff").isFalse();
    }

    @Test
    void listFiltersAndBadParameters() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "JP", "LONG_TERM", "90000"));
        JsonNode jp = specialist.get("/api/cases?hostCountry=JP&status=IN_PROGRESS&size=100").getBody();
        assertThat(jp.get("items").findValuesAsText("hostCountry")).containsOnly("JP");
        assertThat(jp.get("items").findValuesAsText("caseNumber")).contains(created.get("caseNumber").asText());
        assertThat(specialist.get("/api/cases?phase=intake&size=100").getBody().get("items").findValuesAsText("caseNumber"))
                .contains(created.get("caseNumber").asText());
        assertThat(specialist.get("/api/cases?status=ALMOST").getBody().get("fieldErrors").has("status")).isTrue();
        assertThat(specialist.get("/api/cases?size=1000").getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.get("/api/cases?page=-1").getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.get("/api/cases?page=abc").getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.get("/api/cases?hostCountry=germany").getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.get("/api/cases/999999").getStatusCode().value()).isEqualTo(404);
        assertThat(specialist.get("/api/cases/abc").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aCaseShowsItsOpenTasksWithCandidateGroups() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        specialist.awaitTask(created.get("caseNumber").asText(), "review-intake");
        JsonNode c = specialist.caseDetails(created.get("id").asLong());
        assertThat(c.get("currentPhases").toString()).contains("intake");
        JsonNode task = c.get("openTasks").get(0);
        assertThat(task.get("taskKey").asText()).isEqualTo("review-intake");
        assertThat(task.get("candidateGroups").toString()).contains("mobility-specialist");
        assertThat(c.get("estimate").get("lines")).isNotEmpty();
    }
}
