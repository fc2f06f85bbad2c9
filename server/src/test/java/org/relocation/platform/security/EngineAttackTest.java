package org.relocation.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * Attacks through the HTTP API, as a logged-in user would try them: expressions in task queries (every path, escape,
 * charset, or-query, filter and the webapps' own API), forged variables on every completion route and every other way
 * into a process's variables, starts that skip controls, and approvers deciding their own case.
 */
@ServerTest
class EngineAttackTest {

    /** Would run code on the server if evaluated: the guard must refuse it before the engine evaluates it. */
    private static final String CODE = "${''.getClass().forName('java.lang.Runtime')}";

    @LocalServerPort
    int port;

    @Autowired
    org.operaton.bpm.engine.IdentityService identity;

    @Autowired
    TaskService taskService;

    private final HttpClient client = HttpClient.newHttpClient();

    // ---- expressions

    @Test
    void anExpressionInAnOrQueryIsRefusedOnEveryPathAndSpelling() throws Exception {
        String orQuery = "{\"orQueries\":[{\"assigneeExpression\":\"" + CODE + "\"}]}";
        for (String path : new String[]{"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/engine/default/task",
                "/engine-rest/engine/default/task/count", "/engine-rest//task", "/engine-rest/task/", "/engine-rest/./task"}) {
            HttpResponse<String> r = send("employee", "POST", path, orQuery.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isIn(400, 404);
            assertThat(r.body()).doesNotContain("java.lang.Runtime@");
        }
        assertThat(send("employee", "POST", "/engine-rest/task", orQuery.getBytes(StandardCharsets.UTF_8), "application/json").body())
                .contains("Expressions are not allowed", "taskAssignee");
        // a JSON unicode escape spells the $ that a body scan would look for
        String escaped = "{\"orQueries\":[{\"candidateGroupExpression\":\"\\u0024{1+1}\"}]}";
        assertThat(send("employee", "POST", "/engine-rest/task", escaped.getBytes(StandardCharsets.UTF_8), "application/json").statusCode())
                .isEqualTo(400);
        // another charset: UTF-16 bytes carry no ASCII "${"
        byte[] utf16 = orQuery.getBytes(StandardCharsets.UTF_16);
        HttpResponse<String> wide = send("employee", "POST", "/engine-rest/task", utf16, "application/json; charset=UTF-16");
        assertThat(wide.statusCode()).as(wide.body()).isEqualTo(400);
        // every other expression field, top level too
        for (String field : new String[]{"ownerExpression", "involvedUserExpression", "candidateUserExpression",
                "processInstanceBusinessKeyExpression", "dueDateExpression", "createdAfterExpression"}) {
            String top = "{\"" + field + "\":\"${1}\"}";
            assertThat(send("manager", "POST", "/engine-rest/task", top.getBytes(StandardCharsets.UTF_8), "application/json").statusCode())
                    .as(field).isEqualTo(400);
            String nested = "{\"orQueries\":[{\"" + field + "\":\"${1}\"}]}";
            assertThat(send("manager", "POST", "/engine-rest/task/count", nested.getBytes(StandardCharsets.UTF_8), "application/json").statusCode())
                    .as("or-query " + field).isEqualTo(400);
        }
        assertThat(send("employee", "GET", "/engine-rest/task?assigneeExpression=" + URLEncoder.encode(CODE, StandardCharsets.UTF_8), null, null)
                .statusCode()).isEqualTo(400);
        // a query without expressions still works
        assertThat(send("employee", "POST", "/engine-rest/task", "{\"orQueries\":[{\"assignee\":\"employee\"}]}"
                .getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void filtersHoldNoExpression() throws Exception {
        Api admin = Api.as(port, "admin");
        ResponseEntity<JsonNode> code = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "evil",
                "query", Map.of("assigneeExpression", CODE)));
        assertThat(code.getStatusCode().value()).as("%s", code.getBody()).isEqualTo(400);
        ResponseEntity<JsonNode> nested = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "evil",
                "query", Map.of("orQueries", new Object[]{Map.of("candidateGroupExpression", "${1+1}")})));
        assertThat(nested.getStatusCode().value()).as("%s", nested.getBody()).isEqualTo(400);

        // not even the current user's identity: the Tasklist's filters use none
        ResponseEntity<JsonNode> identity = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "Mine",
                "query", Map.of("assigneeExpression", "${currentUser()}")));
        assertThat(identity.getStatusCode().value()).as("%s", identity.getBody()).isEqualTo(400);

        ResponseEntity<JsonNode> mine = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "My tasks",
                "query", Map.of("assignee", "specialist")));
        assertThat(mine.getStatusCode().value()).as("%s", mine.getBody()).isEqualTo(200);
        String filter = mine.getBody().get("id").asText();
        // no role reads every filter (identity/TasklistFilters): the admin shares this one with the specialist
        ResponseEntity<JsonNode> shared = admin.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", java.util.List.of("READ"),
                "userId", "specialist", "resourceType", 5, "resourceId", filter));
        assertThat(shared.getStatusCode().value()).as("%s", shared.getBody()).isEqualTo(200);
        assertThat(Api.as(port, "specialist").post("/engine-rest/filter/" + filter + "/list", Map.of()).getStatusCode().value()).isEqualTo(200);
        // an extending query is ad hoc: no expression at all
        for (String route : new String[]{"/list", "/count", "/singleResult"}) {
            String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + CODE + "\"}]}";
            HttpResponse<String> r = send("specialist", "POST", "/engine-rest/filter/" + filter + route,
                    body.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(r.statusCode()).as(route + ": " + r.body()).isEqualTo(400);
        }
        // changing the stored query to carry code is refused too
        HttpResponse<String> update = send("admin", "PUT", "/engine-rest/filter/" + filter, Api.JSON.writeValueAsBytes(Map.of(
                "resourceType", "Task", "name", "My tasks", "query", Map.of("assigneeExpression", "${currentUser().getClass()}"))), "application/json");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
        assertThat(send("admin", "DELETE", "/engine-rest/filter/" + filter, null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void theWebappsOwnEngineApiRefusesExpressionsToo() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(uri("/operaton/app/tasklist/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "username=employee&password=demo";
        assertThat(xsrf(cookies)).as("XSRF cookie: %s", cookies.getCookieStore().getCookies()).isNotEmpty();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/operaton/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String orQuery = "{\"orQueries\":[{\"assigneeExpression\":\"" + CODE + "\"}]}";
        // the login starts a new session: its CSRF token comes with the next page the Tasklist reads
        browser.send(HttpRequest.newBuilder(uri("/operaton/api/engine/engine/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(uri("/operaton/api/engine/engine/default/task"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(orQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Expressions are not allowed");
        HttpResponse<String> plain = browser.send(HttpRequest.newBuilder(uri("/operaton/api/engine/engine/default/task"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    }

    // ---- forged variables

    @Test
    void aManagerCannotSkipTheFinanceApprovalByForgingRoutingFlags() throws Exception {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "1000"));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        Api manager = Api.as(port, "manager");
        String task = manager.awaitTask(caseNumber, "approve-relocation");
        Map<String, Object> forged = vars("managerDecision", "approve", "managerComment", "ok", "financeApprovalRequired", false,
                "estimateExceedsBudget", false, "secondLevelApprovalRequired", false, "exceptionCount", 0);

        ResponseEntity<JsonNode> complete = manager.complete(task, forged);
        assertThat(complete.getStatusCode().value()).isEqualTo(400);
        assertThat(complete.getBody().get("fieldErrors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("estimateExceedsBudget", "exceptionCount", "financeApprovalRequired", "secondLevelApprovalRequired");
        for (String route : new String[]{"/engine-rest/engine/default/task/" + task + "/complete", "/engine-rest/task/" + task + "/submit-form",
                "/engine-rest/engine/default/task/" + task + "/submit-form", "/engine-rest/task/" + task + "/resolve"}) {
            HttpResponse<String> r = send("manager", "POST", route, variablesBody(forged), "application/json");
            assertThat(r.statusCode()).as(route + ": " + r.body()).isIn(400, 403);
            assertThat(r.body()).as(route).containsAnyOf("financeApprovalRequired", "is refused");
        }
        // the variable routes around a completion are closed to people
        assertThat(send("manager", "PUT", "/engine-rest/task/" + task + "/variables/financeApprovalRequired",
                "{\"value\":false,\"type\":\"Boolean\"}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        assertThat(send("manager", "PUT", "/engine-rest/task/" + task + "/localVariables/financeApprovalRequired",
                "{\"value\":false,\"type\":\"Boolean\"}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        assertThat(send("manager", "POST", "/engine-rest/task/" + task + "/variables",
                "{\"modifications\":{\"exceptionCount\":{\"value\":0}}}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode())
                .isEqualTo(403);
        assertThat(send("manager", "DELETE", "/engine-rest/task/" + task + "/variables/financeApprovalRequired", null, null).statusCode())
                .isEqualTo(403);
        assertThat(send("manager", "POST", "/engine-rest/task/" + task + "/bpmnError",
                "{\"errorCode\":\"anything\"}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        // not even an administrator writes routing flags: they come from the workers
        assertThat(send("admin", "PUT", "/engine-rest/process-instance/" + instance + "/variables/financeApprovalRequired",
                "{\"value\":false,\"type\":\"Boolean\"}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        assertThat(send("admin", "PUT", "/engine-rest/execution/" + instance + "/localVariables/financeApprovalRequired",
                "{\"value\":false,\"type\":\"Boolean\"}".getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        String modification = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"approve-relocation\","
                + "\"variables\":{\"financeApprovalRequired\":{\"value\":false,\"local\":false}}}]}";
        assertThat(send("admin", "POST", "/engine-rest/process-instance/" + instance + "/modification",
                modification.getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        // a process owner cannot move the case past an approval either
        assertThat(send("owner", "POST", "/engine-rest/process-instance/" + instance + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"record-approval\"}]}"
                        .getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        assertThat(send("admin", "POST", "/engine-rest/message", ("{\"messageName\":\"housing-confirmed\",\"processVariables\":"
                + "{\"x\":{\"value\":1}}}").getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        assertThat(send("admin", "POST", "/engine-rest/signal", "{\"name\":\"any\",\"variables\":{\"x\":{\"value\":1}}}"
                .getBytes(StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(403);
        assertThat(taskService.getVariable(task, "financeApprovalRequired")).isNotEqualTo(false);

        // the honest completion goes on to finance
        assertThat(manager.complete(task, vars("managerDecision", "approve", "managerComment", "ok")).getStatusCode().value()).isEqualTo(204);
        Api.as(port, "finance").awaitTask(caseNumber, "approve-budget");
    }

    @Test
    void anEmployeeCannotPointTheirDocumentsTaskAtAnotherCase() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "90000"));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(c.get("id").asLong(), caseNumber);
        Api employee = Api.as(port, "employee2");
        String task = employee.awaitTask(caseNumber, "provide-immigration-documents");
        ResponseEntity<JsonNode> r = employee.complete(task, vars("pd_passportNumber", "X1234567", "pd_passportExpiry", "2031-01-31",
                "documentsProvided", true, "caseId", 1, "permitTravellerCount", 0));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has("caseId")).isTrue();
        assertThat(r.getBody().get("fieldErrors").has("permitTravellerCount")).isTrue();
        assertThat(employee.awaitTask(caseNumber, "provide-immigration-documents")).isEqualTo(task);
    }

    @Test
    void aStartCarriesOnlyTheStartFormAndBeginsAtTheStart() throws Exception {
        HttpResponse<String> forgedId = send("specialist", "POST", "/engine-rest/process-definition/key/relocation/start",
                "{\"variables\":{\"caseId\":{\"value\":1}}}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(forgedId.statusCode()).as(forgedId.body()).isEqualTo(400);
        assertThat(forgedId.body()).contains("caseId");
        HttpResponse<String> submit = send("specialist", "POST", "/engine-rest/process-definition/key/relocation/submit-form",
                "{\"variables\":{\"eligible\":{\"value\":true}}}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
        assertThat(submit.body()).contains("eligible");
        HttpResponse<String> midway = send("specialist", "POST", "/engine-rest/process-definition/key/relocation/start",
                "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"immigration\"}]}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(midway.statusCode()).as(midway.body()).isEqualTo(403);
        // a phase is never started by a person directly
        HttpResponse<String> phase = send("admin", "POST", "/engine-rest/process-definition/key/relocation-immigration/start",
                "{\"variables\":{\"caseId\":{\"value\":1}}}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(phase.statusCode()).as(phase.body()).isEqualTo(400);
    }

    // ---- segregation of duties

    @Test
    void nobodyApprovesACaseTheyOpenedOrAreTheEmployeeOf() {
        Api specialist = Api.as(port, "specialist");
        String lineManager = org.relocation.TestUsers.create(identity, "lm", "manager");
        JsonNode own = specialist.openCase(Api.intake("manager", "IN", "GB", "DE", "LONG_TERM", "90000").put("lineManagerUserId", lineManager));
        String caseNumber = own.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        String task = Api.as(port, lineManager).awaitTask(caseNumber, "approve-relocation");
        // the employee, a manager, is not offered their own approval; handed it, they still may not decide it
        Api manager = Api.as(port, "manager");
        assertThat(manager.get("/engine-rest/task/" + task).getStatusCode().value()).isEqualTo(404);
        Api hradmin = Api.as(port, "hradmin");
        assertThat(hradmin.post("/api/approval-tasks/" + task + "/delegate", Map.of("to", "manager", "reason", "Covering the line manager"))
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> self = manager.complete(task, vars("managerDecision", "approve", "managerComment", "mine"));
        assertThat(self.getStatusCode().value()).as("%s", self.getBody()).isEqualTo(403);
        assertThat(self.getBody().get("message").asText()).contains("Segregation of duties");
        assertThat(hradmin.post("/api/approval-tasks/" + task + "/delegate", Map.of("to", lineManager, "reason", "Back to the line manager"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, lineManager).complete(task, vars("managerDecision", "approve", "managerComment", "ok"))
                .getStatusCode().value()).isEqualTo(204);

        Api admin = Api.as(port, "admin");
        JsonNode opened = admin.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        String number = opened.get("caseNumber").asText();
        specialist.completeTask(number, "review-intake", vars("intakeVerified", true));
        String approval = admin.awaitTask(number, "approve-relocation");
        assertThat(admin.complete(approval, vars("managerDecision", "approve", "managerComment", "mine")).getStatusCode().value()).isEqualTo(403);
    }

    // ---- helpers

    private HttpResponse<String> send(String user, String method, String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(Charset.defaultCharset()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static byte[] variablesBody(Map<String, Object> variables) throws IOException {
        Map<String, Object> wrapped = new java.util.LinkedHashMap<>();
        variables.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        return Api.JSON.writeValueAsBytes(Map.of("variables", wrapped));
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }
}
