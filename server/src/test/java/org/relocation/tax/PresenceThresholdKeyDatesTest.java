package org.relocation.tax;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 183-day and warning thresholds as key dates of the traveller (docs/pay-and-tax.md "Presence days"), recorded
 * through the API: each threshold of the host country's tax year on the day it is reached at the current pace (days
 * recorded / days from the first to the last of them), moved when new days change the pace, withdrawn when the pace no
 * longer reaches it within the tax year, on the recorded day once reached; recording the same days again changes
 * nothing; none for the home country, a permanent transfer or a bad request.
 */
@ServerTest
class PresenceThresholdKeyDatesTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    JdbcTemplate jdbc;

    private RelocationCase open(String type, LocalDate end) {
        return cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE", "Berlin",
                type, LocalDate.of(2027, 1, 1), end, "CC-42", new BigDecimal("250000"), "EUR",
                6, new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
    }

    private static Map<String, Object> days(String country, String from, String to) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("country", country);
        b.put("from", from);
        b.put("to", to);
        return b;
    }

    /**
     * Records days as a client does: a 409 (a key date's follow-up, started by the previous recording, was busy planning
     * while this one moved or withdrew it; nothing was written) is tried again.
     */
    private ResponseEntity<JsonNode> record(RelocationCase c, String country, String from, String to) {
        List<ResponseEntity<JsonNode>> answer = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> r = Api.as(port, "specialist").post("/api/cases/" + c.getId() + "/presence-days", days(country, from, to));
            answer.add(0, r);
            return r.getStatusCode().value() != 409;
        });
        return answer.get(0);
    }

    /** kind → due date of the case's threshold key dates. */
    private Map<String, String> thresholds(RelocationCase c) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbc.queryForList("SELECT kind, due_date FROM case_key_date WHERE case_id = ? AND kind LIKE 'presence-threshold-%' ORDER BY kind", c.getId())
                .forEach(row -> result.put(String.valueOf(row.get("kind")), String.valueOf(row.get("due_date"))));
        return result;
    }

    @Test
    void thresholdsAreKeyDatesAtTheCurrentPaceMovedWithdrawnAndNeverDuplicated() {
        RelocationCase c = open("LONG_TERM", LocalDate.of(2028, 12, 31));
        // 1-14 January 2027 in Germany: a day a day, so 150, 170 and 183 days on 30 May, 19 June and 2 July
        assertThat(record(c, "DE", "2027-01-01", "2027-01-14").getStatusCode().value()).isEqualTo(201);
        Map<String, String> first = Map.of("presence-threshold-150-de-2027", "2027-05-30",
                "presence-threshold-170-de-2027", "2027-06-19", "presence-threshold-183-de-2027", "2027-07-02");
        assertThat(thresholds(c)).isEqualTo(first);
        List<Long> ids = jdbc.queryForList("SELECT id FROM case_key_date WHERE case_id = ? AND kind LIKE 'presence-threshold-%' ORDER BY id", Long.class, c.getId());

        // the same days again: nothing moves, nothing is added
        assertThat(record(c, "DE", "2027-01-01", "2027-01-14").getBody().get("added").asInt()).isZero();
        assertThat(thresholds(c)).isEqualTo(first);
        assertThat(jdbc.queryForList("SELECT id FROM case_key_date WHERE case_id = ? AND kind LIKE 'presence-threshold-%' ORDER BY id", Long.class, c.getId()))
                .isEqualTo(ids);

        // 20-31 January: 26 days in 31, a slower pace moves the dates later (183: 157 more days take ceil(157 * 31 / 26) = 188)
        assertThat(record(c, "DE", "2027-01-20", "2027-01-31").getStatusCode().value()).isEqualTo(201);
        assertThat(thresholds(c)).containsExactlyInAnyOrderEntriesOf(Map.of("presence-threshold-150-de-2027", "2027-06-28",
                "presence-threshold-170-de-2027", "2027-07-22", "presence-threshold-183-de-2027", "2027-08-07"));
        assertThat(jdbc.queryForList("SELECT id FROM case_key_date WHERE case_id = ? AND kind LIKE 'presence-threshold-%' ORDER BY id", Long.class, c.getId()))
                .as("moved, not added").isEqualTo(ids);

        // one week in June after months away: 33 days in 158, no threshold is reached within 2027 any more
        assertThat(record(c, "DE", "2027-06-01", "2027-06-07").getStatusCode().value()).isEqualTo(201);
        assertThat(thresholds(c)).isEmpty();

        // the home country is not watched; a bad request writes no key date
        assertThat(record(c, "GB", "2027-02-01", "2027-05-31").getStatusCode().value()).isEqualTo(201);
        assertThat(record(c, "DE", "2027-08-05", "2027-08-01").getStatusCode().value()).isEqualTo(400);
        assertThat(thresholds(c)).isEmpty();
    }

    @Test
    void aThresholdCrossedIsAKeyDateOnTheDayItWasReachedAndExtendedBusinessTravellersAreWatchedToo() {
        RelocationCase c = open("EXTENDED_BUSINESS_TRAVELLER", LocalDate.of(2027, 12, 31));
        // 1 January to 5 July 2027: 186 days, past every threshold
        JsonNode r = record(c, "DE", "2027-01-01", "2027-07-05").getBody();
        assertThat(r.get("counts").get(0).get("status").asText()).isEqualTo("REACHED");
        assertThat(thresholds(c)).isEqualTo(Map.of("presence-threshold-150-de-2027", "2027-05-30",
                "presence-threshold-170-de-2027", "2027-06-19", "presence-threshold-183-de-2027", "2027-07-02"));
        assertThat(jdbc.queryForObject("SELECT note FROM case_key_date WHERE case_id = ? AND kind = 'presence-threshold-183-de-2027'",
                String.class, c.getId())).isEqualTo("Day limit 183 in DE, tax year 2027: reached (recorded days)");
    }

    @Test
    void aPermanentTransferGetsNoThresholdKeyDates() {
        RelocationCase c = open("PERMANENT_TRANSFER", null);
        assertThat(record(c, "DE", "2027-01-01", "2027-03-31").getStatusCode().value()).isEqualTo(201);
        assertThat(thresholds(c)).isEmpty();
    }

    @Test
    void onlySpecialistsHrAndAdminRecord() {
        RelocationCase c = open("LONG_TERM", LocalDate.of(2028, 12, 31));
        for (String user : List.of("employee", "manager", "finance")) {
            assertThat(Api.as(port, user).post("/api/cases/" + c.getId() + "/presence-days", days("DE", "2027-01-01", "2027-01-14"))
                    .getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(thresholds(c)).isEmpty();
    }
}
