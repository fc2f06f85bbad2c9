package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The case API (/api/cases) and the engine REST API, over HTTP Basic as a demo user (password demo). */
final class CaseApi {

    static final String PASSWORD = "demo";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestRestTemplate rest;

    CaseApi(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** An eligible long-term move within budget, in the shape of CaseIntake. */
    static Map<String, Object> longTermIntake(String employeeName) {
        LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("employeeName", employeeName);
        intake.put("employeeEmail", "employee@example.com");
        intake.put("employeeUserId", "employee");
        intake.put("lineManagerUserId", "manager");
        intake.put("nationality", "GB");
        intake.put("homeCountry", "GB");
        intake.put("homeCity", "London");
        intake.put("hostCountry", "DE");
        intake.put("hostCity", "Berlin");
        intake.put("assignmentType", "LONG_TERM");
        intake.put("startDate", start.toString());
        intake.put("endDate", start.plusYears(2).toString());
        intake.put("costCentre", "CC-DE-100");
        intake.put("budgetAmount", 60000);
        intake.put("budgetCurrency", "EUR");
        intake.put("gradeLevel", 6);
        intake.put("baseSalaryAmount", 90000);
        intake.put("baseSalaryCurrency", "EUR");
        intake.put("dependents", List.of());
        return intake;
    }

    /**
     * Adds dependants to an intake as the start form's slots take them (relationship, full name, birth date; GB
     * nationals): {@code {"PARTNER", "Pat Partner", "1990-05-01"}}.
     */
    static Map<String, Object> withDependants(Map<String, Object> intake, String[]... family) {
        for (int n = 1; n <= family.length; n++) {
            intake.put("hasDependent" + n, true);
            intake.put("dependent" + n + "Relationship", family[n - 1][0]);
            intake.put("dependent" + n + "FullName", family[n - 1][1]);
            intake.put("dependent" + n + "Nationality", "GB");
            intake.put("dependent" + n + "BirthDate", family[n - 1][2]);
        }
        return intake;
    }

    /**
     * A permanent transfer India to London on a EUR 60,000 budget: with a EUR 80,000 housing exception (see
     * {@link #housingException}) the route asks every approver: manager, HR lead, finance and the second level.
     */
    static Map<String, Object> permanentTransferIntake(String employeeName) {
        Map<String, Object> intake = longTermIntake(employeeName);
        intake.put("nationality", "IN");
        intake.put("homeCountry", "IN");
        intake.put("homeCity", "Bengaluru");
        intake.put("hostCountry", "GB");
        intake.put("hostCity", "London");
        intake.put("assignmentType", "PERMANENT_TRANSFER");
        intake.put("costCentre", "CC-GB-100");
        return intake;
    }

    /** A body for POST /api/cases/{id}/policy-exceptions: housing above the policy, in EUR. */
    static Map<String, Object> housingException(String amount) {
        return Map.of("category", "housing", "amount", amount, "currency", "EUR", "policyClause", "GM-4.1",
                "justification", "Housing near the host office for the first year");
    }

    /** The approval steps a case's route may ask, by task: who decides, the decision field and the comment field. */
    static final Map<String, List<String>> APPROVERS = Map.of(
            "approve-relocation", List.of("manager", "managerDecision", "managerComment"),
            "approve-policy-exception", List.of("hrlead", "exceptionDecision", "exceptionComment"),
            "approve-budget", List.of("finance", "financeDecision", "financeComment"),
            "approve-transfer", List.of("director", "secondLevelDecision", "secondLevelComment"));

    /** POST /api/cases; returns the new case's id. */
    long open(String user, Map<String, Object> intake) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).postForEntity("/api/cases", intake, JsonNode.class);
        assertThat(response.getStatusCode()).as("POST /api/cases as %s: %s", user, response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("id").asLong();
    }

    /** GET /api/cases/{id}. */
    JsonNode get(String user, long caseId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + caseId, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/cases/%s as %s: %s", caseId, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** GET /engine-rest/task/{id}/form-variables: what the task's form opens with (its case's context included). */
    JsonNode formVariables(String user, String taskId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
        assertThat(response.getStatusCode()).as("GET form-variables of task %s as %s: %s", taskId, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The newest case of that employee (GET /api/cases), if any. */
    Optional<JsonNode> findByEmployeeName(String user, String employeeName) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases?size=100", JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/cases as %s: %s", user, response.getBody()).isEqualTo(HttpStatus.OK);
        return stream(response.getBody().path("items")).filter(c -> employeeName.equals(c.path("employeeName").asText())).findFirst();
    }

    /** Waits until the case has an open task with this key (job workers run in between) and returns it. */
    JsonNode awaitOpenTask(String user, long caseId, String taskKey) {
        return await("open task " + taskKey + " of case " + caseId).atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> openTask(get(user, caseId), taskKey), Optional::isPresent).orElseThrow();
    }

    /** POST /api/cases/{id}/policy-exceptions (during intake); returns the exception's id. */
    long requestPolicyException(String user, long caseId, Map<String, Object> exception) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD)
                .postForEntity("/api/cases/" + caseId + "/policy-exceptions", exception, JsonNode.class);
        assertThat(response.getStatusCode()).as("POST /api/cases/%s/policy-exceptions as %s: %s", caseId, user, response.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("id").asLong();
    }

    /** GET /api/cases/{id}/decision-log. */
    JsonNode decisionLog(String user, long caseId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + caseId + "/decision-log", JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/cases/%s/decision-log as %s: %s", caseId, user, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** POST /api/cases/{id}/tax-settlements (finance); returns the settlement's id. */
    long enterTaxSettlement(String user, long caseId, Map<String, Object> entry) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD)
                .postForEntity("/api/cases/" + caseId + "/tax-settlements", entry, JsonNode.class);
        assertThat(response.getStatusCode()).as("POST /api/cases/%s/tax-settlements as %s: %s", caseId, user, response.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("id").asLong();
    }

    /** GET /api/cases/{caseId}/expense-claims/{id}. */
    JsonNode expenseClaim(String user, long caseId, long claimId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/cases/" + caseId + "/expense-claims/" + claimId, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/cases/%s/expense-claims/%s as %s: %s", caseId, claimId, user, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** GET /api/cases/{caseId}/tax-settlements/{id}. */
    JsonNode taxSettlement(String user, long caseId, long settlementId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/cases/" + caseId + "/tax-settlements/" + settlementId, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/cases/%s/tax-settlements/%s as %s: %s", caseId, settlementId, user, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** POST /api/cases/{id}/payments (a one-off payment); returns its id. */
    long recordPayment(String user, long caseId, Map<String, Object> payment) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).postForEntity("/api/cases/" + caseId + "/payments", payment, JsonNode.class);
        assertThat(response.getStatusCode()).as("POST /api/cases/%s/payments as %s: %s", caseId, user, response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("id").asLong();
    }

    /** POST /api/cases/{id}/payments/{paymentId}/{approve|paid|cancel}. */
    void movePayment(String user, long caseId, long paymentId, String action, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD)
                .postForEntity("/api/cases/" + caseId + "/payments/" + paymentId + "/" + action, body, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s payment %s of case %s as %s: %s", action, paymentId, caseId, user, response.getBody())
                .isEqualTo(HttpStatus.OK);
    }

    /** GET /api/policy-exceptions/{id}. */
    JsonNode policyException(String user, long exceptionId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/policy-exceptions/" + exceptionId, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET /api/policy-exceptions/%s as %s: %s", exceptionId, user, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Waits for the approval task of the case and decides it through /engine-rest as the approver of that step. */
    void decide(long caseId, String taskKey, String decision, String comment) {
        List<String> approver = APPROVERS.get(taskKey);
        assertThat(approver).as("approver of %s", taskKey).isNotNull();
        JsonNode task = awaitOpenTask("specialist", caseId, taskKey);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(approver.get(1), decision);
        variables.put(approver.get(2), comment);
        completeThroughEngineRest(approver.get(0), task.path("id").asText(), variables);
    }

    static Optional<JsonNode> openTask(JsonNode details, String taskKey) {
        return stream(details.path("openTasks")).filter(t -> taskKey.equals(t.path("taskKey").asText())).findFirst();
    }

    static List<String> openTaskKeys(JsonNode details) {
        return stream(details.path("openTasks")).map(t -> t.path("taskKey").asText()).toList();
    }

    /** Claims and completes a task through /engine-rest, as that user (for steps that are not under test). */
    void completeThroughEngineRest(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> claim = rest.withBasicAuth(user, PASSWORD)
                .postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), String.class);
        assertThat(claim.getStatusCode().is2xxSuccessful()).as("claim %s as %s: %s", taskId, user, claim.getBody()).isTrue();
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        ResponseEntity<String> complete = rest.withBasicAuth(user, PASSWORD)
                .postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed), String.class);
        assertThat(complete.getStatusCode().is2xxSuccessful()).as("complete %s as %s: %s", taskId, user, complete.getBody()).isTrue();
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
