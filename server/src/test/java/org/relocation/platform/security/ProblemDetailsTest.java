package org.relocation.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One error format for every API, through HTTP: the case API's handled errors, unknown paths, the security chain's
 * 401, 429 and 403, and the engine REST API (which keeps the type, message and code the webapps read).
 */
@ServerTest
class ProblemDetailsTest {

    private static final String TYPES = "https://relocation-engine.org/problems/";

    @LocalServerPort
    int port;

    private static JsonNode problem(HttpResponse<String> r, int status, String type, String path) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = Api.JSON.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo(TYPES + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("instance").asText()).isEqualTo(path);
        return body;
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() throws Exception {
        problem(Http.from(port, "198.51.100.60").basic("specialist", "demo").get("/api/nope"), 404, "not-found", "/api/nope");
    }

    @Test
    void aHandledApiErrorHasTypeAndInstance() throws Exception {
        problem(Http.from(port, "198.51.100.61").basic("specialist", "demo").get("/api/cases/999999999"), 404, "not-found", "/api/cases/999999999");
        JsonNode invalid = problem(Http.from(port, "198.51.100.61").basic("specialist", "demo").post("/api/cases", "application/json", "{}"),
                400, "invalid-request", "/api/cases");
        assertThat(invalid.path("fieldErrors").has("employeeUserId")).isTrue();
        problem(Http.from(port, "198.51.100.61").basic("employee", "demo").post("/api/cases", "application/json", "{}"),
                403, "forbidden", "/api/cases");
    }

    /** The case API's own 400s: one sentence per field (no Java list, no regex, no code list in brackets), the detail their sentences. */
    @Test
    void theCaseApisOwnRefusalsAreSentences() throws Exception {
        Http specialist = Http.from(port, "198.51.100.65").basic("specialist", "demo");
        String[][] bad = {
                {"/api/cases?status=open", "status"},
                {"/api/cases?page=-1", "page"},
                {"/api/cases?size=500", "size"},
                {"/api/cases?hostCountry=de", "hostCountry"},
                {"/api/cases?phase=Immigration!", "phase"},
                {"/api/cases?caseNumber=RC%2F1", "caseNumber"},
                {"/api/cases?q=%3Cscript%3E", "q"},
                {"/api/cases?page=x", "page"},
        };
        for (String[] b : bad) {
            JsonNode body = problem(specialist.get(b[0]), 400, "invalid-request", "/api/cases");
            assertSentence(body, b[1]);
        }
        assertThat(problem(specialist.get("/api/cases?status=open"), 400, "invalid-request", "/api/cases").path("fieldErrors").path("status").asText())
                .isEqualTo("Choose a status: IN_PROGRESS, COMPLETED, REJECTED, INELIGIBLE or CANCELLED.");
        assertSentence(problem(specialist.post("/api/cases/1/documents/1/review", "application/json", "{\"decision\":\"maybe\"}"),
                400, "invalid-request", "/api/cases/1/documents/1/review"), "decision");
        assertSentence(problem(specialist.post("/api/cases", "application/json", "{\"nope\":1}"), 400, "invalid-request", "/api/cases"), "nope");
        assertSentence(problem(specialist.post("/api/cases", "application/json", "{"), 400, "invalid-request", "/api/cases"), "body");
    }

    /** Errors a feature answers itself (documents, approval tasks, key dates) have the same members and a problem type. */
    @Test
    void aFeaturesOwnErrorsHaveTheProblemType() throws Exception {
        Http specialist = Http.from(port, "198.51.100.66").basic("specialist", "demo");
        problem(specialist.post("/api/cases/999999999/documents/999999999/review", "application/json", "{\"decision\":\"accept\"}"),
                404, "not-found", "/api/cases/999999999/documents/999999999/review");
        problem(specialist.get("/api/key-dates/999999999"), 404, "not-found", "/api/key-dates/999999999");
        problem(Http.from(port, "198.51.100.66").basic("manager", "demo").post("/api/approval-tasks/no-such-task/delegate", "application/json",
                "{\"to\":\"manager2\",\"reason\":\"on leave\"}"), 404, "not-found", "/api/approval-tasks/no-such-task/delegate");
    }

    private static void assertSentence(JsonNode problem, String field) {
        String sentence = problem.path("fieldErrors").path(field).asText();
        assertThat(sentence).as("%s", problem).isNotBlank().endsWith(".").doesNotContain("[", "]", "^", "{", "must be one of");
        assertThat(Character.isUpperCase(sentence.charAt(0))).as("a sentence: %s", sentence).isTrue();
        assertThat(problem.path("detail").asText()).isEqualTo(sentence);
    }

    @Test
    void noCredentialsIsAnUnauthorizedProblemWithTheChallenge() throws Exception {
        HttpResponse<String> r = Http.from(port, "198.51.100.62").get("/api/cases");
        problem(r, 401, "unauthorized", "/api/cases");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
    }

    @Test
    void aThrottledLoginIsATooManyRequestsProblemWithRetryAfter() throws Exception {
        Http attacker = Http.from(port, "203.0.113.60");
        HttpResponse<String> last = null;
        for (int i = 0; i < 8 && (last == null || last.statusCode() != 429); i++) {
            last = attacker.basic("finance", "guess-" + i).get("/api/cases");
        }
        problem(last, 429, "too-many-requests", "/api/cases");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void aRoleTheSecurityChainRefusesIsAForbiddenProblem() throws Exception {
        problem(Http.from(port, "198.51.100.63").basic("specialist", "demo").get("/actuator/metrics"), 403, "forbidden", "/actuator/metrics");
    }

    @Test
    void theEngineRestApiKeepsItsMembersAndAddsTheProblemOnes() throws Exception {
        HttpResponse<String> unknownTask = Http.from(port, "198.51.100.64").basic("admin", "demo").get("/engine-rest/task/x");
        assertThat(unknownTask.statusCode()).isEqualTo(404);
        JsonNode body = Api.JSON.readTree(unknownTask.body());
        assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isEqualTo(body.path("message").asText());
        assertThat(body.path("status").asInt()).isEqualTo(404);
        assertThat(body.path("title").asText()).isEqualTo("Not Found");
        assertThat(body.path("instance").asText()).isEqualTo("/engine-rest/task/x");

        HttpResponse<String> unknownPath = Http.from(port, "198.51.100.64").basic("admin", "demo").get("/engine-rest/nope");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        JsonNode nope = Api.JSON.readTree(unknownPath.body());
        assertThat(nope.path("status").asInt()).isEqualTo(404);
        assertThat(nope.path("instance").asText()).isEqualTo("/engine-rest/nope");
        assertThat(nope.has("type")).isTrue();
    }

    /**
     * The Tasklist calls the webapps' engine API, not /engine-rest: a refused start form answers the same problem there,
     * with each field's sentence in fieldErrors (which the Tasklist's scripts/field-errors.js shows under the field).
     */
    @Test
    void theTasklistsEngineApiAnswersARefusedFormWithFieldErrors() throws Exception {
        Http browser = Http.from(port, "198.51.100.71");
        assertThat(browser.webappLogin("specialist", "demo").statusCode()).isEqualTo(200);
        String path = "/operaton/api/engine/engine/default/process-definition/key/relocation/submit-form";
        HttpResponse<String> refused = browser.post(path, "application/json",
                "{\"variables\":{\"intake_employeeUserId\":{\"value\":\"emplyee\",\"type\":\"String\"}}}",
                "X-XSRF-TOKEN", browser.csrfToken(), "Origin", browser.origin(), "Sec-Fetch-Site", "same-origin");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = Api.JSON.readTree(refused.body());
        assertThat(body.path("type").asText()).as("the engine's member, which the Tasklist reads").isEqualTo("FormFieldValidationException");
        assertThat(body.path("fieldErrors").path("intake_employeeUserId").asText())
                .startsWith("Employee login: must be the login of an existing user");
        assertThat(body.path("fieldErrors").path("intake_hostCountry").asText()).startsWith("Host country:");
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("instance").asText()).isEqualTo(path);
    }
}
