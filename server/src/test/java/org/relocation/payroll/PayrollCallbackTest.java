package org.relocation.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.operaton.bpm.engine.runtime.Job;
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
 * The payroll phase through HTTP with the payroll providers played by the test (host city "Manual Answers" keeps the demo
 * simulator out): one order per payroll (home GB, host DE), each naming the instruction's reference only; a signed
 * rejection without a note is a 400 and changes nothing; one provider's confirmation alone moves nothing; one refusal
 * leads to the specialist's correction and a new version; both providers' confirmations to finance's (its form showing
 * each answer), which the ledger follows; five days without every answer give the specialist a follow-up task.
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
    @Autowired
    org.operaton.bpm.engine.ManagementService management;
    @Autowired
    org.operaton.bpm.engine.RuntimeService runtime;

    @Test
    void oneProviderRefusesTheSpecialistCorrectsBothConfirmFinanceConfirmsAndTheLedgerSchedules() throws Exception {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        JsonNode c = specialist.openCase(intake);
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);

        // one order per payroll: the home (GB) and the host (DE) payroll's provider, naming the reference only
        List<ServiceOrder> first = awaitPayrollOrders(id, 2);
        assertThat(first).extracting(ServiceOrder::getDetail).containsExactly(
                "Payroll instruction PI-" + id + "-v1, HOME payroll GB (SPLIT payroll)", "Payroll instruction PI-" + id + "-v1, HOST payroll DE (SPLIT payroll)");
        assertThat(first).allMatch(o -> o.getStatus() == ServiceOrder.Status.SENT);

        Api vendor = Api.anonymous(port);
        String noNote = "{\"reference\":\"" + first.get(1).getReference() + "\",\"status\":\"REFUSED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/payroll", noNote, signed(noNote)).getStatusCode().value()).isEqualTo(400);
        String approved = "{\"reference\":\"" + first.get(1).getReference() + "\",\"status\":\"APPROVED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/payroll", approved, signed(approved)).getStatusCode().value()).isEqualTo(400);
        assertThat(instructions.current(id).orElseThrow().getStatus()).as("nothing changed").isEqualTo(PayrollInstruction.Status.SENT);

        // the home provider confirms: the host provider is still awaited, nobody is asked to confirm yet
        accepted(vendor, "{\"reference\":\"" + first.get(0).getReference() + "\",\"status\":\"CONFIRMED\"}");
        assertThat(instructions.current(id).orElseThrow().getStatus()).isEqualTo(PayrollInstruction.Status.SENT);
        assertThat(Api.as(port, "admin").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=confirm-payroll-setup").getBody()).isEmpty();
        // the host provider refuses: the version is rejected at once
        accepted(vendor, "{\"reference\":\"" + first.get(1).getReference() + "\",\"status\":\"REFUSED\",\"note\":\"Host tax number missing\"}");
        specialist.completeTask(caseNumber, "correct-payroll-instruction", Api.vars("correctionNotes", "Host tax number added to the case"));

        List<ServiceOrder> second = awaitPayrollOrders(id, 4).subList(2, 4);
        assertThat(second).extracting(ServiceOrder::getDetail).allMatch(d -> d.startsWith("Payroll instruction PI-" + id + "-v2, "));
        accepted(vendor, "{\"reference\":\"" + second.get(1).getReference() + "\",\"status\":\"CONFIRMED\"}");
        accepted(vendor, "{\"reference\":\"" + second.get(0).getReference() + "\",\"status\":\"CONFIRMED\"}");

        // finance's form shows each provider's answer, built when it opens
        Api finance = Api.as(port, "finance");
        String task = finance.awaitTask(caseNumber, "confirm-payroll-setup");
        JsonNode form = Api.as(port, "admin").get("/engine-rest/task/" + task + "/form-variables").getBody();
        JsonNode answers = Api.JSON.readTree(form.get("providerAnswers").get("value").asText());
        assertThat(answers.findValuesAsText("payroll")).containsExactly("HOME", "HOST");
        assertThat(answers.findValuesAsText("country")).containsExactly("GB", "DE");
        assertThat(answers.findValuesAsText("answer")).containsExactly("confirmed", "confirmed");
        finance.completeTask(caseNumber, "confirm-payroll-setup", Api.vars("payrollConfirmed", true, "payrollReference", "PR-88"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode payments = Api.as(port, "finance").get("/api/cases/" + id + "/payments").getBody().get("payments");
            assertThat(payments.findValuesAsText("sourceReference")).isNotEmpty().allMatch(("PI-" + id + "-v2")::equals);
            assertThat(payments.findValuesAsText("category")).contains("housing", "cost-of-living", "relocation-allowance");
        });
        JsonNode versions = Api.as(port, "finance").get("/api/cases/" + id + "/payroll-instructions").getBody();
        assertThat(versions.findValuesAsText("reference")).containsExactly("PI-" + id + "-v1", "PI-" + id + "-v2");
        assertThat(versions.get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(versions.get(1).get("status").asText()).isEqualTo("FINANCE_CONFIRMED");
        assertThat(versions.get(0).get("providerNote").asText()).isEqualTo("HOST payroll (DE): Host tax number missing");
        assertThat(versions.get(0).get("providerOrders").findValuesAsText("status")).containsExactly("CONFIRMED", "REFUSED");
        assertThat(versions.get(1).get("financeConfirmedBy").asText()).isEqualTo("finance");
    }

    @Test
    void theProvidersSilentForFiveDaysGiveTheSpecialistAFollowUpAndTheAnswersAreStillAwaited() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        JsonNode c = specialist.openCase(intake);
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        List<ServiceOrder> orders = awaitPayrollOrders(id, 2);

        String payroll = runtime.createProcessInstanceQuery().processDefinitionKey("relocation-payroll").processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job sla = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(payroll)
                .activityId("payroll-provider-sla-breached").singleResult(), java.util.Objects::nonNull);
        management.executeJob(sla.getId());
        specialist.completeTask(caseNumber, "follow-up-payroll-provider", Api.vars("payrollFollowUpNotes", "Both providers chased by phone"));

        Api vendor = Api.anonymous(port);
        accepted(vendor, "{\"reference\":\"" + orders.get(0).getReference() + "\",\"status\":\"CONFIRMED\"}");
        accepted(vendor, "{\"reference\":\"" + orders.get(1).getReference() + "\",\"status\":\"CONFIRMED\"}");
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", Api.vars("payrollConfirmed", true, "payrollReference", "PR-89"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(instructions.current(id).orElseThrow().getStatus())
                .isEqualTo(PayrollInstruction.Status.FINANCE_CONFIRMED));
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
