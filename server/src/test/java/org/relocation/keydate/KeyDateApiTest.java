package org.relocation.keydate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The key-date API: registering with bad input is a 400 naming the field with nothing written; filters; roles; the calendar feed. */
@ServerTest
class KeyDateApiTest {

    @LocalServerPort
    int port;

    @Autowired
    KeyDateRepository keyDates;

    @Autowired
    RuntimeService runtime;

    private long followUps() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("relocation-key-date").count();
    }

    private JsonNode openCase(String employee, String host) {
        return Api.as(port, "specialist").openCase(Api.intake(employee, "IN", "GB", host, "LONG_TERM", "90000"));
    }

    private void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
    }

    @Test
    void badKeyDatesAreA400NamingTheFieldAndWriteNothing() {
        JsonNode c = openCase("employee", "DE");
        JsonNode other = openCase("employee2", "FR");
        long otherTraveller = Api.as(port, "specialist").caseDetails(other.get("id").asLong()).get("travellers").get(0).get("id").asLong();
        Api specialist = Api.as(port, "specialist");
        long rows = keyDates.count();
        long instances = followUps();

        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("caseId", body(999_999L, "permit-expiry", "2035-08-01"));
        bad.put("kind", body(c.get("id").asLong(), "tax-return", "2035-08-01"));
        bad.put("dueDate", body(c.get("id").asLong(), "biometrics-appointment", LocalDate.now().minusDays(1).toString()));
        Map<String, Object> noDate = body(c.get("id").asLong(), "entry-deadline", null);
        noDate.remove("dueDate");
        bad.put("dueDate ", noDate);
        bad.put(" dueDate", body(c.get("id").asLong(), "permit-expiry", "2060-01-01"));
        Map<String, Object> foreignTraveller = body(c.get("id").asLong(), "visa-expiry", "2035-08-01");
        foreignTraveller.put("travellerId", otherTraveller);
        bad.put("travellerId", foreignTraveller);
        Map<String, Object> longNote = body(c.get("id").asLong(), "visa-expiry", "2035-08-01");
        longNote.put("note", "n".repeat(201));
        bad.put("note", longNote);
        bad.forEach((field, b) -> assertBadRequest(specialist.post("/api/key-dates", b), field.trim()));

        assertBadRequest(specialist.postRaw("/api/key-dates", "{\"caseId\": " + c.get("id") + ", \"kind\": \"visa-expiry\", \"dueDate\": \"2035-02-30\"}", Map.of()), "dueDate");
        assertBadRequest(specialist.postRaw("/api/key-dates", "{\"caseId\": " + c.get("id") + ", \"kind\": \"visa-expiry\", \"dueDate\": \"2035-08-01\", \"country\": \"DE\"}", Map.of()), "country");
        assertBadRequest(specialist.postRaw("/api/key-dates", "{", Map.of()), "body");

        assertThat(keyDates.count()).as("key dates written").isEqualTo(rows);
        assertThat(followUps()).as("follow-up instances started").isEqualTo(instances);
    }

    private static Map<String, Object> body(long caseId, String kind, String dueDate) {
        Map<String, Object> b = new HashMap<>();
        b.put("caseId", caseId);
        b.put("kind", kind);
        b.put("dueDate", dueDate);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "country | country=XX",
            "country | country=Germany",
            "country | country=de",
            "kind | kind=tax-return",
            "to | from=2035-08-10&to=2035-08-01",
            "to | from=2035-01-01&to=2046-01-01",
            "from | from=2035-13-01",
            "size | size=0",
            "page | page=-1"})
    void badListParametersAreA400(String field, String query) {
        assertBadRequest(Api.as(port, "specialist").get("/api/key-dates?" + query), field);
    }

    @Test
    void theListFiltersByWindowCountryAndKindAndEmployeesSeeOnlyTheirOwn() {
        Api specialist = Api.as(port, "specialist");
        JsonNode german = openCase("employee", "DE");
        JsonNode french = openCase("employee2", "FR");
        register(specialist, german.get("id").asLong(), "entry-deadline", "2035-08-14");
        register(specialist, german.get("id").asLong(), "social-security-certificate-end", "2035-08-20");
        register(specialist, french.get("id").asLong(), "entry-deadline", "2035-08-15");
        register(specialist, french.get("id").asLong(), "entry-deadline", "2035-09-15"); // moved out of the window

        JsonNode all = specialist.get("/api/key-dates?from=2035-08-13&to=2035-08-31&size=100").getBody();
        assertThat(numbers(all, german, french)).containsExactly(
                german.get("caseNumber").asText() + "/entry-deadline/2035-08-14",
                german.get("caseNumber").asText() + "/social-security-certificate-end/2035-08-20");
        JsonNode wider = specialist.get("/api/key-dates?from=2035-08-13&to=2035-09-30&size=100").getBody();
        assertThat(numbers(wider, german, french)).contains(french.get("caseNumber").asText() + "/entry-deadline/2035-09-15");
        JsonNode france = specialist.get("/api/key-dates?from=2035-08-13&to=2035-09-30&country=FR&size=100").getBody();
        assertThat(numbers(france, german, french)).containsExactly(french.get("caseNumber").asText() + "/entry-deadline/2035-09-15");
        france.get("items").forEach(i -> assertThat(i.get("hostCountry").asText()).isEqualTo("FR"));
        JsonNode kind = specialist.get("/api/key-dates?from=2035-08-13&to=2035-09-30&kind=social-security-certificate-end&size=100").getBody();
        assertThat(numbers(kind, german, french)).containsExactly(german.get("caseNumber").asText() + "/social-security-certificate-end/2035-08-20");
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("relationship").asText()).isEqualTo("EMPLOYEE");
        assertThat(first.has("employeeName")).isFalse();

        JsonNode own = Api.as(port, "employee2").get("/api/key-dates?from=2035-08-13&to=2035-09-30&size=100").getBody();
        own.get("items").forEach(i -> assertThat(i.get("caseNumber").asText()).isNotEqualTo(german.get("caseNumber").asText()));
        assertThat(numbers(own, german, french)).containsExactly(french.get("caseNumber").asText() + "/entry-deadline/2035-09-15");
        long germanKeyDate = first.get("id").asLong();
        assertThat(Api.as(port, "employee2").get("/api/key-dates/" + germanKeyDate).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "employee").get("/api/key-dates/" + germanKeyDate).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, "manager").get("/api/key-dates?from=2035-08-13&to=2035-08-31").getStatusCode().value()).isEqualTo(200);
        assertThat(specialist.get("/api/key-dates/999999999").getStatusCode().value()).isEqualTo(404);
    }

    /** "caseNumber/kind/dueDate" of the items that belong to these two cases (other tests' key dates share the database). */
    private static java.util.List<String> numbers(JsonNode page, JsonNode... cases) {
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (JsonNode c : cases) {
            mine.add(c.get("caseNumber").asText());
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        page.get("items").forEach(i -> {
            if (mine.contains(i.get("caseNumber").asText())) {
                out.add(i.get("caseNumber").asText() + "/" + i.get("kind").asText() + "/" + i.get("dueDate").asText());
            }
        });
        return out;
    }

    private JsonNode register(Api api, long caseId, String kind, String dueDate) {
        ResponseEntity<JsonNode> r = api.post("/api/key-dates", body(caseId, kind, dueDate));
        assertThat(r.getStatusCode().value()).as("POST /api/key-dates: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    @Test
    void rolesAndAuthentication() {
        JsonNode c = openCase("employee", "DE");
        Map<String, Object> b = body(c.get("id").asLong(), "entry-deadline", "2035-08-14");
        assertThat(Api.anonymous(port).get("/api/key-dates").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(port, "finance").get("/api/key-dates").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").post("/api/key-dates", b).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "manager").post("/api/key-dates", b).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").get("/api/key-dates/calendar.ics").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "hradmin").post("/api/key-dates", b).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theCalendarFeedListsTheCallersCasesAsAllDayEvents() {
        JsonNode c = openCase("employee", "NL"); // opened by the specialist: one of the specialist's cases
        LocalDate due = LocalDate.now().plusDays(400);
        JsonNode keyDate = register(Api.as(port, "specialist"), c.get("id").asLong(), "visa-expiry", due.toString());

        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { }).build();
        ResponseEntity<String> feed = http.get().uri("/api/key-dates/calendar.ics").header(HttpHeaders.AUTHORIZATION, basic("specialist"))
                .retrieve().toEntity(String.class);
        assertThat(feed.getStatusCode().value()).isEqualTo(200);
        assertThat(feed.getHeaders().getContentType().toString()).startsWith("text/calendar");
        String ics = feed.getBody();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("UID:key-date-" + keyDate.get("id").asText() + "@relocation-engine",
                "DTSTART;VALUE=DATE:" + due.toString().replace("-", ""),
                "DTEND;VALUE=DATE:" + due.plusDays(1).toString().replace("-", ""),
                "SUMMARY:" + c.get("caseNumber").asText() + " · Visa expires · NL");
        assertThat(unfolded).doesNotContain("Test Employee");

        String theirs = http.get().uri("/api/key-dates/calendar.ics").header(HttpHeaders.AUTHORIZATION, basic("hradmin"))
                .retrieve().body(String.class);
        assertThat(theirs).as("hradmin worked on no case").doesNotContain("UID:key-date-" + keyDate.get("id").asText() + "@");
        String team = http.get().uri("/api/key-dates/calendar.ics?scope=team").header(HttpHeaders.AUTHORIZATION, basic("hradmin"))
                .retrieve().body(String.class);
        assertThat(team).contains("UID:key-date-" + keyDate.get("id").asText() + "@");
        assertThat(http.get().uri("/api/key-dates/calendar.ics?scope=everyone").header(HttpHeaders.AUTHORIZATION, basic("hradmin"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
