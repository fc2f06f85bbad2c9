package org.relocation.policyexception;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * The policy-exception register over HTTP: asking for an exception on a case in intake (converted to the reporting
 * currency, logged), every bad input a 400 naming the field with nothing written, roles, the search and its
 * parameters, and the per-category summary once the HR lead has approved an exception in the approval phase. Who
 * reads which exceptions and which of their fields: {@link PolicyExceptionAccessTest}; here hr-admin reads the register.
 */
@ServerTest
class PolicyExceptionApiTest {

    /** The demo EUR/USD rate in effect since 2026-10-01. */
    private static final BigDecimal EUR_USD = new BigDecimal("1.1650");

    @LocalServerPort
    int port;

    private static String uniqueCostCentre() {
        return "CC-PEX-" + System.nanoTime() % 100_000;
    }

    /** A case waiting at review-intake (its intake phase open), with its own cost centre. */
    private JsonNode caseInIntake(String costCentre) {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
        intake.put("costCentre", costCentre);
        JsonNode c = specialist.openCase(intake);
        specialist.awaitTask(c.get("caseNumber").asText(), "review-intake");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode phases = specialist.caseDetails(c.get("id").asLong()).get("phases");
            assertThat(phases).anySatisfy(p -> {
                assertThat(p.get("phase").asText()).isEqualTo("intake");
                assertThat(p.hasNonNull("completedAt")).isFalse();
            });
        });
        return c;
    }

    private static Map<String, Object> body(String category, Object amount, String currency, String clause, String justification) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("category", category);
        b.put("amount", amount);
        b.put("currency", currency);
        b.put("policyClause", clause);
        b.put("justification", justification);
        return b;
    }

    private static Map<String, Object> valid() {
        return body("housing", "1500.00", "EUR", "GM-4.2", "Family of five needs a larger flat near the school");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> b = valid();
        if (value == null) {
            b.remove(field);
        } else {
            b.put(field, value);
        }
        return b;
    }

    private void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
    }

    private int exceptionsOf(long caseId) {
        ResponseEntity<JsonNode> r = Api.as(port, "admin").get("/api/cases/" + caseId + "/policy-exceptions");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return r.getBody().size();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(e -> out.add(e.get("id").asLong()));
        return out;
    }

    @Test
    void anExceptionInAForeignCurrencyIsRegisteredInTheReportingCurrencyListedSearchableAndLogged() {
        String costCentre = uniqueCostCentre();
        JsonNode c = caseInIntake(costCentre);
        long caseId = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();

        ResponseEntity<JsonNode> r = Api.as(port, "manager").post("/api/cases/" + caseId + "/policy-exceptions",
                body("schooling", "1234.56", "USD", "SCH-2.1", "  International school fees above the cap for grade 7  "));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        JsonNode e = r.getBody();
        long id = e.get("id").asLong();
        assertThat(r.getHeaders().getLocation().toString()).isEqualTo("/api/policy-exceptions/" + id);
        assertThat(e.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(e.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(e.get("category").asText()).isEqualTo("schooling");
        assertThat(e.get("amount").decimalValue()).isEqualByComparingTo("1234.56");
        assertThat(e.get("currency").asText()).isEqualTo("USD");
        // USD -> EUR: the inverse of the demo EUR/USD rate, rounded once to cents, half-even
        BigDecimal expected = new BigDecimal("1234.56").multiply(BigDecimal.ONE.divide(EUR_USD, MathContext.DECIMAL64))
                .setScale(2, RoundingMode.HALF_EVEN);
        assertThat(expected).isEqualByComparingTo("1059.71");
        assertThat(e.get("reportingAmount").decimalValue()).isEqualByComparingTo(expected);
        assertThat(e.get("policyClause").asText()).isEqualTo("SCH-2.1");
        assertThat(e.get("justification").asText()).isEqualTo("International school fees above the cap for grade 7");
        assertThat(e.get("costCentre").asText()).isEqualTo(costCentre);
        assertThat(e.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(e.get("requestedBy").asText()).isEqualTo("manager");
        assertThat(e.get("requestedAt").asText()).isNotBlank();
        assertThat(e.hasNonNull("decidedBy")).isFalse();

        Api reporting = Api.as(port, "hradmin");
        JsonNode one = reporting.get("/api/policy-exceptions/" + id).getBody();
        assertThat(one.get("reportingAmount").decimalValue()).isEqualByComparingTo(expected);
        assertThat(one.get("caseNumber").asText()).isEqualTo(caseNumber);
        // the manager who asked it reads the case's exceptions from then on (an exception asked is a step of theirs)
        assertThat(ids(Api.as(port, "manager").get("/api/cases/" + caseId + "/policy-exceptions").getBody())).containsExactly(id);

        assertThat(ids(reporting.get("/api/policy-exceptions?caseId=" + caseId).getBody())).containsExactly(id);
        assertThat(ids(reporting.get("/api/policy-exceptions?costCentre=" + costCentre).getBody())).containsExactly(id);
        assertThat(ids(reporting.get("/api/policy-exceptions?costCentre=" + costCentre + "&category=schooling&status=REQUESTED").getBody()))
                .containsExactly(id);
        assertThat(ids(reporting.get("/api/policy-exceptions?caseId=" + caseId + "&category=housing").getBody())).isEmpty();
        assertThat(ids(reporting.get("/api/policy-exceptions?caseId=" + caseId + "&status=APPROVED").getBody())).isEmpty();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ids(reporting.get("/api/policy-exceptions?caseId=" + caseId + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .getBody())).containsExactly(id);
        assertThat(ids(reporting.get("/api/policy-exceptions?caseId=" + caseId + "&from=" + today.minusDays(30) + "&to=" + today.minusDays(2))
                .getBody())).isEmpty();
        JsonNode byCategory = reporting.get("/api/policy-exceptions?category=schooling&size=200").getBody();
        assertThat(ids(byCategory)).contains(id);
        byCategory.forEach(x -> assertThat(x.get("category").asText()).isEqualTo("schooling"));

        JsonNode log = Api.as(port, "specialist").get("/api/cases/" + caseId + "/decision-log").getBody();
        assertThat(log.get("verified").asBoolean()).isTrue();
        assertThat(log.get("entries")).anySatisfy(entry -> {
            assertThat(entry.get("kind").asText()).isEqualTo("POLICY_EXCEPTION");
            assertThat(entry.get("subject").asText()).isEqualTo("exception-" + id);
            assertThat(entry.get("actor").asText()).isEqualTo("manager");
            assertThat(entry.get("details").get("currency").asText()).isEqualTo("USD");
            assertThat(entry.get("details").get("status").asText()).isEqualTo("REQUESTED");
        });

        assertThat(reporting.get("/api/policy-exceptions/999999999").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void everyBadInputIsA400NamingTheFieldAndWritesNothing() {
        JsonNode c = caseInIntake(uniqueCostCentre());
        long caseId = c.get("id").asLong();
        String path = "/api/cases/" + caseId + "/policy-exceptions";
        Api specialist = Api.as(port, "specialist");
        int before = exceptionsOf(caseId);

        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("amount", with("amount", "-100"));
        bad.put("amount ", with("amount", "0"));
        bad.put(" amount", with("amount", 0));
        bad.put("  amount", with("amount", "abc"));
        bad.put("amount  ", with("amount", "10.123"));
        bad.put("   amount", jpy("10.5"));
        bad.put("amount   ", with("amount", null));
        bad.put("    amount", with("amount", "10000000.01"));
        bad.put("currency", with("currency", "EURO"));
        bad.put("currency ", with("currency", "XYZ"));
        bad.put(" currency", with("currency", "eur"));
        bad.put("  currency", with("currency", null));
        bad.put("justification", with("justification", null));
        bad.put("justification ", with("justification", "too short"));
        bad.put(" justification", with("justification", "          "));
        bad.put("category", with("category", "nope"));
        bad.put("category ", with("category", null));
        bad.put("policyClause", with("policyClause", null));
        bad.put("policyClause ", with("policyClause", "x".repeat(41)));
        bad.forEach((field, b) -> assertBadRequest(specialist.post(path, b), field.trim()));

        // no rate in effect: only checked once every other field is right
        Map<String, Object> noRate = with("currency", "ISK");
        noRate.put("amount", "150000");
        ResponseEntity<JsonNode> r = specialist.post(path, noRate);
        assertBadRequest(r, "currency");
        assertThat(r.getBody().get("fieldErrors").get("currency").asText()).contains("exchange rate");

        // several bad fields at once: each is named
        ResponseEntity<JsonNode> several = specialist.post(path, body("nope", "-1", "XYZ", null, "short"));
        assertThat(several.getStatusCode().value()).isEqualTo(400);
        assertThat(several.getBody().get("fieldErrors").properties()).extracting(Map.Entry::getKey)
                .contains("category", "amount", "currency", "policyClause", "justification");

        assertBadRequest(specialist.postRaw(path, "{", Map.of()), "body");
        // JSON numbers: one too large for a double, one with too many decimals, an object
        for (String amount : List.of("1e400", "10.123", "-5", "{\"value\": 10}", "true")) {
            assertBadRequest(specialist.postRaw(path, "{\"category\": \"housing\", \"amount\": " + amount + ", \"currency\": \"EUR\", "
                    + "\"policyClause\": \"GM-4.2\", \"justification\": \"A perfectly fine reason\"}", Map.of()), "amount");
        }
        assertBadRequest(specialist.postRaw(path, "{\"category\": \"housing\", \"amount\": \"1500\", \"currency\": \"EUR\", "
                + "\"policyClause\": \"GM-4.2\", \"justification\": \"A perfectly fine reason\", \"approved\": true}", Map.of()), "approved");

        assertThat(exceptionsOf(caseId)).as("exceptions written").isEqualTo(before).isZero();
        assertThat(Api.as(port, "admin").get("/api/cases/" + caseId + "/decision-log").getBody().get("entries").findValuesAsText("kind"))
                .doesNotContain("POLICY_EXCEPTION");

        // the same request, well formed, is accepted: the bad ones failed for their field only
        assertThat(specialist.post(path, valid()).getStatusCode().value()).isEqualTo(201);
        assertThat(specialist.post(path, jpy("150000")).getStatusCode().value()).isEqualTo(201);
        assertThat(exceptionsOf(caseId)).isEqualTo(before + 2);
    }

    private static Map<String, Object> jpy(String amount) {
        Map<String, Object> b = with("currency", "JPY");
        b.put("amount", amount);
        return b;
    }

    @Test
    void aCaseNoLongerInIntakeOrUnknownIsRefused() {
        JsonNode c = caseInIntake(uniqueCostCentre());
        long caseId = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        Api specialist = Api.as(port, "specialist");
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(caseId, caseNumber);

        ResponseEntity<JsonNode> r = specialist.post("/api/cases/" + caseId + "/policy-exceptions", valid());
        assertBadRequest(r, "caseId");
        assertThat(exceptionsOf(caseId)).isZero();

        ResponseEntity<JsonNode> unknown = specialist.post("/api/cases/999999999/policy-exceptions", valid());
        assertThat(unknown.getStatusCode().value()).as("%s", unknown.getBody()).isEqualTo(404);
        assertThat(specialist.get("/api/cases/999999999/policy-exceptions").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void rolesAndAuthentication() {
        JsonNode c = caseInIntake(uniqueCostCentre());
        long caseId = c.get("id").asLong();
        String path = "/api/cases/" + caseId + "/policy-exceptions";
        assertThat(Api.anonymous(port).post(path, valid()).getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/api/policy-exceptions").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(port, "employee").post(path, valid()).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "finance").post(path, valid()).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "hrlead").post(path, valid()).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").get(path).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").get("/api/policy-exceptions").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").get("/api/policy-exceptions/summary").getStatusCode().value()).isEqualTo(403);
        assertThat(exceptionsOf(caseId)).isZero();
        assertThat(Api.as(port, "admin").post(path, valid()).getStatusCode().value()).isEqualTo(201);
        assertThat(Api.as(port, "hradmin").get(path).getStatusCode().value()).isEqualTo(200);
        // a case finance neither approves nor answers for the cost centre of: as if it did not exist
        assertThat(Api.as(port, "finance").get(path).getStatusCode().value()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status | status=BAD",
            "status | status=approved",
            "category | category=nope",
            "to | from=2026-06-10&to=2026-06-01",
            "to | from=2010-01-01&to=2026-01-01",
            "from | from=2026-13-01",
            "size | size=0",
            "size | size=201",
            "page | page=-1",
            "page | page=2147483647",
            "page | page=99999999999",
            "caseId | caseId=abc"})
    void badSearchParametersAreA400(String field, String query) {
        assertBadRequest(Api.as(port, "specialist").get("/api/policy-exceptions?" + query), field);
    }

    @Test
    void badSummaryPeriodsAreA400() {
        assertBadRequest(Api.as(port, "finance").get("/api/policy-exceptions/summary?from=2026-06-10&to=2026-06-01"), "to");
        assertBadRequest(Api.as(port, "finance").get("/api/policy-exceptions/summary?from=2026-02-30"), "from");
    }

    @Test
    void anExceptionTheHrLeadApprovesCountsInTheSummaryAndJoinsTheEstimate() {
        JsonNode c = caseInIntake(uniqueCostCentre());
        long caseId = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        Api specialist = Api.as(port, "specialist");
        ResponseEntity<JsonNode> asked = specialist.post("/api/cases/" + caseId + "/policy-exceptions",
                body("home-leave", "2400", "EUR", "HL-1", "An extra home-leave trip for a family emergency"));
        assertThat(asked.getStatusCode().value()).as("%s", asked.getBody()).isEqualTo(201);
        long id = asked.getBody().get("id").asLong();

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(caseId, caseNumber);

        JsonNode decided = Api.as(port, "hradmin").get("/api/policy-exceptions/" + id).getBody();
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("hrlead");
        assertThat(decided.get("decidedAt").asText()).isNotBlank();
        assertThat(ids(Api.as(port, "hradmin").get("/api/policy-exceptions?caseId=" + caseId + "&status=APPROVED").getBody()))
                .containsExactly(id);
        assertThat(Api.as(port, "admin").get("/api/cases/" + caseId + "/decision-log").getBody().get("entries"))
                .filteredOn(e -> e.get("subject").asText().equals("exception-" + id)).hasSize(2)
                .last().satisfies(e -> assertThat(e.get("details").get("status").asText()).isEqualTo("APPROVED"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ResponseEntity<JsonNode> summary = Api.as(port, "hrlead").get("/api/policy-exceptions/summary?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1));
        assertThat(summary.getStatusCode().value()).as("%s", summary.getBody()).isEqualTo(200);
        assertThat(summary.getBody()).anySatisfy(row -> {
            assertThat(row.get("category").asText()).isEqualTo("home-leave");
            assertThat(row.get("requested").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(row.get("approved").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(row.get("approvedAmount").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("2400"));
            assertThat(row.get("reportingCurrency").asText()).isEqualTo("EUR");
            assertThat(row.get("casesAsking").asLong()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(row.get("casesOpened").asLong());
            assertThat(row.get("exceptionRate").decimalValue()).isGreaterThan(BigDecimal.ZERO).isLessThanOrEqualTo(BigDecimal.ONE);
        });
        List<String> categories = new ArrayList<>();
        summary.getBody().forEach(row -> categories.add(row.get("category").asText()));
        assertThat(categories).isSorted().doesNotHaveDuplicates();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode estimates = specialist.get("/api/cases/" + caseId + "/estimates").getBody();
            JsonNode latest = estimates.get(estimates.size() - 1);
            assertThat(latest.get("version").asInt()).isGreaterThan(1);
            assertThat(latest.get("lines")).anySatisfy(l -> {
                assertThat(l.get("category").asText()).isEqualTo("exception-home-leave");
                assertThat(l.get("amount").decimalValue()).isEqualByComparingTo("2400");
                assertThat(l.get("reportingAmount").decimalValue()).isEqualByComparingTo("2400");
            });
            assertThat(estimates.get(0).get("lines").findValuesAsText("category")).doesNotContain("exception-home-leave");
        });
    }
}
