package org.relocation.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saved Tasklist filters per role, through the engine REST API the Tasklist calls: each role lists only the
 * filters meant for it; "My cases" runs as the caller's own assigned tasks (list and count, with and without the
 * Tasklist's extending query); "Due this week" is bounded by 7 days; "Approvals waiting for me" holds the manager's
 * approval; an expression in a saved filter is still refused; the old "read any filter" grants are removed.
 */
@ServerTest
class SavedFiltersTest {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    org.relocation.relocationcase.CaseService cases;
    @Autowired
    org.relocation.policy.PolicyService policy;
    @Autowired
    org.relocation.estimate.CostEstimator estimator;

    private Map<String, String> filtersOf(Api api) {
        ResponseEntity<JsonNode> r = api.get("/engine-rest/filter?resourceType=Task");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        Map<String, String> byName = new java.util.HashMap<>();
        r.getBody().forEach(f -> byName.put(f.get("name").asText(), f.get("id").asText()));
        return byName;
    }

    private JsonNode list(Api api, String filterId) {
        ResponseEntity<JsonNode> r = api.get("/engine-rest/filter/" + filterId + "/list");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    @Test
    void eachRoleListsTheFiltersMeantForIt() {
        assertThat(filtersOf(Api.as(port, "specialist")).keySet())
                .contains("All tasks", "My cases", "Due this week", "Immigration deadlines").doesNotContain("Approvals waiting for me");
        assertThat(filtersOf(Api.as(port, "manager")).keySet())
                .contains("All tasks", "Approvals waiting for me", "Due this week", "Immigration deadlines").doesNotContain("My cases");
        assertThat(filtersOf(Api.as(port, "employee")).keySet())
                .contains("All tasks", "Due this week", "Immigration deadlines").doesNotContain("My cases", "Approvals waiting for me");
    }

    @Test
    void myCasesIsTheCallersOwnAssignedTasksAndDueThisWeekIsBounded() {
        String me = TestUsers.create(identity, "spec", "mobility-specialist");
        String other = TestUsers.create(identity, "spec", "mobility-specialist");
        Api specialist = Api.as(port, me);
        Api colleague = Api.as(port, other);
        String mine = claimedReview(specialist, me);
        String theirs = claimedReview(colleague, other);

        String myCases = filtersOf(specialist).get("My cases");
        JsonNode tasks = list(specialist, myCases);
        assertThat(ids(tasks)).contains(mine).doesNotContain(theirs);
        tasks.forEach(t -> assertThat(t.get("assignee").asText()).isEqualTo(me));
        assertThat(ids(list(colleague, myCases))).contains(theirs).doesNotContain(mine);
        // the Tasklist runs it with its own extending query (sorting), and counts it
        ResponseEntity<JsonNode> page = specialist.post("/engine-rest/filter/" + myCases + "/list?firstResult=0&maxResults=50",
                Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
        assertThat(ids(page.getBody())).contains(mine).doesNotContain(theirs);
        JsonNode count = specialist.get("/engine-rest/filter/" + myCases + "/count").getBody();
        assertThat(count.get("count").asInt()).isEqualTo(tasks.size());

        String dueThisWeek = filtersOf(specialist).get("Due this week");
        JsonNode due = list(specialist, dueThisWeek);
        assertThat(ids(due)).contains(mine);
        OffsetDateTime limit = OffsetDateTime.now().plusDays(7).plusMinutes(1);
        due.forEach(t -> assertThat(OffsetDateTime.parse(t.get("due").asText(), ENGINE_DATE)).isBefore(limit));
    }

    private String claimedReview(Api specialist, String user) {
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
        intake.put("specialistUserId", user);
        String caseNumber = specialist.openCase(intake).get("caseNumber").asText();
        String id = specialist.awaitTask(caseNumber, "review-intake");
        ResponseEntity<JsonNode> claim = specialist.post("/engine-rest/task/" + id + "/claim", Map.of("userId", user));
        assertThat(claim.getStatusCode().value()).as("%s", claim.getBody()).isEqualTo(204);
        return id;
    }

    @Test
    void approvalsWaitingForMeHoldTheManagersApproval() {
        Api specialist = Api.as(port, "specialist");
        String caseNumber = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000")).get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        Api manager = Api.as(port, "manager");
        String approval = manager.awaitTask(caseNumber, "approve-relocation");
        JsonNode tasks = list(manager, filtersOf(manager).get("Approvals waiting for me"));
        assertThat(ids(tasks)).contains(approval);
        tasks.forEach(t -> assertThat(t.get("taskDefinitionKey").asText()).startsWith("approve-"));
    }

    @Test
    void payTaxAndExpensesIsForTheRolesThatWorkOnThemAndHoldsATaxSettlementToApprove() {
        assertThat(filtersOf(Api.as(port, "finance")).keySet()).contains("Pay, tax and expenses", "Approvals waiting for me");
        assertThat(filtersOf(Api.as(port, "specialist")).keySet()).contains("Pay, tax and expenses");
        assertThat(filtersOf(Api.as(port, "employee")).keySet()).doesNotContain("Pay, tax and expenses");
        assertThat(filtersOf(Api.as(port, "manager")).keySet()).doesNotContain("Pay, tax and expenses");

        // a settlement finance entered waits for another member of finance (admin): in both of admin's filters
        org.relocation.relocationcase.RelocationCase c = cases.register(new org.relocation.relocationcase.CaseIntake("Test Employee",
                "employee@example.com", "employee", "IN", "GB", "London", "DE", "Host City", "LONG_TERM", java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2028, 12, 31), "CC-FLT-1", new java.math.BigDecimal("250000"), "EUR", 6, new java.math.BigDecimal("90000"),
                "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        ResponseEntity<JsonNode> entered = Api.as(port, "finance").post("/api/cases/" + c.getId() + "/tax-settlements", Map.of("taxYear", 2026,
                "currency", "GBP", "hypotheticalTaxWithheld", 20000, "actualTaxes", List.of(Map.of("country", "DE", "amount", 25000))));
        assertThat(entered.getStatusCode().value()).as("%s", entered.getBody()).isEqualTo(201);
        Api admin = Api.as(port, "admin");
        String task = admin.awaitTask(c.getCaseNumber(), "approve-tax-settlement");
        assertThat(ids(list(admin, filtersOf(admin).get("Pay, tax and expenses")))).contains(task);
        assertThat(ids(list(admin, filtersOf(admin).get("Approvals waiting for me")))).contains(task);
    }

    @Test
    void aFilterSavedWithAnExpressionIsStillRefused() {
        ResponseEntity<JsonNode> r = Api.as(port, "admin").post("/engine-rest/filter/create", Map.of(
                "resourceType", "Task", "name", "Mine by expression", "query", Map.of("assigneeExpression", "${currentUser()}")));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
        assertThat(filtersOf(Api.as(port, "admin"))).doesNotContainKey("Mine by expression");
    }

    @Test
    void theOldReadAnyFilterGrantsAreRemovedAtStart() {
        // a database from an earlier version: every role could read every filter
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId("employee");
        old.setResource(Resources.FILTER);
        old.setResourceId(Authorization.ANY);
        old.addPermission(Permissions.READ);
        authorizations.saveAuthorization(old);
        assertThat(filtersOf(Api.as(port, "employee"))).containsKey("My cases");

        tasklistFilters.create();

        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(Authorization.ANY)
                .groupIdIn("employee").count()).isZero();
        assertThat(filtersOf(Api.as(port, "employee")).keySet()).doesNotContain("My cases", "Approvals waiting for me");
    }
}
