package org.relocation.tax;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestCases;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence days through the API: counting per traveller, country and tax year (the calendar year, the UK's from 6 April;
 * a day recorded twice counts once), warnings at 150 and 170 days and at the 183-day limit sent once each, bad input (400 naming the field, nothing
 * written), roles and unknown cases.
 */
@ServerTest
class PresenceDayApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    RelocationCase c;

    @BeforeEach
    void openCase() {
        c = TestCases.recordOnly(cases);
    }

    private String path() {
        return "/api/cases/" + c.getId() + "/presence-days";
    }

    private static Map<String, Object> days(String country, String from, String to) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("country", country);
        b.put("from", from);
        b.put("to", to);
        return b;
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM presence_day WHERE case_id = ?", Long.class, c.getId());
    }

    private List<String> notifications() {
        return jdbc.queryForList("SELECT kind FROM notification WHERE case_id = ? AND kind LIKE 'presence-%' ORDER BY id", String.class, c.getId());
    }

    @Test
    void countsWarnAheadAt150And170AndAtTheLimitOnceEach() {
        Api specialist = Api.as(port, "specialist");
        long employee = c.getTravellers().get(0).getId();
        // January to May 2026: 31 + 28 + 31 + 30 + 30 = 150 days
        ResponseEntity<JsonNode> r = specialist.post(path(), days("DE", "2026-01-01", "2026-05-30"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("added").asInt()).isEqualTo(150);
        JsonNode count = r.getBody().get("counts").get(0);
        assertThat(count.get("travellerId").asLong()).isEqualTo(employee);
        assertThat(count.get("relationship").asText()).isEqualTo("EMPLOYEE");
        assertThat(count.get("days").asInt()).isEqualTo(150);
        assertThat(count.get("limit").asInt()).isEqualTo(183);
        assertThat(count.get("status").asText()).isEqualTo("WARNING");
        assertThat(count.get("nextThreshold").asInt()).isEqualTo(170);
        assertThat(count.get("limitReachedIfStaying").asText()).as("33 more days after 30 May").isEqualTo("2026-07-02");
        String warned150 = "presence-150-DE-2026-t" + employee;
        assertThat(r.getBody().get("warnings").toString()).contains(warned150);
        assertThat(notifications()).as("the specialists' and the managers' mailboxes").containsExactly(warned150, warned150);
        String subject = jdbc.queryForObject("SELECT subject FROM notification WHERE case_id = ? AND kind = ? AND recipient LIKE 'mobility-specialists%'",
                String.class, c.getId(), warned150);
        assertThat(subject).contains(c.getCaseNumber()).contains("150 days in DE in 2026").doesNotContain("Test Employee");

        // a day recorded twice counts once, and a warning is sent once
        JsonNode again = specialist.post(path(), days("DE", "2026-05-01", "2026-05-31")).getBody();
        assertThat(again.get("added").asInt()).isEqualTo(1);
        assertThat(again.get("counts").get(0).get("days").asInt()).isEqualTo(151);
        assertThat(notifications()).hasSize(2);

        // June and 5 days of July: 151 + 35 = 186, past 170 and the limit
        JsonNode past = Api.as(port, "hradmin").post(path(), days("DE", "2026-06-01", "2026-07-05")).getBody();
        JsonNode reached = past.get("counts").get(0);
        assertThat(reached.get("days").asInt()).isEqualTo(186);
        assertThat(reached.get("status").asText()).isEqualTo("REACHED");
        assertThat(reached.has("nextThreshold")).isFalse();
        assertThat(reached.has("limitReachedIfStaying")).isFalse();
        List<String> kinds = new ArrayList<>(notifications());
        assertThat(kinds).hasSize(6).contains("presence-170-DE-2026-t" + employee, "presence-183-DE-2026-t" + employee);

        // a stay across the new year counts in each tax year
        JsonNode newYear = specialist.post(path(), days("FR", "2026-12-30", "2027-01-02")).getBody();
        assertThat(newYear.get("counts")).hasSize(2);
        assertThat(newYear.get("counts").get(0).get("taxYear").asInt()).isEqualTo(2026);
        assertThat(newYear.get("counts").get(0).get("days").asInt()).isEqualTo(2);
        assertThat(newYear.get("counts").get(1).get("days").asInt()).isEqualTo(2);

        // the UK's tax year starts on 6 April: 1-5 April count in tax year 2025, 6-10 April in 2026
        JsonNode april = specialist.post(path(), days("GB", "2026-04-01", "2026-04-10")).getBody();
        assertThat(april.get("counts").findValuesAsText("taxYear")).containsExactly("2025", "2026");
        assertThat(april.get("counts").get(0).get("days").asInt()).isEqualTo(5);
        assertThat(april.get("counts").get(1).get("days").asInt()).isEqualTo(5);

        JsonNode year = Api.as(port, "admin").get(path() + "?taxYear=2026").getBody();
        assertThat(year.get("taxYear").asInt()).isEqualTo(2026);
        assertThat(year.get("counts").findValuesAsText("country")).containsExactlyInAnyOrder("DE", "FR", "GB");
        JsonNode gb2025 = Api.as(port, "admin").get(path() + "?taxYear=2025").getBody();
        assertThat(gb2025.get("counts")).hasSize(1);
        assertThat(gb2025.get("counts").get(0).get("country").asText()).isEqualTo("GB");
        assertThat(gb2025.get("counts").get(0).get("days").asInt()).isEqualTo(5);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        Api specialist = Api.as(port, "specialist");
        assertBadRequest(specialist.post(path(), days("de", "2026-01-01", "2026-01-02")), "country");
        assertBadRequest(specialist.post(path(), days("DE", "2026-01-05", "2026-01-02")), "to");
        assertBadRequest(specialist.post(path(), days("DE", "2026-01-01", "2027-06-01")), "to");
        assertBadRequest(specialist.post(path(), days("DE", null, "2026-01-02")), "from");
        assertBadRequest(specialist.post(path(), days("DE", "2026-01-01", "2099-01-02")), "to");
        Map<String, Object> other = days("DE", "2026-01-01", "2026-01-02");
        other.put("travellerId", 999999999);
        assertBadRequest(specialist.post(path(), other), "travellerId");
        assertBadRequest(specialist.postRaw(path(), "{\"country\": \"DE\", \"from\": \"2026-02-30\", \"to\": \"2026-03-01\"}", Map.of()), "from");
        assertBadRequest(specialist.get(path() + "?taxYear=1900"), "taxYear");
        assertThat(rows()).isZero();
    }

    @Test
    void rolesAndUnknownCases() {
        Map<String, Object> body = days("DE", "2026-01-01", "2026-01-02");
        for (String user : List.of("employee", "manager", "finance", "owner")) {
            assertThat(Api.as(port, user).post(path(), body).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get(path()).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).get(path()).getStatusCode().value()).isEqualTo(401);
        assertThat(rows()).isZero();
        assertThat(Api.as(port, "specialist").post("/api/cases/999999999/presence-days", body).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "specialist").get("/api/cases/999999999/presence-days").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "specialist").get("/api/cases/abc/presence-days").getStatusCode().value()).isEqualTo(400);
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
    }
}
