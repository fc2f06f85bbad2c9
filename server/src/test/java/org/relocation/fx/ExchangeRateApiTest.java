package org.relocation.fx;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exchange-rate API: loading (201, or a 400 naming each bad field with nothing written), roles, the rate applied on a
 * day (effective dating, inverse, cross through EUR over the demo rates) and its 404. The tests load NZD, SEK and NOK
 * rates only, and remove them first (the demo rates from EUR are loaded at startup, as in the demo).
 */
@ServerTest
class ExchangeRateApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void removeTestRates() {
        jdbc.update("DELETE FROM exchange_rate WHERE base_currency IN ('NZD', 'SEK', 'NOK')");
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM exchange_rate", Long.class);
    }

    private static Map<String, Object> row(String base, String quote, Object rate, String effectiveFrom) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("baseCurrency", base);
        r.put("quoteCurrency", quote);
        r.put("rate", rate);
        r.put("effectiveFrom", effectiveFrom);
        return r;
    }

    private static Map<String, Object> body(String source, List<Map<String, Object>> rates) {
        Map<String, Object> b = new HashMap<>();
        b.put("source", source);
        b.put("rates", rates);
        return b;
    }

    private void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
    }

    @Test
    void financeLoadsRatesAndTheRateInEffectFollowsTheEffectiveDates() {
        ResponseEntity<JsonNode> r = Api.as(port, "finance").post("/api/exchange-rates", body("Riksbank 2026", List.of(
                row("NZD", "SEK", "6.1250", "2026-03-01"),
                row("NZD", "SEK", 6.3, "2026-09-01"))));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getHeaders().getLocation().toString()).isEqualTo("/api/exchange-rates?base=NZD");
        JsonNode loaded = r.getBody();
        assertThat(loaded.get("loaded").asInt()).isEqualTo(2);
        JsonNode first = loaded.get("rates").get(0);
        assertThat(first.get("id").asLong()).isPositive();
        assertThat(first.get("baseCurrency").asText()).isEqualTo("NZD");
        assertThat(first.get("quoteCurrency").asText()).isEqualTo("SEK");
        assertThat(first.get("rate").decimalValue()).isEqualByComparingTo("6.125");
        assertThat(first.get("effectiveFrom").asText()).isEqualTo("2026-03-01");
        assertThat(first.get("source").asText()).isEqualTo("Riksbank 2026");
        assertThat(first.get("loadedBy").asText()).isEqualTo("finance");
        assertThat(first.get("loadedAt").asText()).isNotBlank();
        assertThat(Api.as(port, "admin").post("/api/exchange-rates", body("Norges Bank", List.of(row("NOK", "NZD", "0.1550", "2026-03-01"))))
                .getStatusCode().value()).isEqualTo(201);

        Api specialist = Api.as(port, "specialist");
        assertApplied(specialist.get("/api/exchange-rates?base=NZD&quote=SEK&on=2026-08-31"), "6.125", "2026-03-01");
        // the documented address (GET /api/exchange-rates/applied) and the first one answer alike
        assertApplied(specialist.get("/api/exchange-rates/applied?base=NZD&quote=SEK&on=2026-09-01"), "6.3", "2026-09-01");
        assertApplied(specialist.get("/api/exchange-rates?base=NZD&quote=SEK&on=2026-09-02"), "6.3", "2026-09-01");
        JsonNode inverse = specialist.get("/api/exchange-rates?base=SEK&quote=NZD&on=2026-09-02").getBody();
        assertThat(inverse.get("baseCurrency").asText()).isEqualTo("SEK");
        assertThat(inverse.get("rate").decimalValue()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("6.3"), MathContext.DECIMAL64));
        assertThat(inverse.get("on").asText()).isEqualTo("2026-09-02");

        ResponseEntity<JsonNode> before = specialist.get("/api/exchange-rates?base=NZD&quote=SEK&on=2026-02-28");
        assertThat(before.getStatusCode().value()).isEqualTo(404);
        assertThat(before.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(before.getBody().get("detail").asText()).contains("NZD to SEK").contains("2026-02-28");

        JsonNode history = Api.as(port, "manager").get("/api/exchange-rates?base=NZD").getBody();
        assertThat(history.get("totalItems").asLong()).isEqualTo(2);
        assertThat(history.get("items").get(0).get("effectiveFrom").asText()).isEqualTo("2026-09-01");
        assertThat(history.get("items").get(1).get("effectiveFrom").asText()).isEqualTo("2026-03-01");
    }

    private static void assertApplied(ResponseEntity<JsonNode> r, String rate, String effectiveFrom) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody().get("rate").decimalValue()).isEqualByComparingTo(rate);
        assertThat(r.getBody().get("effectiveFrom").asText()).isEqualTo(effectiveFrom);
    }

    @Test
    void theDemoRatesAreLoadedAndGiveCrossRatesThroughEur() {
        JsonNode eur = Api.as(port, "finance").get("/api/exchange-rates?base=EUR&size=200").getBody();
        List<String> demo = new ArrayList<>();
        eur.get("items").forEach(i -> {
            if (i.get("source").asText().startsWith("Demo rates")) {
                demo.add(i.get("quoteCurrency").asText() + "@" + i.get("effectiveFrom").asText());
            }
        });
        for (String quote : List.of("USD", "GBP", "CHF", "SGD", "JPY", "CAD", "AUD", "AED", "INR", "CNY", "BRL")) {
            assertThat(demo).contains(quote + "@2026-01-01", quote + "@2026-10-01");
        }

        JsonNode cross = Api.as(port, "manager").get("/api/exchange-rates/applied?base=USD&quote=GBP&on=2026-11-15").getBody();
        BigDecimal expected = BigDecimal.ONE.divide(new BigDecimal("1.165"), MathContext.DECIMAL64).multiply(new BigDecimal("0.872"), MathContext.DECIMAL64);
        assertThat(cross.get("rate").decimalValue()).isEqualByComparingTo(expected);
        assertThat(cross.get("effectiveFrom").asText()).isEqualTo("2026-10-01");
        JsonNode same = Api.as(port, "manager").get("/api/exchange-rates?base=EUR&quote=EUR").getBody();
        assertThat(same.get("rate").decimalValue()).isEqualByComparingTo("1");
        assertThat(same.has("effectiveFrom")).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "rates[1].rate          | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\"}, {\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"NOK\", \"rate\": \"abc\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].rate          | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"-6.1\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].rate          | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": 0, \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].rate          | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.12345678901\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].rate          | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[1].quoteCurrency | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\"}, {\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"XYZ\", \"rate\": \"1.1\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].baseCurrency  | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"nzd\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].quoteCurrency | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"NZD\", \"rate\": \"1\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[0].effectiveFrom | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\"}]}",
            "rates[0].effectiveFrom | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-02-30\"}]}",
            "rates[0].effectiveFrom | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2099-01-01\"}]}",
            "rates[1].effectiveFrom | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\"}, {\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.2\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates[1].effectiveFrom | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\"}, {\"baseCurrency\": \"EUR\", \"quoteCurrency\": \"USD\", \"rate\": \"1.2\", \"effectiveFrom\": \"2026-10-01\"}]}",
            "rates[0].margin        | {\"source\": \"s\", \"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\", \"margin\": 1}]}",
            "source                 | {\"rates\": [{\"baseCurrency\": \"NZD\", \"quoteCurrency\": \"SEK\", \"rate\": \"6.1\", \"effectiveFrom\": \"2026-03-01\"}]}",
            "rates                  | {\"source\": \"s\", \"rates\": []}",
            "rates                  | {\"source\": \"s\"}",
            "rates                  | {\"source\": \"s\", \"rates\": [",
            "body                   | {",
            "body                   | not json"})
    void badInputIsA400NamingTheFieldAndWritesNothing(String field, String json) {
        long before = rows();
        assertBadRequest(Api.as(port, "finance").postRaw("/api/exchange-rates", json, Map.of()), field);
        assertThat(rows()).as("rows written").isEqualTo(before);
    }

    @Test
    void everyBadRowIsNamedAtOnce() {
        long before = rows();
        ResponseEntity<JsonNode> r = Api.as(port, "finance").post("/api/exchange-rates", body("s", List.of(
                row("NZD", "SEK", "6.1", "2026-03-01"),
                row("NZD", "ABC", "-1", null),
                row("SEK", "NZD", "1000001", "2026-03-01"))));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "rates[1].quoteCurrency", "rates[1].rate", "rates[1].effectiveFrom", "rates[2].rate");
        assertThat(r.getBody().get("fieldErrors").get("rates[1].quoteCurrency").asText()).contains("ISO 4217");
        assertThat(rows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "base  | base=eur&quote=USD",
            "base  | quote=USD",
            "quote | base=EUR&quote=XYZ",
            "quote | base=EUR&quote=",
            "on    | base=EUR&quote=USD&on=2026-13-01",
            "on    | base=EUR&on=2026-10-01",
            "base  | size=10",
            "size  | base=EUR&size=0",
            "size  | base=EUR&size=201",
            "page  | base=EUR&page=-1"})
    void badQueryParametersAreA400(String field, String query) {
        assertBadRequest(Api.as(port, "finance").get("/api/exchange-rates?" + query), field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "base  | base=eur&quote=USD",
            "base  | quote=USD",
            "quote | base=EUR",
            "quote | base=EUR&quote=XYZ",
            "on    | base=EUR&quote=USD&on=2026-13-01"})
    void badParametersOfTheAppliedRateAreA400(String field, String query) {
        assertBadRequest(Api.as(port, "finance").get("/api/exchange-rates/applied?" + query), field);
    }

    @Test
    void noRateInEffectIsA404() {
        ResponseEntity<JsonNode> r = Api.as(port, "finance").get("/api/exchange-rates/applied?base=NZD&quote=ZAR&on=2026-11-15");
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody().get("title").asText()).isEqualTo("No exchange rate");
        assertThat(r.getBody().get("detail").asText()).contains("NZD to ZAR").contains("2026-11-15");
        assertThat(Api.as(port, "finance").get("/api/exchange-rates?base=EUR&quote=USD&on=2025-12-31").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void rolesAndAuthentication() {
        long before = rows();
        Map<String, Object> b = body("s", List.of(row("NZD", "SEK", "6.1", "2026-03-01")));
        assertThat(Api.anonymous(port).get("/api/exchange-rates?base=EUR&quote=USD").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/exchange-rates", b).getStatusCode().value()).isEqualTo(401);
        for (String user : List.of("employee", "specialist", "manager", "hradmin", "owner")) {
            assertThat(Api.as(port, user).post("/api/exchange-rates", b).getStatusCode().value()).as(user).isEqualTo(403);
        }
        for (String user : List.of("employee", "hradmin", "owner")) {
            assertThat(Api.as(port, user).get("/api/exchange-rates?base=EUR&quote=USD").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get("/api/exchange-rates?base=EUR").getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(rows()).isEqualTo(before);
        for (String user : List.of("finance", "admin", "specialist", "manager")) {
            assertThat(Api.as(port, user).get("/api/exchange-rates?base=EUR&quote=USD&on=2026-11-15").getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(Api.as(port, user).get("/api/exchange-rates?base=EUR").getStatusCode().value()).as(user).isEqualTo(200);
        }
    }
}
