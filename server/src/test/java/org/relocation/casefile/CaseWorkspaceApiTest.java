package org.relocation.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case workspace's reads through HTTP, per role: find a case by its number, by the start of a number or host city,
 * and "my cases", always inside the caller's scope (a case beyond it is an empty list, not 403); and who the caller is.
 */
@ServerTest
class CaseWorkspaceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private String ownSpecialist;
    private String a;
    private String b;
    private String c;
    private long aId;
    private long cId;
    /** A's host city, new in every test: the start of it finds A only. */
    private String city;

    private Api as(String user) {
        return Api.as(port, user);
    }

    private JsonNode open(String employee, String lineManager, String specialist, String costCentre, String hostCity) {
        ObjectNode intake = Api.intake(employee, "IN", "GB", "DE", "LONG_TERM", "250000");
        intake.put("lineManagerUserId", lineManager);
        intake.put("specialistUserId", specialist);
        intake.put("costCentre", costCentre);
        intake.put("hostCity", hostCity);
        return as("specialist").openCase(intake);
    }

    @BeforeEach
    void cases() {
        ownSpecialist = TestUsers.create(identity, "ws", "mobility-specialist");
        StringBuilder letters = new StringBuilder("Wsville");
        java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(ch -> letters.append((char) ch));
        city = letters.toString();
        JsonNode ca = open("employee", "manager", ownSpecialist, "CC-WS-1", city);
        JsonNode cb = open("employee2", "manager2", "specialist", "CC-WS-2", "Berlin");
        JsonNode cc = open("employee2", "manager2", "specialist", "CC-SG-100", "Berlin");
        a = ca.get("caseNumber").asText();
        b = cb.get("caseNumber").asText();
        c = cc.get("caseNumber").asText();
        aId = ca.get("id").asLong();
        cId = cc.get("id").asLong();
    }

    /** The case numbers GET /api/cases lists for this user and query (one page of 100). */
    private List<String> numbers(String user, String query) {
        ResponseEntity<JsonNode> r = as(user).get("/api/cases?size=100&" + query);
        assertThat(r.getStatusCode().value()).as("%s %s: %s", user, query, r.getBody()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.getBody().get("items").forEach(i -> out.add(i.get("caseNumber").asText()));
        assertThat(r.getBody().get("totalItems").asLong()).as("totals count what is listed").isEqualTo(out.size());
        return out;
    }

    @Test
    void aSpecialistFindsAnyCaseByNumberOrStartAndListsTheirOwn() {
        assertThat(numbers("specialist", "caseNumber=" + a.toLowerCase(Locale.ROOT))).containsExactly(a);
        assertThat(numbers("specialist", "q=" + a.substring(0, a.length() - 1))).contains(a);
        assertThat(numbers("specialist", "q=" + city.toLowerCase(Locale.ROOT))).contains(a).doesNotContain(b, c);
        assertThat(numbers("specialist", "caseNumber=RC-1999-9999")).isEmpty();
        assertThat(numbers(ownSpecialist, "mine=true")).as("the specialist of A only").containsExactly(a);
        assertThat(numbers("specialist", "mine=true")).as("the opener of all three").contains(a, b, c);

        JsonNode item = as("specialist").get("/api/cases?caseNumber=" + a).getBody().get("items").get(0);
        assertThat(item.at("/contacts/specialist/userId").asText()).isEqualTo(ownSpecialist);
        assertThat(item.at("/contacts/lineManager/userId").asText()).isEqualTo("manager");
        assertThat(item.get("hostCity").asText()).isEqualTo(city);
    }

    @Test
    void aManagerFindsOnlyTheCasesTheyActOn() {
        assertThat(numbers("manager", "caseNumber=" + a)).containsExactly(a);
        assertThat(numbers("manager", "caseNumber=" + b)).as("beyond the scope: empty, not 403").isEmpty();
        assertThat(numbers("manager", "mine=true")).contains(a).doesNotContain(b, c);
        assertThat(numbers("manager2", "mine=true")).contains(b, c).doesNotContain(a);
        JsonNode details = as("manager").caseDetails(aId);
        assertThat(details.has("baseSalary")).isFalse();
        assertThat(details.has("documents")).as("no personal details for a manager").isFalse();
    }

    @Test
    void anEmployeeFindsOnlyTheirOwnCaseWithoutFinancials() {
        assertThat(numbers("employee", "caseNumber=" + a)).containsExactly(a);
        assertThat(numbers("employee", "caseNumber=" + b)).isEmpty();
        assertThat(numbers("employee", "q=" + city.toLowerCase(Locale.ROOT))).containsExactly(a);
        JsonNode details = as("employee").caseDetails(aId);
        assertThat(details.has("budget")).isFalse();
        assertThat(details.has("estimate")).isFalse();
        assertThat(details.has("approvals")).isFalse();
    }

    @Test
    void financeFindsTheCasesOfItsCostCentresWithTheSalary() {
        assertThat(numbers("finance", "caseNumber=" + c)).containsExactly(c);
        assertThat(numbers("finance", "caseNumber=" + b)).isEmpty();
        assertThat(as("finance").caseDetails(cId).has("baseSalary")).isTrue();
    }

    @Test
    void badSearchesAreA400NamingTheField() {
        ResponseEntity<JsonNode> q = as("specialist").get("/api/cases?q=RC%25");
        assertThat(q.getStatusCode().value()).isEqualTo(400);
        assertThat(q.getBody().toString()).contains("\"q\"");
        ResponseEntity<JsonNode> number = as("specialist").get("/api/cases?caseNumber=RC_1");
        assertThat(number.getStatusCode().value()).isEqualTo(400);
        assertThat(number.getBody().toString()).contains("caseNumber");
        assertThat(as("specialist").get("/api/cases?mine=maybe").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void meAnswersTheCallersLoginNameAndRoles() {
        JsonNode me = as("specialist").get("/api/me").getBody();
        assertThat(me.get("userId").asText()).isEqualTo("specialist");
        assertThat(me.get("roles").toString()).contains("mobility-specialist");
        assertThat(me.get("name").asText()).isNotBlank();
        assertThat(Api.anonymous(port).get("/api/me").getStatusCode().value()).isEqualTo(401);
    }
}
