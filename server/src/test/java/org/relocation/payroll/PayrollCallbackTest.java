package org.relocation.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payroll phase through HTTP with the payroll provider played by the test (host city "Manual Answers" keeps the demo
 * simulator out): the order names the instruction's reference only; a signed rejection without a note is a 400 and
 * changes nothing; a signed rejection with one leads to the specialist's correction and a new version; the provider's
 * confirmation to finance's, which the ledger follows.
 */
@ServerTest
class PayrollCallbackTest {

    private static final String PAYROLL_SECRET = "demo-payroll-secret";

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    PayrollInstructions instructions;

    @Test
    void theProviderRejectsTheSpecialistCorrectsTheProviderAndFinanceConfirmAndTheLedgerSchedules() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        JsonNode c = specialist.openCase(intake);
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);

        ServiceOrder first = awaitPayrollOrders(id, 1).get(0);
        assertThat(first.getDetail()).isEqualTo("Payroll instruction PI-" + id + "-v1 (SPLIT payroll)");
        assertThat(first.getStatus()).isEqualTo(ServiceOrder.Status.SENT);

        Api vendor = Api.anonymous(port);
        String noNote = "{\"reference\":\"" + first.getReference() + "\",\"status\":\"REFUSED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/payroll", noNote, signed(noNote)).getStatusCode().value()).isEqualTo(400);
        String approved = "{\"reference\":\"" + first.getReference() + "\",\"status\":\"APPROVED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/payroll", approved, signed(approved)).getStatusCode().value()).isEqualTo(400);
        assertThat(instructions.current(id).orElseThrow().getStatus()).as("nothing changed").isEqualTo(PayrollInstruction.Status.SENT);

        String refused = "{\"reference\":\"" + first.getReference() + "\",\"status\":\"REFUSED\",\"note\":\"Host tax number missing\"}";
        accepted(vendor, refused);
        specialist.completeTask(caseNumber, "correct-payroll-instruction", Api.vars("correctionNotes", "Host tax number added to the case"));

        ServiceOrder second = awaitPayrollOrders(id, 2).get(1);
        assertThat(second.getDetail()).isEqualTo("Payroll instruction PI-" + id + "-v2 (SPLIT payroll)");
        String confirmed = "{\"reference\":\"" + second.getReference() + "\",\"status\":\"CONFIRMED\"}";
        accepted(vendor, confirmed);
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", Api.vars("payrollConfirmed", true, "payrollReference", "PR-88"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode payments = Api.as(port, "finance").get("/api/cases/" + id + "/payments").getBody().get("payments");
            assertThat(payments.findValuesAsText("sourceReference")).isNotEmpty().allMatch(("PI-" + id + "-v2")::equals);
            assertThat(payments.findValuesAsText("category")).contains("housing", "cost-of-living", "relocation-allowance");
        });
        JsonNode versions = Api.as(port, "finance").get("/api/cases/" + id + "/payroll-instructions").getBody();
        assertThat(versions.findValuesAsText("status")).containsExactly("REJECTED", "FINANCE_CONFIRMED");
        assertThat(versions.get(0).get("providerNote").asText()).isEqualTo("Host tax number missing");
        assertThat(versions.get(1).get("financeConfirmedBy").asText()).isEqualTo("finance");
    }

    /** A vendor retries (signed afresh) while the case is not waiting yet (409): the order goes out before the task completes. */
    private static void accepted(Api vendor, String body) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(vendor.postRaw("/api/vendor-callbacks/payroll", body, signed(body)).getStatusCode().is2xxSuccessful()).isTrue());
    }

    private List<ServiceOrder> awaitPayrollOrders(long caseId, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(payrollOrders(caseId)).hasSize(count)
                .allSatisfy(o -> assertThat(o.getStatus()).isNotEqualTo(ServiceOrder.Status.NEW)));
        return payrollOrders(caseId);
    }

    private List<ServiceOrder> payrollOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.PAYROLL_INSTRUCTION).toList();
    }

    private static Map<String, String> signed(String body) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), PAYROLL_SECRET, java.time.Instant.now().getEpochSecond());
    }
}
