package org.relocation.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payments API through HTTP: who reads and who writes, every bad field a 400 naming it with nothing written, rules
 * a 409 with a sentence, and the case, ledger and chargeback figures against a hand-computed set:
 * <pre>
 *   housing 1000.00 EUR monthly 2027-03-01 .. 2027-05-01      committed 1000.00 in 2027-03, 2027-04, 2027-05
 *   travel  1172.00 USD due 2026-06-01 (1 EUR = 1.1720 USD)    1000.00 committed; paid 2026-12-01 (1.1650): actual 1006.01 in 2026-12
 *   travel   500.00 EUR due 2026-11-15, paid 2026-12-02         actual 500.00 in 2026-12
 *   other    250.00 EUR due 2027-04-10, cancelled               nowhere
 *   => committed 3000.00, actual 1506.01; chargeback 2026-12: 1506.01 (2 payments); variance = budget - 4506.01
 * </pre>
 */
@ServerTest
class PaymentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    PolicyService policy;
    @Autowired
    CostEstimator estimator;
    @Autowired
    PaymentLedger ledger;

    private RelocationCase open(String costCentre) {
        return LedgerCases.longTerm(cases, policy, estimator, costCentre);
    }

    private static ObjectNode oneOff(String category, String amount, String currency, String due) {
        ObjectNode n = Api.JSON.createObjectNode();
        n.put("category", category);
        n.put("amount", new BigDecimal(amount));
        n.put("currency", currency);
        n.put("dueDate", due);
        n.put("taxable", false);
        n.put("description", "Test payment");
        return n;
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
        assertThat(r.getBody().get("fieldErrors").get(field).asText()).as("a sentence").contains(" ");
    }

    /** Each row as "[costCentre ]month committed actual[ payments]", amounts with two decimals (the JSON numbers as written). */
    private static List<String> rows(JsonNode months) {
        List<String> rows = new java.util.ArrayList<>();
        for (JsonNode m : months) {
            rows.add((m.has("costCentre") ? m.get("costCentre").asText() + " " : "") + m.get("month").asText() + " "
                    + m.get("committed").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " "
                    + m.get("actual").decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                    + (m.has("payments") ? " " + m.get("payments").asInt() : ""));
        }
        return rows;
    }

    private long record(Api as, long caseId, ObjectNode body) {
        ResponseEntity<JsonNode> r = as.post("/api/cases/" + caseId + "/payments", body);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    private JsonNode move(String user, long caseId, long paymentId, String action, Object body, int status) {
        ResponseEntity<JsonNode> r = Api.as(port, user).post("/api/cases/" + caseId + "/payments/" + paymentId + "/" + action, body);
        assertThat(r.getStatusCode().value()).as("%s %s: %s", user, action, r.getBody()).isEqualTo(status);
        return r.getBody();
    }

    @Test
    void theFiguresOfTheCaseTheLedgerAndTheChargebackAreTheHandComputedOnes() {
        String cc = "CC-PAY-" + System.nanoTime() % 100_000;
        RelocationCase c = open(cc);
        long id = c.getId();
        ledger.schedule(id, new PaymentLedger.AllowanceSchedule("PI-" + id + "-v1", "housing", new BigDecimal("1000.00"), "EUR",
                Frequency.MONTHLY, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 1), true, null, null, null), "payroll-instructions");
        Api specialist = Api.as(port, "specialist");
        long usd = record(specialist, id, oneOff("travel", "1172.00", "USD", "2026-06-01"));
        long eur = record(specialist, id, oneOff("travel", "500.00", "EUR", "2026-11-15"));
        long other = record(specialist, id, oneOff("other", "250.00", "EUR", "2027-04-10"));
        move("finance", id, usd, "approve", Map.of(), 200);
        move("finance", id, usd, "paid", Map.of("paidOn", "2026-12-01"), 200);
        move("finance", id, eur, "approve", Map.of(), 200);
        JsonNode paid = move("admin", id, eur, "paid", Map.of("paidOn", "2026-12-02"), 200);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("paidBy").asText()).isEqualTo("admin");
        JsonNode cancelled = move("finance", id, other, "cancel", Map.of("reason", "Booked twice"), 200);
        assertThat(cancelled.get("cancelledBy").asText()).isEqualTo("finance");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("Booked twice");

        BigDecimal budget = LedgerCases.budget(estimator, id).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal variance = budget.subtract(new BigDecimal("4506.01"));
        JsonNode mine = Api.as(port, "finance").get("/api/cases/" + id + "/payments").getBody();
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");
        assertThat(mine.get("budget").decimalValue()).isEqualByComparingTo(budget);
        assertThat(mine.get("committed").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(mine.get("actual").decimalValue()).isEqualByComparingTo("1506.01");
        assertThat(mine.get("variance").decimalValue()).isEqualByComparingTo(variance);
        assertThat(mine.get("variancePercent").decimalValue()).isEqualByComparingTo(variance.multiply(BigDecimal.valueOf(100))
                .divide(budget, 2, RoundingMode.HALF_EVEN));
        assertThat(rows(mine.get("months"))).containsExactly("2026-12 0.00 1506.01", "2027-03 1000.00 0.00", "2027-04 1000.00 0.00",
                "2027-05 1000.00 0.00");
        JsonNode usdPayment = null;
        for (JsonNode p : mine.get("payments")) {
            if (p.get("id").asLong() == usd) {
                usdPayment = p;
            }
        }
        assertThat(usdPayment.get("reportingAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(usdPayment.get("rateOn").asText()).isEqualTo("2026-06-01");
        assertThat(usdPayment.get("paidReportingAmount").decimalValue()).isEqualByComparingTo("1006.01");
        assertThat(usdPayment.get("costCentre").asText()).isEqualTo(cc);

        JsonNode report = Api.as(port, "finance").get("/api/finance/ledger?from=2026-11&to=2027-05&costCentre=" + cc).getBody();
        assertThat(rows(report.get("months"))).containsExactly(cc + " 2026-12 0.00 1506.01 2", cc + " 2027-03 1000.00 0.00 1",
                cc + " 2027-04 1000.00 0.00 1", cc + " 2027-05 1000.00 0.00 1");
        JsonNode centre = report.get("costCentres").get(0);
        assertThat(centre.get("budget").decimalValue()).isEqualByComparingTo(budget);
        assertThat(centre.get("committed").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(centre.get("actual").decimalValue()).isEqualByComparingTo("1506.01");
        assertThat(centre.get("variance").decimalValue()).isEqualByComparingTo(variance);
        assertThat(centre.get("periodCommitted").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(centre.get("periodActual").decimalValue()).isEqualByComparingTo("1506.01");
        assertThat(centre.get("cases").asInt()).isEqualTo(1);
        assertThat(report.get("totals").get("actual").decimalValue()).isEqualByComparingTo("1506.01");
        // a shorter period sees only its months; the whole-life figures stay
        JsonNode april = Api.as(port, "hradmin").get("/api/finance/ledger?from=2027-04&to=2027-04&costCentre=" + cc).getBody();
        assertThat(april.get("months")).hasSize(1);
        assertThat(april.get("costCentres").get(0).get("periodCommitted").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(april.get("costCentres").get(0).get("committed").decimalValue()).isEqualByComparingTo("3000.00");

        JsonNode charge = Api.as(port, "finance").get("/api/finance/chargebacks?month=2026-12&costCentre=" + cc).getBody();
        assertThat(charge.get("month").asText()).isEqualTo("2026-12");
        assertThat(charge.get("total").decimalValue()).isEqualByComparingTo("1506.01");
        assertThat(charge.get("costCentres").get(0).get("payments").asInt()).isEqualTo(2);
        assertThat(charge.get("costCentres").get(0).get("cases").get(0).get("caseNumber").asText()).isEqualTo(c.getCaseNumber());
        assertThat(Api.as(port, "finance").get("/api/finance/chargebacks?month=2027-03&costCentre=" + cc).getBody().get("total").decimalValue())
                .as("committed is not charged back").isZero();

        String csv = Api.as(port, "finance").getText("/api/finance/ledger.csv?from=2026-11&to=2027-05&costCentre=" + cc);
        assertThat(csv).startsWith("cost_centre,month,committed,actual,payments,currency\r\n")
                .contains(cc + ",2026-12,0.00,1506.01,2,EUR\r\n").contains(cc + ",2027-05,1000.00,0.00,1,EUR\r\n");
    }

    @Test
    void eachRoleReadsAndWritesWhatItMay() {
        RelocationCase c = open("CC-PAY-R");
        long id = c.getId();
        String path = "/api/cases/" + id + "/payments";
        assertThat(Api.as(port, "finance").post(path, oneOff("travel", "10.00", "EUR", "2027-03-01")).getStatusCode().value()).isEqualTo(201);
        assertThat(Api.as(port, "admin").post(path, oneOff("travel", "10.00", "EUR", "2027-03-01")).getStatusCode().value()).isEqualTo(201);
        long cola = record(Api.as(port, "specialist"), id, oneOff("cost-of-living", "400.00", "EUR", "2027-03-01"));
        for (String user : List.of("manager", "employee", "hrlead", "hradmin", "director")) {
            assertThat(Api.as(port, user).post(path, oneOff("travel", "10.00", "EUR", "2027-03-01")).getStatusCode().value())
                    .as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).post(path, oneOff("travel", "10.00", "EUR", "2027-03-01")).getStatusCode().value()).isEqualTo(401);
        for (String user : List.of("specialist", "manager", "employee", "hradmin", "hrlead")) {
            assertThat(Api.as(port, user).post(path + "/" + cola + "/approve", Map.of()).getStatusCode().value()).as(user).isEqualTo(403);
        }

        // the salary-derived cost-of-living payment: finance, hr-admin, admin and the employee see it; the specialist and manager do not
        for (String user : List.of("finance", "hradmin", "admin", "employee")) {
            JsonNode r = Api.as(port, user).get(path).getBody();
            assertThat(r.get("payments")).as(user).hasSize(3);
        }
        for (String user : List.of("specialist", "manager")) {
            JsonNode r = Api.as(port, user).get(path).getBody();
            assertThat(r.get("payments")).as(user).hasSize(2);
            assertThat(r.get("budget").decimalValue()).as(user).isPositive();
        }
        JsonNode own = Api.as(port, "employee").get(path).getBody();
        assertThat(own.has("budget")).as("the employee sees no budget").isFalse();
        assertThat(own.has("variance")).isFalse();
        assertThat(own.get("payments").get(0).has("costCentre")).isFalse();
        for (String user : List.of("employee2", "manager2", "director")) {
            assertThat(Api.as(port, user).get(path).getStatusCode().value()).as(user).isEqualTo(404);
        }
        assertThat(Api.anonymous(port).get(path).getStatusCode().value()).isEqualTo(401);
        for (String report : List.of("/api/finance/ledger", "/api/finance/ledger.csv", "/api/finance/chargebacks?month=2027-03")) {
            for (String user : List.of("specialist", "manager", "employee", "hrlead", "director")) {
                assertThat(Api.as(port, user).getStatus(report)).as("%s %s", user, report).isEqualTo(403);
            }
            assertThat(Api.as(port, "finance").getStatus(report)).as(report).isEqualTo(200);
        }
        // another case's payment is not found under this case
        RelocationCase other = open("CC-PAY-R");
        assertThat(Api.as(port, "finance").post("/api/cases/" + other.getId() + "/payments/" + cola + "/approve", Map.of())
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void rulesAnswer409WithASentenceAndWriteNothing() {
        RelocationCase c = open("CC-PAY-409");
        long id = c.getId();
        String path = "/api/cases/" + id + "/payments";
        Api specialist = Api.as(port, "specialist");
        record(specialist, id, oneOff("housing", "3200.00", "EUR", "2027-05-01"));
        ResponseEntity<JsonNode> over = specialist.post(path, oneOff("housing", "0.01", "EUR", "2027-05-31"));
        assertThat(over.getStatusCode().value()).isEqualTo(409);
        assertThat(over.getBody().get("title").asText()).isEqualTo("Payment refused");
        assertThat(over.getBody().get("detail").asText()).contains("exceeds the housing cap of 3200.00 EUR a month");
        long p = record(Api.as(port, "finance"), id, oneOff("travel", "20.00", "EUR", "2027-03-01"));
        JsonNode self = move("finance", id, p, "approve", Map.of(), 409);
        assertThat(self.get("detail").asText()).contains("segregation of duties");
        move("admin", id, p, "approve", Map.of(), 200);
        assertThat(move("admin", id, p, "approve", Map.of(), 409).get("detail").asText()).contains("is APPROVED and cannot become APPROVED");
        move("admin", id, p, "cancel", Map.of("reason", "Not needed"), 200);
        assertThat(move("admin", id, p, "paid", Map.of("paidOn", "2026-12-01"), 409).get("detail").asText())
                .contains("a cancelled payment is final");
        assertThat(Api.as(port, "finance").get(path).getBody().get("payments")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "category          | {\"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "category          | {\"category\": \"pony\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "amount            | {\"category\": \"travel\", \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "amount            | {\"category\": \"travel\", \"amount\": 0, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "amount            | {\"category\": \"travel\", \"amount\": 10.001, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "amount            | {\"category\": \"travel\", \"amount\": 10.5, \"currency\": \"JPY\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "amount            | {\"category\": \"travel\", \"amount\": 10000001, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "amount            | {\"category\": \"travel\", \"amount\": \"ten\", \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "currency          | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EURO\", \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "currency          | {\"category\": \"travel\", \"amount\": 10, \"dueDate\": \"2027-03-01\", \"taxable\": false}",
            "dueDate           | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"taxable\": false}",
            "dueDate           | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-02-30\", \"taxable\": false}",
            "dueDate           | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2040-01-01\", \"taxable\": false}",
            "taxable           | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\"}",
            "route             | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false, \"route\": \"CHEQUE\"}",
            "costCentre        | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false, \"costCentre\": \" \"}",
            "description       | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false, \"description\": \"a\\nb\"}",
            "policyExceptionId | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false, \"policyExceptionId\": 987654321}",
            "colour            | {\"category\": \"travel\", \"amount\": 10, \"currency\": \"EUR\", \"dueDate\": \"2027-03-01\", \"taxable\": false, \"colour\": \"red\"}",
            "body              | not json"})
    void eachBadFieldIsA400NamingItAndNothingIsWritten(String field, String body) {
        RelocationCase c = open("CC-PAY-400");
        ResponseEntity<JsonNode> r = Api.as(port, "specialist").postRaw("/api/cases/" + c.getId() + "/payments", body, Map.of());
        assertBadRequest(r, field);
        assertThat(ledger.ofCase(c.getId())).isEmpty();
    }

    @Test
    void badMovesAndReportParametersAre400s() {
        RelocationCase c = open("CC-PAY-400");
        long id = c.getId();
        long p = record(Api.as(port, "specialist"), id, oneOff("travel", "20.00", "EUR", "2027-03-01"));
        move("finance", id, p, "approve", Map.of(), 200);
        Api finance = Api.as(port, "finance");
        String base = "/api/cases/" + id + "/payments/" + p;
        assertBadRequest(finance.post(base + "/paid", Map.of()), "paidOn");
        assertBadRequest(finance.post(base + "/paid", Map.of("paidOn", LocalDate.now().plusDays(3).toString())), "paidOn");
        assertBadRequest(finance.postRaw(base + "/paid", "{\"paidOn\": \"yesterday\"}", Map.of()), "paidOn");
        assertBadRequest(finance.post(base + "/cancel", Map.of()), "reason");
        assertBadRequest(finance.post(base + "/cancel", Map.of("reason", "x".repeat(501))), "reason");
        assertThat(finance.get("/api/cases/" + id + "/payments").getBody().get("payments").get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(finance.getStatus("/api/cases/" + id + "/payments/abc/approve")).isIn(400, 405);

        assertBadRequest(finance.get("/api/finance/ledger?from=2027-13"), "from");
        assertBadRequest(finance.get("/api/finance/ledger?from=2027-05&to=2027-04"), "to");
        assertBadRequest(finance.get("/api/finance/ledger?from=2017-01&to=2027-01"), "to");
        assertBadRequest(finance.get("/api/finance/ledger?costCentre=" + "C".repeat(41)), "costCentre");
        assertBadRequest(finance.get("/api/finance/ledger.csv?to=March"), "to");
        assertBadRequest(finance.get("/api/finance/chargebacks"), "month");
        assertBadRequest(finance.get("/api/finance/chargebacks?month=2027-3"), "month");
    }
}
