package org.relocation.tax;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tax API: loading tables (201, or a 400 naming the table, bracket and field with nothing written), reading the
 * table in effect by date, the illustrative demo tables, the calculation previews, and roles (finance loads and
 * calculates; specialists and HR administration read; employees and managers get 403). The tests load NZ and SE tables
 * only, and remove them first.
 */
@ServerTest
class TaxApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void removeTestTables() {
        jdbc.update("DELETE FROM tax_bracket WHERE tax_table_id IN (SELECT id FROM tax_table WHERE country IN ('NZ', 'SE'))");
        jdbc.update("DELETE FROM tax_table WHERE country IN ('NZ', 'SE')");
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tax_table", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM tax_bracket", Long.class);
    }

    /** 0 % to 10 000, 20 % to 50 000, top rate above; social security 10 % up to 60 000. */
    static Map<String, Object> nz(String effectiveFrom, String topRate) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("country", "NZ");
        t.put("currency", "NZD");
        t.put("effectiveFrom", effectiveFrom);
        t.put("name", "NZ test " + effectiveFrom);
        t.put("brackets", List.of(bracket(0, "0"), bracket(10000, "0.20"), bracket(50000, topRate)));
        t.put("socialSecurity", Map.of("employeeRate", "0.10", "annualCeiling", 60000));
        return t;
    }

    static Map<String, Object> bracket(Object lowerBound, Object rate) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("lowerBound", lowerBound);
        b.put("rate", rate);
        return b;
    }

    static Map<String, Object> load(String source, List<Map<String, Object>> tables) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("source", source);
        b.put("tables", tables);
        return b;
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
    }

    @Test
    void financeLoadsTablesAndTheTableInEffectFollowsTheEffectiveDates() {
        ResponseEntity<JsonNode> r = Api.as(port, "finance").post("/api/tax-tables", load("Tax desk 2026", List.of(
                nz("2026-03-01", "0.40"), nz("2027-01-01", "0.42"))));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getHeaders().getLocation().toString()).isEqualTo("/api/tax-tables?country=NZ");
        assertThat(r.getBody().get("loaded").asInt()).isEqualTo(2);
        JsonNode first = r.getBody().get("tables").get(0);
        assertThat(first.get("id").asLong()).isPositive();
        assertThat(first.get("country").asText()).isEqualTo("NZ");
        assertThat(first.get("currency").asText()).isEqualTo("NZD");
        assertThat(first.get("brackets")).hasSize(3);
        assertThat(first.get("brackets").get(2).get("lowerBound").decimalValue()).isEqualByComparingTo("50000");
        assertThat(first.get("brackets").get(2).get("rate").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(first.get("socialSecurity").get("annualCeiling").decimalValue()).isEqualByComparingTo("60000");
        assertThat(first.get("source").asText()).isEqualTo("Tax desk 2026");
        assertThat(first.get("loadedBy").asText()).isEqualTo("finance");

        Api specialist = Api.as(port, "specialist");
        JsonNode before2027 = specialist.get("/api/tax-tables/in-effect?country=NZ&on=2026-12-31").getBody();
        assertThat(before2027.get("effectiveFrom").asText()).isEqualTo("2026-03-01");
        JsonNode from2027 = specialist.get("/api/tax-tables/in-effect?country=NZ&on=2027-01-01").getBody();
        assertThat(from2027.get("effectiveFrom").asText()).isEqualTo("2027-01-01");
        assertThat(from2027.get("brackets").get(2).get("rate").decimalValue()).isEqualByComparingTo("0.42");
        ResponseEntity<JsonNode> none = specialist.get("/api/tax-tables/in-effect?country=NZ&on=2026-02-28");
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(none.getBody().get("detail").asText()).contains("NZ").contains("2026-02-28");

        JsonNode history = Api.as(port, "hradmin").get("/api/tax-tables?country=NZ").getBody();
        assertThat(history.get("totalItems").asLong()).isEqualTo(2);
        assertThat(history.get("items").get(0).get("effectiveFrom").asText()).isEqualTo("2027-01-01");

        // loaded tables are never changed
        ResponseEntity<JsonNode> again = Api.as(port, "admin").post("/api/tax-tables", load("again", List.of(nz("2026-03-01", "0.45"))));
        assertBadRequest(again, "tables[0].effectiveFrom");
    }

    @Test
    void theIllustrativeDemoTablesAreLoadedForTheDemoCountries() {
        JsonNode all = Api.as(port, "finance").get("/api/tax-tables?size=100").getBody();
        List<String> demo = new ArrayList<>();
        all.get("items").forEach(t -> {
            if (t.get("source").asText().contains("illustrative")) {
                assertThat(t.get("name").asText()).contains("(illustrative)");
                demo.add(t.get("country").asText() + ":" + t.get("currency").asText());
            }
        });
        assertThat(demo).contains("GB:GBP", "DE:EUR", "NL:EUR", "FR:EUR", "US:USD", "BR:BRL", "JP:JPY", "SG:SGD", "IN:INR");
        JsonNode us = Api.as(port, "specialist").get("/api/tax-tables/in-effect?country=US&on=2026-06-30").getBody();
        assertThat(us.get("socialSecurity").get("annualCeiling").decimalValue()).isEqualByComparingTo("176100");
        JsonNode nl = Api.as(port, "specialist").get("/api/tax-tables/in-effect?country=NL&on=2026-06-30").getBody();
        assertThat(nl.get("socialSecurity").has("annualCeiling")).as("no ceiling").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tables[0].country                      | {\"source\": \"s\", \"tables\": [{\"country\": \"XX\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].currency                     | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"EUR\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].brackets[1].rate             | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}, {\"lowerBound\": 100, \"rate\": \"abc\"}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[1].brackets[2].rate             | {\"source\": \"s\", \"tables\": [{\"country\": \"SE\", \"currency\": \"SEK\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}, {\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}, {\"lowerBound\": 100, \"rate\": 0.3}, {\"lowerBound\": 200, \"rate\": 0.2}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].brackets[0].lowerBound       | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 10, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].brackets[1].rate             | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}, {\"lowerBound\": 100, \"rate\": 1.2}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].socialSecurity.employeeRate  | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {}}]}",
            "tables[0].socialSecurity.annualCeiling | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1, \"annualCeiling\": -5}}]}",
            "tables[0].effectiveFrom                | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2099-01-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[1].effectiveFrom                | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}, {\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"m\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].name                         | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables[0].brackets[0].allowance        | {\"source\": \"s\", \"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0, \"allowance\": 1}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "source                                 | {\"tables\": [{\"country\": \"NZ\", \"currency\": \"NZD\", \"effectiveFrom\": \"2026-03-01\", \"name\": \"n\", \"brackets\": [{\"lowerBound\": 0, \"rate\": 0}], \"socialSecurity\": {\"employeeRate\": 0.1}}]}",
            "tables                                 | {\"source\": \"s\", \"tables\": []}",
            "body                                   | not json"})
    void badInputIsA400NamingTheTableAndFieldAndWritesNothing(String field, String json) {
        long before = rows();
        assertBadRequest(Api.as(port, "finance").postRaw("/api/tax-tables", json, Map.of()), field);
        assertThat(rows()).as("rows written").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "country | /api/tax-tables/in-effect",
            "country | /api/tax-tables/in-effect?country=nz",
            "on      | /api/tax-tables/in-effect?country=NZ&on=2026-13-01",
            "country | /api/tax-tables?country=XX",
            "size    | /api/tax-tables?size=101",
            "page    | /api/tax-tables?page=-1"})
    void badQueryParametersAreA400(String field, String path) {
        assertBadRequest(Api.as(port, "specialist").get(path), field);
    }

    @Test
    void financePreviewsHypotheticalTaxGrossUpAndSettlement() {
        Api finance = Api.as(port, "finance");
        assertThat(finance.post("/api/tax-tables", load("t", List.of(nz("2026-03-01", "0.40")))).getStatusCode().value()).isEqualTo(201);

        // 62 500 NZD: income tax 8 000 + 40 % of 12 500 = 13 000; social security 10 % of the 60 000 ceiling = 6 000
        JsonNode hypo = finance.post("/api/tax-calculations/hypothetical-tax", Map.of("homeCountry", "NZ", "annualSalary", 62500,
                "currency", "NZD", "on", "2026-06-30")).getBody();
        assertThat(hypo.get("incomeTax").decimalValue()).isEqualByComparingTo("13000.00");
        assertThat(hypo.get("socialSecurity").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(hypo.get("hypotheticalTax").decimalValue()).isEqualByComparingTo("19000.00");
        assertThat(hypo.get("monthlyWithholding")).hasSize(12);
        assertThat(hypo.get("monthlyWithholding").get(0).decimalValue()).isEqualByComparingTo("1583.33");
        assertThat(hypo.get("monthlyWithholding").get(11).decimalValue()).isEqualByComparingTo("1583.37");
        assertThat(hypo.has("exchangeRate")).isFalse();

        // a EUR salary for the GB demo table: 100 000 EUR at the demo's 0.8735 GBP = 87 350 GBP;
        // 7 540 + 40 % of 37 080 = 22 372 income tax; 8 % of the 50 270 ceiling = 4 021.60
        JsonNode gb = finance.post("/api/tax-calculations/hypothetical-tax", Map.of("homeCountry", "GB", "annualSalary", "100000",
                "currency", "EUR", "on", "2026-06-30")).getBody();
        assertThat(gb.get("currency").asText()).isEqualTo("GBP");
        assertThat(gb.get("taxableSalary").decimalValue()).isEqualByComparingTo("87350.00");
        assertThat(gb.get("hypotheticalTax").decimalValue()).isEqualByComparingTo("26393.60");
        assertThat(gb.get("exchangeRate").get("rate").decimalValue()).isEqualByComparingTo("0.8735");

        JsonNode gross = finance.post("/api/tax-calculations/gross-up", Map.of("country", "NZ", "currency", "NZD",
                "baseIncome", 45000, "netAllowance", 10000, "on", "2026-06-30")).getBody();
        assertThat(gross.get("grossAllowance").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(gross.get("taxOnAllowance").decimalValue()).isEqualByComparingTo("7500.00");
        assertThat(gross.get("iterations").asInt()).isBetween(2, 6);
        assertBadRequest(finance.post("/api/tax-calculations/gross-up", Map.of("country", "NZ", "currency", "EUR",
                "baseIncome", 45000, "netAllowance", 10000, "on", "2026-06-30")), "currency");

        Map<String, Object> settlement = new LinkedHashMap<>();
        settlement.put("taxYear", 2026);
        settlement.put("approach", "EQUALISATION");
        settlement.put("currency", "EUR");
        settlement.put("hypotheticalTax", 20000);
        settlement.put("hypotheticalTaxWithheld", 18000);
        settlement.put("actualTaxes", List.of(Map.of("country", "DE", "amount", 25000, "paidBy", "COMPANY"),
                Map.of("country", "GB", "amount", 1000, "paidBy", "COMPANY")));
        JsonNode settled = finance.post("/api/tax-calculations/settlement", settlement).getBody();
        assertThat(settled.get("amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(settled.get("direction").asText()).isEqualTo("OWED_BY_EMPLOYEE");
        assertThat(settled.get("companyTaxCost").decimalValue()).isEqualByComparingTo("6000.00");
        settlement.put("approach", "PROTECTION");
        settlement.put("actualTaxes", List.of(Map.of("country", "DE", "amount", 14000, "paidBy", "COMPANY")));
        settlement.put("hypotheticalTaxWithheld", 20000);
        JsonNode protectedSettlement = finance.post("/api/tax-calculations/settlement", settlement).getBody();
        assertThat(protectedSettlement.get("direction").asText()).isEqualTo("OWED_TO_EMPLOYEE");
        assertThat(protectedSettlement.get("amount").decimalValue()).isEqualByComparingTo("6000.00");
    }

    @Test
    void aGrossUpThatCannotConvergeIsA422AndNoTableIsA404() {
        Map<String, Object> confiscatory = nz("2026-03-01", "0.40");
        confiscatory.put("country", "SE");
        confiscatory.put("currency", "SEK");
        confiscatory.put("brackets", List.of(bracket(0, "0.70")));
        confiscatory.put("socialSecurity", Map.of("employeeRate", "0.35"));
        Api finance = Api.as(port, "finance");
        assertThat(finance.post("/api/tax-tables", load("t", List.of(confiscatory))).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> r = finance.post("/api/tax-calculations/gross-up", Map.of("country", "SE", "currency", "SEK",
                "baseIncome", 45123, "netAllowance", 10456, "on", "2026-06-30"));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).contains("SE").contains("100 %").doesNotContain("45123").doesNotContain("10456");
        assertThat(finance.post("/api/tax-calculations/hypothetical-tax", Map.of("homeCountry", "NZ", "annualSalary", 1,
                "currency", "NZD", "on", "2026-06-30")).getStatusCode().value()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "annualSalary | /api/tax-calculations/hypothetical-tax | {\"homeCountry\": \"GB\", \"annualSalary\": -98765, \"currency\": \"GBP\"}",
            "homeCountry  | /api/tax-calculations/hypothetical-tax | {\"annualSalary\": 1, \"currency\": \"GBP\"}",
            "currency     | /api/tax-calculations/hypothetical-tax | {\"homeCountry\": \"GB\", \"annualSalary\": 1, \"currency\": \"XYZ\"}",
            "netAllowance | /api/tax-calculations/gross-up         | {\"country\": \"GB\", \"currency\": \"GBP\", \"baseIncome\": 1}",
            "on           | /api/tax-calculations/gross-up         | {\"country\": \"GB\", \"currency\": \"GBP\", \"baseIncome\": 1, \"netAllowance\": 1, \"on\": \"tomorrow\"}",
            "approach     | /api/tax-calculations/settlement       | {\"taxYear\": 2026, \"currency\": \"EUR\", \"hypotheticalTax\": 1, \"hypotheticalTaxWithheld\": 1, \"actualTaxes\": []}",
            "approach     | /api/tax-calculations/settlement       | {\"taxYear\": 2026, \"approach\": \"SOMETIMES\", \"currency\": \"EUR\", \"actualTaxes\": []}",
            "hypotheticalTaxWithheld | /api/tax-calculations/settlement | {\"taxYear\": 2026, \"approach\": \"LAISSEZ_FAIRE\", \"currency\": \"EUR\", \"hypotheticalTaxWithheld\": 5, \"actualTaxes\": []}",
            "actualTaxes[0].paidBy   | /api/tax-calculations/settlement | {\"taxYear\": 2026, \"approach\": \"EQUALISATION\", \"currency\": \"EUR\", \"hypotheticalTax\": 1, \"hypotheticalTaxWithheld\": 1, \"actualTaxes\": [{\"country\": \"DE\", \"amount\": 5}]}",
            "taxYear      | /api/tax-calculations/settlement       | {\"approach\": \"EQUALISATION\", \"currency\": \"EUR\", \"hypotheticalTax\": 1, \"hypotheticalTaxWithheld\": 1, \"actualTaxes\": []}"})
    void badCalculationInputIsA400NamingTheField(String field, String path, String json) {
        ResponseEntity<JsonNode> r = Api.as(port, "finance").postRaw(path, json, Map.of());
        assertBadRequest(r, field);
        assertThat(r.getBody().toString()).as("no amount echoed").doesNotContain("98765");
    }

    @Test
    void rolesAndAuthentication() {
        long before = rows();
        Map<String, Object> body = load("s", List.of(nz("2026-03-01", "0.40")));
        Map<String, Object> calc = Map.of("homeCountry", "GB", "annualSalary", 50000, "currency", "GBP");
        assertThat(Api.anonymous(port).get("/api/tax-tables").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/tax-tables", body).getStatusCode().value()).isEqualTo(401);
        for (String user : List.of("employee", "manager", "specialist", "hradmin", "owner")) {
            assertThat(Api.as(port, user).post("/api/tax-tables", body).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/tax-calculations/hypothetical-tax", calc).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/tax-calculations/gross-up", Map.of()).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/tax-calculations/settlement", Map.of()).getStatusCode().value()).as(user).isEqualTo(403);
        }
        for (String user : List.of("employee", "manager", "owner")) {
            assertThat(Api.as(port, user).get("/api/tax-tables").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get("/api/tax-tables/in-effect?country=DE").getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(rows()).isEqualTo(before);
        for (String user : List.of("finance", "admin", "specialist", "hradmin")) {
            assertThat(Api.as(port, user).get("/api/tax-tables/in-effect?country=DE&on=2026-11-15").getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(Api.as(port, user).get("/api/tax-tables").getStatusCode().value()).as(user).isEqualTo(200);
        }
        assertThat(Api.as(port, "admin").post("/api/tax-calculations/hypothetical-tax", calc).getStatusCode().value()).isEqualTo(200);
    }
}
