package org.relocation.finance;

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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Finance views: a case's latest estimate is forecast while it awaits approval and its approved estimate is committed
 * afterwards (cost centre and start quarter); a completed case's final cost is charged back; roles and parameters.
 */
@ServerTest
class FinanceApiTest {

    private static final String Q1_2027 = "from=2027-01-01&to=2027-03-31";

    @LocalServerPort
    int port;

    private static String uniqueCostCentre() {
        return "CC-FIN-" + System.nanoTime() % 100_000;
    }

    private JsonNode openCase(String costCentre, ObjectNode intake) {
        intake.put("costCentre", costCentre);
        return Api.as(port, "specialist").openCase(intake);
    }

    /** The spend rows of a cost centre for assignments starting in 2027-Q1. */
    private JsonNode spend(String costCentre) {
        ResponseEntity<JsonNode> r = Api.as(port, "finance").get("/api/finance/spend?" + Q1_2027 + "&costCentre=" + costCentre);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private JsonNode estimates(long caseId) {
        return Api.as(port, "specialist").get("/api/cases/" + caseId + "/estimates").getBody();
    }

    private void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
    }

    @Test
    void aCaseIsForecastUntilApprovedAndThenCommittedAtItsApprovedEstimate() {
        String costCentre = uniqueCostCentre();
        Api specialist = Api.as(port, "specialist");
        JsonNode c = openCase(costCentre, Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode rows = spend(costCentre);
            assertThat(rows).as("%s", rows).hasSize(1);
            JsonNode row = rows.get(0);
            assertThat(row.get("costCentre").asText()).isEqualTo(costCentre);
            assertThat(row.get("quarter").asText()).isEqualTo("2027-Q1");
            assertThat(row.get("currency").asText()).isEqualTo("EUR");
            assertThat(row.get("forecast").decimalValue()).isPositive();
            assertThat(row.get("committed").decimalValue()).isZero();
            assertThat(row.get("forecastCases").asInt()).isEqualTo(1);
            assertThat(row.get("committedCases").asInt()).isZero();
            JsonNode list = estimates(id);
            assertThat(row.get("forecast").decimalValue())
                    .isEqualByComparingTo(list.get(list.size() - 1).get("reportingTotal").get("amount").decimalValue());
        });
        // another quarter and another cost centre do not show the case
        assertThat(Api.as(port, "finance").get("/api/finance/spend?from=2027-04-01&to=2027-06-30&costCentre=" + costCentre).getBody()).isEmpty();
        assertThat(Api.as(port, "finance").get("/api/finance/spend?" + Q1_2027 + "&costCentre=" + costCentre + "-X").getBody()).isEmpty();

        specialist.approveAll(id, caseNumber);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode approved = null;
            for (JsonNode e : estimates(id)) {
                if (e.hasNonNull("approvedAt")) {
                    approved = e;
                }
            }
            assertThat(approved).as("an approved estimate version").isNotNull();
            JsonNode rows = spend(costCentre);
            assertThat(rows).hasSize(1);
            JsonNode row = rows.get(0);
            assertThat(row.get("quarter").asText()).isEqualTo("2027-Q1");
            assertThat(row.get("committed").decimalValue()).isPositive()
                    .isEqualByComparingTo(approved.get("reportingTotal").get("amount").decimalValue());
            assertThat(row.get("forecast").decimalValue()).isZero();
            assertThat(row.get("committedCases").asInt()).isEqualTo(1);
            assertThat(row.get("forecastCases").asInt()).isZero();
        });
        // without a cost centre the case is among all the rows, in its own
        JsonNode all = Api.as(port, "hradmin").get("/api/finance/spend?" + Q1_2027).getBody();
        assertThat(all).anySatisfy(row -> assertThat(row.get("costCentre").asText()).isEqualTo(costCentre));
    }

    @Test
    void aCompletedCaseIsChargedBackAtItsFinalCost() {
        String costCentre = uniqueCostCentre();
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
        ObjectNode partner = intake.putArray("dependents").addObject();
        partner.put("relationship", "PARTNER").put("fullName", "Pat Partner").put("nationality", "US").put("birthDate", "1990-05-01");
        JsonNode created = openCase(costCentre, intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", "Complete intake"));
        specialist.approveAll(id, caseNumber);
        Api employee = Api.as(port, "employee");
        employee.provideDocuments(id, caseNumber, "X7654321", "2031-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid", "validationComment", "All good"));
        specialist.completeTask(caseNumber, "record-kickoff-call",
                vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Specialist, employee, manager", "kickoffNotes", "Scope agreed"));
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", vars("payrollConfirmed", true, "payrollReference", "PR-2"));
        employee.completeTask(caseNumber, "confirm-benefits-enrolment",
                vars("healthPlan", "host-national", "pensionContinuation", "home", "enrolmentConfirmed", true));
        specialist.recordLease(caseNumber); // the home search's lease (destination services)
        specialist.completeTask(caseNumber, "confirm-arrival", vars("arrivalDate", "2027-03-01", "rtwDocumentType", "work-permit",
                "pd_rtwDocumentReference", "WP-112233", "rtwCheckDate", "2027-03-01", "rtwCheckMethod", "in-person",
                "rtwNextCheckDate", "2029-01-31"));
        assertThat(Api.as(port, "finance").get("/api/finance/chargeback?costCentre=" + costCentre).getBody())
                .as("not charged back before it closes").isEmpty();
        specialist.completeTask(caseNumber, "approve-case-closure", vars("closureConfirmed", true, "closureNotes", "Smooth move"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(specialist.caseDetails(id).get("status").asText()).isEqualTo("COMPLETED"));
        JsonNode c = specialist.caseDetails(id);
        JsonNode finalCost = c.get("finalCost");
        assertThat(finalCost.get("currency").asText()).isEqualTo("EUR");
        BigDecimal cost = finalCost.get("amount").decimalValue();
        assertThat(cost).isPositive();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        ResponseEntity<JsonNode> r = Api.as(port, "finance").get("/api/finance/chargeback?costCentre=" + costCentre);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).as("%s", r.getBody()).hasSize(1);
        JsonNode row = r.getBody().get(0);
        assertThat(row.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(row.get("costCentre").asText()).isEqualTo(costCentre);
        assertThat(row.get("quarter").asText()).isEqualTo(quarter);
        assertThat(row.get("amount").decimalValue()).isEqualByComparingTo(cost);
        assertThat(row.get("currency").asText()).isEqualTo("EUR");
        assertThat(row.get("originalAmount").decimalValue()).isEqualByComparingTo(cost);
        assertThat(row.get("originalCurrency").asText()).isEqualTo("EUR");

        // charged in the quarter it closed, not the one it started; a period without that day leaves it out
        assertThat(Api.as(port, "admin").get("/api/finance/chargeback?from=" + today + "&to=" + today).getBody())
                .anySatisfy(x -> assertThat(x.get("caseNumber").asText()).isEqualTo(caseNumber));
        assertThat(Api.as(port, "admin").get("/api/finance/chargeback?from=" + today.plusDays(1) + "&to=" + today.plusDays(40)
                + "&costCentre=" + costCentre).getBody()).isEmpty();
        // a completed case stays committed at its approved estimate in the start quarter
        JsonNode spend = spend(costCentre);
        assertThat(spend).hasSize(1);
        assertThat(spend.get(0).get("committedCases").asInt()).isEqualTo(1);
        assertThat(spend.get(0).get("forecast").decimalValue()).isZero();
    }

    @Test
    void rolesAndAuthentication() {
        for (String path : List.of("/api/finance/spend", "/api/finance/chargeback")) {
            for (String user : List.of("finance", "hradmin", "admin")) {
                assertThat(Api.as(port, user).get(path).getStatusCode().value()).as("%s %s", user, path).isEqualTo(200);
            }
            for (String user : List.of("manager", "employee", "specialist", "hrlead", "director")) {
                assertThat(Api.as(port, user).get(path).getStatusCode().value()).as("%s %s", user, path).isEqualTo(403);
            }
            assertThat(Api.anonymous(port).get(path).getStatusCode().value()).isEqualTo(401);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "spend      | to          | from=2027-06-10&to=2027-06-01",
            "spend      | to          | from=2010-01-01&to=2027-01-01",
            "spend      | from        | from=2027-13-01",
            "spend      | to          | to=2027-02-30",
            "spend      | costCentre  | costCentre=CC-12345678901234567890123456789012345678901",
            "spend      | costCentre  | costCentre=",
            "chargeback | to          | from=2026-06-10&to=2026-06-01",
            "chargeback | to          | from=2010-01-01&to=2026-01-01",
            "chargeback | from        | from=yesterday",
            "chargeback | costCentre  | costCentre=CC-12345678901234567890123456789012345678901"})
    void badParametersAreA400(String report, String field, String query) {
        assertBadRequest(Api.as(port, "finance").get("/api/finance/" + report + "?" + query), field);
    }
}
