package org.relocation.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the journey: the (simulated) housing vendor's signed callback reports the order's cost, and the case's ledger
 * has it as a planned vendor invoice through accounts payable, once, which finance then approves and pays.
 */
@ServerTest
class VendorInvoiceJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void aVendorsReportedCostIsAPlannedVendorInvoiceFinanceApprovesAndPays() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "DE", "DE", "NL", "LONG_TERM", "250000"));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        specialist.completeTask(caseNumber, "record-kickoff-call", Api.vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Team",
                "kickoffNotes", "Scope agreed with the employee"));

        Api finance = Api.as(port, "finance");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(invoices(finance, id)).anySatisfy(p -> assertThat(p.get("category").asText()).isEqualTo("temporary-housing")));
        JsonNode housing = invoices(finance, id).stream().filter(p -> p.get("category").asText().equals("temporary-housing")).findFirst().orElseThrow();
        assertThat(housing.get("kind").asText()).isEqualTo("VENDOR_INVOICE");
        assertThat(housing.get("status").asText()).isEqualTo("PLANNED");
        assertThat(housing.get("route").asText()).isEqualTo("ACCOUNTS_PAYABLE");
        assertThat(housing.get("amount").decimalValue()).isEqualByComparingTo("4200.00");
        assertThat(housing.get("currency").asText()).isEqualTo("EUR");
        assertThat(housing.get("sourceReference").asText()).startsWith("SO-");
        assertThat(housing.get("createdBy").asText()).isEqualTo("vendor:housing");
        assertThat(invoices(finance, id).stream().filter(p -> p.get("category").asText().equals("temporary-housing"))).hasSize(1);

        String base = "/api/cases/" + id + "/payments/" + housing.get("id").asLong();
        assertThat(finance.post(base + "/approve", java.util.Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(port, "admin").post(base + "/paid", java.util.Map.of("paidOn", "2026-12-01")).getStatusCode().value()).isEqualTo(200);
        JsonNode ledger = finance.get("/api/cases/" + id + "/payments").getBody();
        assertThat(ledger.get("actual").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("4200.00"));
    }

    private static List<JsonNode> invoices(Api as, long caseId) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode r = as.get("/api/cases/" + caseId + "/payments").getBody();
        for (JsonNode p : r.get("payments")) {
            if (p.get("kind").asText().equals("VENDOR_INVOICE")) {
                list.add(p);
            }
        }
        return list;
    }
}
