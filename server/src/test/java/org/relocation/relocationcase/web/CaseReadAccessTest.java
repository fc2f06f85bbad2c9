package org.relocation.relocationcase.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Least privilege for reads, through HTTP: which cases each role lists and opens (404 for one it may not read, as for
 * an unknown case), which field groups it sees of them, and which key dates and calendars. Approvers read the cases
 * they act on: a task they hold or may claim, or a step they took.
 */
@ServerTest
class CaseReadAccessTest {

    private static final String COLA = "cost-of-living-allowance";
    private static final List<String> FINANCIALS = List.of("costCentre", "gradeLevel", "budget", "estimate", "estimateVersions");
    private static final List<String> PERSONAL = List.of("documents", "keyDates", "rightToWorkChecks");
    /** Always set on the employee's own traveller record (a birth date only for family members). */
    private static final List<String> TRAVELLER_PERSONAL = List.of("fullName", "nationality", "passportOnFile");

    @LocalServerPort
    int port;

    private Api as(String user) {
        return Api.as(port, user);
    }

    private int status(String user, String path) {
        return as(user).get(path).getStatusCode().value();
    }

    /** The ids on every page of GET /api/cases for this user (pages of 100), checking the totals match what is listed. */
    private List<Long> listed(String user) {
        List<Long> ids = new ArrayList<>();
        JsonNode first = as(user).get("/api/cases?size=100").getBody();
        int pages = first.get("totalPages").asInt();
        for (int p = 0; p < pages; p++) {
            JsonNode page = p == 0 ? first : as(user).get("/api/cases?size=100&page=" + p).getBody();
            page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        }
        assertThat((long) ids.size()).as("%s: totalItems counts only the readable cases", user).isEqualTo(first.get("totalItems").asLong());
        return ids;
    }

    private JsonNode details(String user, long id) {
        ResponseEntity<JsonNode> r = as(user).get("/api/cases/" + id);
        assertThat(r.getStatusCode().value()).as("%s GET case %s: %s", user, id, r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private static void assertPresent(JsonNode c, List<String> fields, String who) {
        fields.forEach(f -> assertThat(c.has(f)).as("%s sees %s", who, f).isTrue());
    }

    private static void assertAbsent(JsonNode c, List<String> fields, String who) {
        fields.forEach(f -> assertThat(c.has(f)).as("%s must not see %s", who, f).isFalse());
    }

    private static List<String> lineCategories(JsonNode estimate) {
        return estimate.get("lines").findValuesAsText("category");
    }

    private JsonNode openCase(String employee, String lineManager, String costCentre, String budget) {
        ObjectNode intake = Api.intake(employee, "IN", "GB", "DE", "LONG_TERM", budget);
        intake.put("costCentre", costCentre);
        intake.put("lineManagerUserId", lineManager);
        return as("specialist").openCase(intake);
    }

    private long registerKeyDate(long caseId, String kind, String dueDate) {
        Map<String, Object> b = new HashMap<>();
        b.put("caseId", caseId);
        b.put("kind", kind);
        b.put("dueDate", dueDate);
        ResponseEntity<JsonNode> r = as("specialist").post("/api/key-dates", b);
        assertThat(r.getStatusCode().value()).as("POST /api/key-dates: %s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    /** "caseNumber/kind" of the key dates this user lists in the window. */
    private List<String> keyDates(String user) {
        ResponseEntity<JsonNode> r = as(user).get("/api/key-dates?from=2028-06-01&to=2028-06-30&size=100");
        assertThat(r.getStatusCode().value()).as("%s key dates: %s", user, r.getBody()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.getBody().get("items").forEach(i -> out.add(i.get("caseNumber").asText() + "/" + i.get("kind").asText()));
        return out;
    }

    @Test
    void eachRoleReadsOnlyTheCasesItActsOnAndTheFieldsItNeeds() {
        Api specialist = as("specialist");
        // L: the employee's case, over budget, with a policy exception: manager, HR lead and finance approve it in turn
        JsonNode l = openCase("employee", "manager", "CC-42", "1000");
        long lid = l.get("id").asLong();
        String ln = l.get("caseNumber").asText();
        // B: employee2's case, still in intake: only its named line manager (manager2) reads it, from intake on
        JsonNode b = openCase("employee2", "manager2", "CC-42", "250000");
        long bid = b.get("id").asLong();
        String bn = b.get("caseNumber").asText();
        // F: charged to a cost centre finance answers for (demo: CC-SG-100)
        JsonNode f = openCase("employee2", "manager2", "CC-SG-100", "250000");
        long fid = f.get("id").asLong();

        specialist.awaitTask(ln, "review-intake");
        assertThat(specialist.post("/api/cases/" + lid + "/policy-exceptions", Map.of("category", "schooling", "amount", "1000.00",
                "currency", "EUR", "policyClause", "GM-5.4", "justification", "Bilingual school place")).getStatusCode().value()).isEqualTo(201);
        specialist.completeTask(ln, "review-intake", vars("intakeVerified", true));
        String approval = as("manager").awaitTask(ln, "approve-relocation");
        // the approval form's brief: the estimate lines computed from the salary are withheld from the manager
        String managerBrief = as("manager").get("/engine-rest/task/" + approval + "/form-variables").getBody()
                .get("brief").get("value").asText();
        assertThat(managerBrief).contains("withheld").doesNotContain("of base salary");
        long lPassport = registerKeyDate(lid, "passport-expiry", "2028-06-10");
        registerKeyDate(lid, "biometrics-appointment", "2028-06-11");
        long bPassport = registerKeyDate(bid, "passport-expiry", "2028-06-12");
        registerKeyDate(bid, "biometrics-appointment", "2028-06-13");
        await().atMost(Duration.ofSeconds(30)).until(() -> details("admin", fid).hasNonNull("estimate"));

        // --- which cases: GET /api/cases/{id} (404 beyond one's scope) and the list
        Map<String, List<Long>> readable = Map.of(
                "specialist", List.of(lid, bid, fid), "admin", List.of(lid, bid, fid), "hradmin", List.of(lid, bid, fid),
                "employee", List.of(lid), "employee2", List.of(bid, fid),
                "manager", List.of(lid), "manager2", List.of(bid, fid), // each reads the cases naming them line manager
                "finance", List.of(fid), "hrlead", List.of(), "director", List.of());
        readable.forEach((user, ids) -> {
            List<Long> list = listed(user);
            for (long id : List.of(lid, bid, fid)) {
                boolean may = ids.contains(id);
                assertThat(status(user, "/api/cases/" + id)).as("%s GET case %s", user, id).isEqualTo(may ? 200 : 404);
                assertThat(list.contains(id)).as("%s lists case %s", user, id).isEqualTo(may);
            }
        });
        assertThat(status("director", "/api/cases/999999999")).as("an unknown case looks the same").isEqualTo(404);
        assertThat(status("hrlead", "/api/cases/" + lid + "/estimates")).isEqualTo(404);
        assertThat(status("finance", "/api/cases/" + lid + "/policy-decisions")).isEqualTo(404);

        // --- which fields
        JsonNode asManager = details("manager", lid);
        assertPresent(asManager, FINANCIALS, "manager");
        assertPresent(asManager, List.of("approvals"), "manager");
        assertAbsent(asManager, PERSONAL, "manager");
        assertAbsent(asManager, List.of("baseSalary"), "manager");
        assertThat(lineCategories(asManager.get("estimate"))).isNotEmpty().doesNotContain(COLA);
        asManager.get("travellers").forEach(t -> assertAbsent(t, List.of("fullName", "nationality", "birthDate", "passportOnFile",
                "passportExpiry"), "manager"));
        assertThat(asManager.get("travellers").get(0).get("relationship").asText()).isEqualTo("EMPLOYEE");
        as("manager").get("/api/cases/" + lid + "/estimates").getBody()
                .forEach(e -> assertThat(lineCategories(e)).doesNotContain(COLA));

        JsonNode asAdmin = details("admin", lid);
        assertPresent(asAdmin, FINANCIALS, "admin");
        assertPresent(asAdmin, PERSONAL, "admin");
        assertThat(asAdmin.get("baseSalary").get("amount").decimalValue()).isEqualByComparingTo("90000");
        assertThat(lineCategories(asAdmin.get("estimate"))).contains(COLA);
        assertPresent(asAdmin.get("travellers").get(0), TRAVELLER_PERSONAL, "admin");
        assertThat(details("hradmin", lid).has("baseSalary")).isTrue();

        JsonNode asSpecialist = details("specialist", lid);
        assertPresent(asSpecialist, FINANCIALS, "specialist");
        assertPresent(asSpecialist, PERSONAL, "specialist");
        assertAbsent(asSpecialist, List.of("baseSalary"), "specialist (salary is for finance and HR)");
        assertThat(lineCategories(asSpecialist.get("estimate"))).doesNotContain(COLA);
        assertThat(asSpecialist.get("estimate").get("total")).isEqualTo(asAdmin.get("estimate").get("total"));

        JsonNode asEmployee = details("employee", lid);
        assertAbsent(asEmployee, FINANCIALS, "the employee");
        assertAbsent(asEmployee, List.of("baseSalary", "finalCost", "approvals"), "the employee");
        assertPresent(asEmployee, PERSONAL, "the employee, on their own case");
        assertPresent(asEmployee.get("travellers").get(0), TRAVELLER_PERSONAL, "the employee");
        assertThat(asEmployee.get("keyDates").findValuesAsText("kind")).contains("passport-expiry");

        JsonNode asFinance = details("finance", fid);
        assertPresent(asFinance, FINANCIALS, "finance");
        assertAbsent(asFinance, PERSONAL, "finance");
        assertThat(asFinance.get("baseSalary").get("amount").decimalValue()).isEqualByComparingTo("90000");
        assertThat(lineCategories(asFinance.get("estimate"))).contains(COLA);
        assertThat(as("finance").get("/api/cases/" + fid + "/estimates").getBody().get(0).get("lines").findValuesAsText("category")).contains(COLA);

        // --- key dates: the team's for who runs cases; others the cases they read, passport expiries only with personal details
        assertThat(keyDates("specialist")).contains(ln + "/passport-expiry", ln + "/biometrics-appointment", bn + "/passport-expiry", bn + "/biometrics-appointment");
        assertThat(keyDates("manager")).contains(ln + "/biometrics-appointment").doesNotContain(ln + "/passport-expiry", bn + "/biometrics-appointment", bn + "/passport-expiry");
        assertThat(keyDates("employee")).contains(ln + "/passport-expiry", ln + "/biometrics-appointment").doesNotContain(bn + "/biometrics-appointment");
        assertThat(keyDates("employee2")).contains(bn + "/passport-expiry").doesNotContain(ln + "/biometrics-appointment");
        for (String user : List.of("finance", "hrlead", "director")) {
            assertThat(status(user, "/api/key-dates?from=2028-06-01&to=2028-06-30")).as(user).isEqualTo(403);
        }
        assertThat(status("manager", "/api/key-dates/" + lPassport)).isEqualTo(404);
        assertThat(status("employee", "/api/key-dates/" + lPassport)).isEqualTo(200);
        assertThat(status("manager", "/api/key-dates/" + bPassport)).isEqualTo(404);
        assertThat(status("specialist", "/api/key-dates/" + bPassport)).isEqualTo(200);
        for (String user : List.of("specialist", "hradmin", "admin")) {
            assertThat(as(user).getText("/api/key-dates/calendar.ics?scope=team")).as("%s team calendar", user).contains("BEGIN:VCALENDAR");
        }
        assertThat(unfolded(as("specialist").getText("/api/key-dates/calendar.ics?scope=team")))
                .contains(ln + " · Passport expires", bn + " · Biometrics appointment");
        for (String user : List.of("manager", "manager2", "finance", "hrlead", "director", "employee", "employee2")) {
            assertThat(status(user, "/api/key-dates/calendar.ics?scope=team")).as("%s team calendar", user).isEqualTo(403);
        }

        // --- the line manager claims the task (it is theirs already); the other manager never reads the case
        ResponseEntity<JsonNode> claimed = as("manager").post("/engine-rest/task/" + approval + "/claim", Map.of("userId", "manager"));
        assertThat(claimed.getStatusCode().value()).as("claim: %s", claimed.getBody()).isEqualTo(204);
        assertThat(status("manager2", "/api/cases/" + lid)).isEqualTo(404);
        assertThat(listed("manager2")).doesNotContain(lid);
        assertThat(status("manager", "/api/cases/" + lid)).isEqualTo(200);
        ResponseEntity<JsonNode> approved = as("manager").complete(approval, vars("managerDecision", "approve", "managerComment", "Fine"));
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(204);
        // ... having decided, the manager still reads it (their step is on its timeline); the other never did anything with it
        assertThat(status("manager", "/api/cases/" + lid)).isEqualTo(200);
        assertThat(listed("manager")).contains(lid).doesNotContain(bid, fid);
        assertThat(status("manager2", "/api/cases/" + lid)).isEqualTo(404);
        assertThat(unfolded(as("manager").getText("/api/key-dates/calendar.ics"))).contains(ln + " · Biometrics appointment")
                .doesNotContain("Passport expires", bn);

        // the HR lead reads the case while the exception awaits them, and after deciding it; the director never
        String exception = as("hrlead").awaitTask(ln, "approve-policy-exception");
        assertThat(details("hrlead", lid).has("baseSalary")).isFalse();
        assertThat(as("hrlead").complete(exception, vars("exceptionDecision", "approve", "exceptionComment", "Fine")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(status("hrlead", "/api/cases/" + lid)).isEqualTo(200);
        // finance, once the budget is theirs to approve, reads the case with its salary
        String budget = as("finance").awaitTask(ln, "approve-budget");
        assertThat(as("finance").get("/engine-rest/task/" + budget + "/form-variables").getBody().get("brief").get("value").asText())
                .as("finance's brief").contains("of base salary");
        JsonNode financeOnL = details("finance", lid);
        assertThat(financeOnL.get("baseSalary").get("amount").decimalValue()).isEqualByComparingTo("90000");
        assertAbsent(financeOnL, PERSONAL, "finance");
        assertThat(as("finance").complete(budget, vars("financeDecision", "approve", "financeComment", "Fine")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(status("finance", "/api/cases/" + lid)).isEqualTo(200);
        assertThat(status("finance", "/api/cases/" + bid)).isEqualTo(404);
        assertThat(status("director", "/api/cases/" + lid)).isEqualTo(404);
        assertThat(listed("director")).doesNotContain(lid, bid, fid);
    }

    @Test
    void aDirectorReadsAPermanentTransferOnceItsSecondLevelApprovalIsTheirs() {
        Api specialist = as("specialist");
        JsonNode c = specialist.openCase(Api.intake("employee2", "IN", "IN", "GB", "PERMANENT_TRANSFER", "900000").put("hostCity", "London"));
        long id = c.get("id").asLong();
        String number = c.get("caseNumber").asText();
        specialist.awaitTask(number, "review-intake");
        // an exception asked in intake takes the transfer above the second-level threshold
        assertThat(specialist.post("/api/cases/" + id + "/policy-exceptions", Map.of("category", "housing", "amount", "80000.00",
                "currency", "EUR", "policyClause", "GM-4.1", "justification", "Central London")).getStatusCode().value()).isEqualTo(201);
        specialist.completeTask(number, "review-intake", vars("intakeVerified", true));
        String approval = as("manager").awaitTask(number, "approve-relocation");
        assertThat(status("director", "/api/cases/" + id)).as("nothing for the director to do yet").isEqualTo(404);
        assertThat(as("manager").complete(approval, vars("managerDecision", "approve", "managerComment", "Fine")).getStatusCode().value())
                .isEqualTo(204);
        as("hrlead").completeTask(number, "approve-policy-exception", vars("exceptionDecision", "approve", "exceptionComment", "Fine"));
        // exceptions above EUR 25000: finance approves too
        as("finance").completeTask(number, "approve-budget", vars("financeDecision", "approve"));

        String transfer = as("director").awaitTask(number, "approve-transfer");
        JsonNode asDirector = details("director", id);
        assertPresent(asDirector, FINANCIALS, "director");
        assertAbsent(asDirector, PERSONAL, "director");
        assertAbsent(asDirector, List.of("baseSalary"), "director");
        assertThat(listed("director")).contains(id);
        assertThat(as("director").complete(transfer, vars("secondLevelDecision", "approve", "secondLevelComment", "Fine")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(status("director", "/api/cases/" + id)).as("after deciding").isEqualTo(200);
        assertThat(status("manager2", "/api/cases/" + id)).as("never had anything to do with it").isEqualTo(404);
        assertThat(listed("manager2")).doesNotContain(id);
    }

    /** An iCalendar text with its folded lines joined again (RFC 5545 3.1: a line break followed by one space). */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }
}
