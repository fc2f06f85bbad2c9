package org.relocation.policyexception;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * The policy-exception register follows the case's read rule, through HTTP as each demo user: a reader lists, opens and
 * counts the exceptions of the cases they may read (as GET /api/cases/{id}), nothing of the others (404, as for an
 * unknown id), and of each the fields their role sees; the justification only for who runs cases, the HR lead and
 * whoever asked it. Employees do not read the register, not even on their own case.
 */
@ServerTest
class PolicyExceptionAccessTest {

    private static final List<String> EMPLOYEES = List.of("employee", "employee2");
    private static final List<String> RUN_CASES = List.of("specialist", "admin", "hradmin");
    private static final List<String> FINANCIALS = List.of("amount", "currency", "reportingAmount", "costCentre");
    /** The category only this class asks for: the figures of the summary show whose scope counts it. */
    private static final String RARE_CATEGORY = "eligibility";

    @LocalServerPort
    int port;

    private Api as(String user) {
        return Api.as(port, user);
    }

    private static String uniqueCostCentre() {
        return "CC-PXA-" + System.nanoTime() % 1_000_000;
    }

    /** One case and the one exception asked on it while in intake. */
    private record Asked(long caseId, String caseNumber, long exceptionId, String justification) {
    }

    /** A case of the employee charged to the cost centre, waiting at review-intake with its intake phase open. */
    private JsonNode caseInIntake(String employee, String lineManager, String costCentre) {
        Api specialist = as("specialist");
        ObjectNode intake = Api.intake(employee, "IN", "GB", "DE", "LONG_TERM", "250000");
        intake.put("costCentre", costCentre);
        intake.put("lineManagerUserId", lineManager);
        JsonNode c = specialist.openCase(intake);
        specialist.awaitTask(c.get("caseNumber").asText(), "review-intake");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(specialist.caseDetails(c.get("id").asLong()).get("phases")).anySatisfy(p -> {
                    assertThat(p.get("phase").asText()).isEqualTo("intake");
                    assertThat(p.hasNonNull("completedAt")).isFalse();
                }));
        return c;
    }

    private Asked ask(String requester, String employee, String lineManager, String costCentre, String category, String amount,
                      String justification) {
        JsonNode c = caseInIntake(employee, lineManager, costCentre);
        ResponseEntity<JsonNode> r = as(requester).post("/api/cases/" + c.get("id").asLong() + "/policy-exceptions", Map.of(
                "category", category, "amount", amount, "currency", "EUR", "policyClause", "GM-7.1", "justification", justification));
        assertThat(r.getStatusCode().value()).as("%s asks: %s", requester, r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("justification").asText()).as("the requester reads what they wrote").isEqualTo(justification);
        return new Asked(c.get("id").asLong(), c.get("caseNumber").asText(), r.getBody().get("id").asLong(), justification);
    }

    /** The exception ids on every page of the search for this user (pages of 200 until a short one). */
    private List<Long> listed(String user, String query) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResponseEntity<JsonNode> r = as(user).get("/api/policy-exceptions?size=200&page=" + page + query);
            assertThat(r.getStatusCode().value()).as("%s lists: %s", user, r.getBody()).isEqualTo(200);
            r.getBody().forEach(e -> ids.add(e.get("id").asLong()));
            if (r.getBody().size() < 200) {
                return ids;
            }
        }
    }

    /**
     * For each case: whether this user reads its exception on every read route (the case's list, the exception, the
     * search by case and the whole register) and, where they do, which fields they see.
     */
    private void assertReads(String user, List<Asked> all, Set<Asked> readable, Set<Asked> withJustification) {
        List<Long> register = listed(user, "");
        for (Asked a : all) {
            boolean may = readable.contains(a);
            String what = user + " on case " + a.caseNumber() + " exception " + a.exceptionId();
            ResponseEntity<JsonNode> ofCase = as(user).get("/api/cases/" + a.caseId() + "/policy-exceptions");
            assertThat(ofCase.getStatusCode().value()).as("%s: the case's exceptions %s", what, ofCase.getBody()).isEqualTo(may ? 200 : 404);
            ResponseEntity<JsonNode> one = as(user).get("/api/policy-exceptions/" + a.exceptionId());
            assertThat(one.getStatusCode().value()).as("%s: the exception %s", what, one.getBody()).isEqualTo(may ? 200 : 404);
            assertThat(listed(user, "&caseId=" + a.caseId())).as("%s: searched by case", what)
                    .isEqualTo(may ? List.of(a.exceptionId()) : List.of());
            assertThat(register.contains(a.exceptionId())).as("%s: in the register", what).isEqualTo(may);
            if (!may) {
                // the same answer as for an id that does not exist: nothing of the case
                assertThat(one.getBody().get("detail").asText()).isEqualTo("Policy exception " + a.exceptionId() + " not found");
                assertThat(ofCase.getBody().toString()).doesNotContain(a.caseNumber());
                continue;
            }
            assertThat(ofCase.getBody()).hasSize(1);
            for (JsonNode e : List.of(ofCase.getBody().get(0), one.getBody())) {
                assertThat(e.get("id").asLong()).isEqualTo(a.exceptionId());
                assertThat(e.get("caseNumber").asText()).isEqualTo(a.caseNumber());
                FINANCIALS.forEach(f -> assertThat(e.hasNonNull(f)).as("%s sees %s", what, f).isTrue());
                if (withJustification.contains(a)) {
                    assertThat(e.get("justification").asText()).as("%s sees the justification", what).isEqualTo(a.justification());
                } else {
                    assertThat(e.has("justification")).as("%s must not see the justification", what).isFalse();
                    assertThat(e.toString()).doesNotContain(a.justification());
                }
            }
        }
    }

    private void assertEmployeesAreRefused(List<Asked> all) {
        for (String user : EMPLOYEES) {
            for (Asked a : all) {
                assertThat(as(user).get("/api/cases/" + a.caseId() + "/policy-exceptions").getStatusCode().value())
                        .as("%s, the case's exceptions", user).isEqualTo(403);
                assertThat(as(user).get("/api/policy-exceptions/" + a.exceptionId()).getStatusCode().value())
                        .as("%s, one exception", user).isEqualTo(403);
            }
            assertThat(as(user).get("/api/policy-exceptions").getStatusCode().value()).as("%s, the register", user).isEqualTo(403);
            assertThat(as(user).get("/api/policy-exceptions/summary").getStatusCode().value()).as("%s, the figures", user).isEqualTo(403);
        }
    }

    /** The categories of this user's summary over the last days, with their counts of requests. */
    private Map<String, Long> summary(String user) {
        ResponseEntity<JsonNode> r = as(user).get("/api/policy-exceptions/summary");
        assertThat(r.getStatusCode().value()).as("%s summary: %s", user, r.getBody()).isEqualTo(200);
        Map<String, Long> out = new LinkedHashMap<>();
        r.getBody().forEach(row -> {
            out.put(row.get("category").asText(), row.get("requested").asLong());
            assertThat(row.get("casesAsking").asLong()).as("%s %s", user, row).isLessThanOrEqualTo(row.get("casesOpened").asLong());
        });
        return out;
    }

    @Test
    void eachRoleReadsTheExceptionsOfTheCasesItMayReadWithTheFieldsItsRoleSees() {
        // L: asked by the specialist; goes to its line manager (manager), then to the HR lead who decides it
        Asked l = ask("specialist", "employee", "manager", uniqueCostCentre(), "schooling", "3000.00", "Bilingual school for a child with special needs");
        // M: asked by its line manager (manager), stays in intake
        Asked m = ask("manager", "employee2", "manager", uniqueCostCentre(), "home-leave", "1200.00", "A second trip home for a parent's surgery");
        // B: asked by the specialist, stays in intake: besides who runs cases only its line manager (manager2) reads it
        Asked b = ask("specialist", "employee", "manager2", uniqueCostCentre(), RARE_CATEGORY, "500.00", "Eligible despite a short tenure: key hire");
        // F: charged to a cost centre finance answers for (demo: CC-US-100)
        Asked f = ask("specialist", "employee2", "manager2", "CC-US-100", "housing", "2000.00", "Larger flat for a family of five near the office");
        List<Asked> all = List.of(l, m, b, f);
        Set<Asked> every = Set.copyOf(all);

        // --- in intake
        for (String user : RUN_CASES) {
            assertReads(user, all, every, every);
        }
        assertReads("manager", all, Set.of(l, m), Set.of(m)); // named on both; the justification only of what they asked
        assertReads("manager2", all, Set.of(b, f), Set.of());
        assertReads("finance", all, Set.of(f), Set.of());
        assertReads("hrlead", all, Set.of(), Set.of());
        assertReads("director", all, Set.of(), Set.of());
        assertEmployeesAreRefused(all);
        // a manager asks only on a case they read: on L (naming manager) manager2 is told it does not exist, nothing written
        ResponseEntity<JsonNode> beyond = as("manager2").post("/api/cases/" + l.caseId() + "/policy-exceptions", Map.of("category",
                "travel", "amount", "100.00", "currency", "EUR", "policyClause", "GM-7.1", "justification", "A trip nobody asked for"));
        assertThat(beyond.getStatusCode().value()).as("manager2 asks on L: %s", beyond.getBody()).isEqualTo(404);
        assertThat(as("specialist").get("/api/cases/" + l.caseId() + "/policy-exceptions").getBody()).hasSize(1);
        // the figures count only the exceptions (and cases) each reader may read
        for (String user : RUN_CASES) {
            assertThat(summary(user)).as(user).containsKey(RARE_CATEGORY);
        }
        for (String user : List.of("manager", "finance", "hrlead", "director")) {
            assertThat(summary(user)).as(user).doesNotContainKey(RARE_CATEGORY);
        }
        assertThat(summary("manager2")).as("B's line manager").containsKey(RARE_CATEGORY);
        assertThat(summary("manager")).containsKey("home-leave");
        assertThat(summary("finance")).containsKey("housing");

        // --- L waits for its line manager (manager), who did not ask its exception; another manager does not read it
        as("specialist").completeTask(l.caseNumber(), "review-intake", vars("intakeVerified", true));
        String approval = as("manager").awaitTask(l.caseNumber(), "approve-relocation");
        assertReads("manager", all, Set.of(l, m), Set.of(m));
        assertReads("manager2", all, Set.of(b, f), Set.of());
        assertReads("hrlead", all, Set.of(), Set.of());

        // --- the manager approves: the HR lead now has the exception to decide, and reads it with its justification
        assertThat(as("manager").complete(approval, vars("managerDecision", "approve", "managerComment", "Fine")).getStatusCode().value())
                .isEqualTo(204);
        String decision = as("hrlead").awaitTask(l.caseNumber(), "approve-policy-exception");
        assertReads("hrlead", all, Set.of(l), Set.of(l));
        assertReads("manager", all, Set.of(l, m), Set.of(m));
        assertReads("manager2", all, Set.of(b, f), Set.of());
        assertThat(as("hrlead").complete(decision, vars("exceptionDecision", "approve", "exceptionComment", "School place confirmed"))
                .getStatusCode().value()).isEqualTo(204);

        // --- decided: the HR lead still reads it (a step of theirs); the manager sees the decision with its comment
        assertReads("hrlead", all, Set.of(l), Set.of(l));
        JsonNode decided = as("manager").get("/api/policy-exceptions/" + l.exceptionId()).getBody();
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("hrlead");
        assertThat(decided.get("decisionComment").asText()).isEqualTo("School place confirmed");
        assertThat(decided.has("justification")).isFalse();
        assertThat(summary("hrlead")).containsKey("schooling").doesNotContainKey(RARE_CATEGORY);
        assertReads("director", all, Set.of(), Set.of());
        assertEmployeesAreRefused(all);
    }

    @Test
    void badAndUnknownIdsAre400And404NeverA500() {
        for (String user : List.of("specialist", "manager", "finance", "hrlead", "director")) {
            Api api = as(user);
            for (String path : List.of("/api/policy-exceptions/abc", "/api/policy-exceptions/99999999999999999999",
                    "/api/policy-exceptions/1.5", "/api/cases/abc/policy-exceptions", "/api/cases/99999999999999999999/policy-exceptions",
                    "/api/policy-exceptions?caseId=abc", "/api/policy-exceptions?caseId=99999999999999999999")) {
                assertThat(api.get(path).getStatusCode().value()).as("%s GET %s", user, path).isEqualTo(400);
            }
            for (String path : List.of("/api/policy-exceptions/999999999", "/api/policy-exceptions/-1", "/api/policy-exceptions/0",
                    "/api/cases/999999999/policy-exceptions", "/api/cases/-1/policy-exceptions")) {
                assertThat(api.get(path).getStatusCode().value()).as("%s GET %s", user, path).isEqualTo(404);
            }
            ResponseEntity<JsonNode> none = api.get("/api/policy-exceptions?caseId=999999999");
            assertThat(none.getStatusCode().value()).as("%s", user).isEqualTo(200);
            assertThat(none.getBody()).isEmpty();
        }
        for (String user : EMPLOYEES) {
            assertThat(as(user).get("/api/policy-exceptions/999999999").getStatusCode().value()).as(user).isEqualTo(403);
        }
    }
}
