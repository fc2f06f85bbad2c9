package org.relocation.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentStatus;
import org.relocation.notification.NotificationService;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A compensation change mid-assignment through HTTP and the engine (relocation-compensation-change): asked for through
 * the API, decided by another member of finance in the Tasklist form (a table of the version in force against the
 * change, built when the form opens), ordered from the home and the host payroll's provider (played by the test: host
 * city "Manual Answers"), and applied once both confirmed, the ledger following from the effective date. Also: a
 * provider's refusal, finance's rejection, the providers' SLA, who may ask and bad input. A long-term single assignee
 * GB → DE on 90 000 EUR a year (SPLIT 50/50), version 1 confirmed by finance and scheduled.
 */
@ServerTest
class CompensationChangeProcessApiTest {

    private static final String PAYROLL_SECRET = "demo-payroll-secret";
    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final LocalDate END = LocalDate.of(2029, 2, 28);
    private static final LocalDate FROM = LocalDate.of(2028, 3, 1);

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    PolicyService policy;
    @Autowired
    CostEstimator estimator;
    @Autowired
    PayrollInstructions instructions;
    @Autowired
    PaymentLedger ledger;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    NotificationService notifications;

    /** A case after its payroll phase: version 1 confirmed by the provider and finance, its allowances scheduled. */
    private RelocationCase inForce() {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Manual Answers", "LONG_TERM", START, END, "CC-CHG-" + System.nanoTime() % 100_000, new BigDecimal("250000"), "EUR", 6,
                new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        PayrollInstruction v1 = instructions.prepare(c.getId(), "system");
        instructions.sent(v1.getReference());
        instructions.providerAnswered(c.getId(), true, null);
        instructions.financeConfirmed(c.getId(), "PR-" + c.getId(), "finance");
        instructions.schedulePayments(c.getId(), "system");
        return c;
    }

    private String path(RelocationCase c) {
        return "/api/cases/" + c.getId() + "/compensation-changes";
    }

    private JsonNode ask(String user, RelocationCase c, Map<String, Object> body) {
        ResponseEntity<JsonNode> r = Api.as(port, user).post(path(c), body);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    private ProcessInstance instanceOf(RelocationCase c) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CompensationChangeProcess.PROCESS_KEY)
                .processInstanceBusinessKey(c.getCaseNumber()).singleResult();
    }

    private String endOf(String processInstanceId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).as("instance ended").isZero());
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getEndActivityId();
    }

    private List<ServiceOrder> awaitOrders(RelocationCase c, String reference, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ordersOf(c, reference)).hasSize(count)
                .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(ServiceOrder.Status.SENT)));
        return ordersOf(c, reference);
    }

    private List<ServiceOrder> ordersOf(RelocationCase c, String reference) {
        return orders.findByCaseIdOrderById(c.getId()).stream()
                .filter(o -> o.getServiceType() == ServiceType.PAYROLL_INSTRUCTION && o.getDetail().contains(reference + ",")).toList();
    }

    private void answer(ServiceOrder order, String status, String note) {
        String body = "{\"reference\":\"" + order.getReference() + "\",\"status\":\"" + status + "\""
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        Api vendor = Api.anonymous(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(vendor.postRaw("/api/vendor-callbacks/payroll", body,
                Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), PAYROLL_SECRET, java.time.Instant.now().getEpochSecond()))
                .getStatusCode().is2xxSuccessful()).isTrue());
    }

    private PayrollInstruction version(RelocationCase c, int version) {
        return instructions.ofCase(c.getId()).stream().filter(i -> i.getInstructionVersion() == version).findFirst().orElseThrow();
    }

    @Test
    void aSalaryReviewIsApprovedConfirmedByBothProvidersAndTheLedgerFollowsFromItsDate() throws Exception {
        RelocationCase c = inForce();
        JsonNode v2 = ask("finance", c, Map.of("reason", "SALARY_REVIEW", "effectiveFrom", FROM.toString(), "baseSalaryAmount", 96000,
                "baseSalaryCurrency", "EUR"));
        assertThat(v2.get("status").asText()).isEqualTo("DRAFT");
        // 96 000 / 12 = 8 000.00, half on each payroll; COLA 6 % = 480.00; the start's one-off allowance is not repeated
        List<String> lines = new java.util.ArrayList<>();
        v2.get("items").forEach(i -> lines.add(i.get("payroll").asText() + " " + i.get("component").asText() + " "
                + i.get("amount").decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " " + i.get("start").asText() + ".." + i.get("end").asText()));
        assertThat(lines).contains("HOME BASE_SALARY 4000.00 2028-03-01..2029-02-28", "HOST BASE_SALARY 4000.00 2028-03-01..2029-02-28",
                "HOST COST_OF_LIVING 480.00 2028-03-01..2029-02-28", "HOST HOUSING 3200.00 2028-03-01..2029-02-28");
        assertThat(lines).noneMatch(l -> l.contains("RELOCATION_ALLOWANCE"));
        String ref = "PI-" + c.getId() + "-v2";
        ProcessInstance pi = instanceOf(c);
        assertThat(runtime.getVariables(pi.getId())).as("ids only").containsOnlyKeys("caseId", "changeVersion").containsEntry("changeVersion", 2);

        // the form: the version in force against the change, built from the instructions when it opens
        Api admin = Api.as(port, "admin");
        Api finance = Api.as(port, "finance");
        String task = finance.awaitTask(c.getCaseNumber(), "approve-compensation-change");
        JsonNode form = admin.get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(Api.JSON.readTree(form.get("change").get("value").asText()).get("reference").asText()).isEqualTo(ref);
        String table = form.get("changeItems").get("value").asText();
        assertThat(table).contains("\"inForce\":\"3750.00 EUR\"", "\"change\":\"4000.00 EUR\"", "\"inForce\":\"450.00 EUR\"",
                "\"change\":\"480.00 EUR\"");

        // whoever asked may not decide it (segregation of duties): a 400 naming the field, the task stays
        ResponseEntity<JsonNode> own = finance.complete(task, Map.of("changeDecision", "approve"));
        assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(400);
        assertThat(own.getBody().get("fieldErrors").get("changeDecision").asText()).contains("segregation of duties");
        assertThat(admin.complete(task, Map.of("changeDecision", "approve")).getStatusCode().value()).isEqualTo(204);

        // one order per payroll: the home (GB) and the host (DE) provider, the reference only
        List<ServiceOrder> sent = awaitOrders(c, ref, 2);
        assertThat(sent).extracting(ServiceOrder::getDetail).containsExactly(
                "Payroll instruction " + ref + ", HOME payroll GB (SPLIT payroll)", "Payroll instruction " + ref + ", HOST payroll DE (SPLIT payroll)");
        answer(sent.get(0), "CONFIRMED", null);
        assertThat(runtime.getVariables(pi.getId())).as("ids and flags only").containsOnlyKeys("caseId", "changeVersion", "changeDecision");
        assertThat(version(c, 2).getStatus()).as("the host provider is still awaited").isEqualTo(PayrollInstruction.Status.SENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
        answer(sent.get(1), "CONFIRMED", null);

        assertThat(endOf(pi.getId())).isEqualTo("compensation-change-in-force");
        assertThat(instructions.ofCase(c.getId())).extracting(PayrollInstruction::getStatus)
                .containsExactly(PayrollInstruction.Status.SUPERSEDED, PayrollInstruction.Status.FINANCE_CONFIRMED);
        assertThat(version(c, 2).getFinanceConfirmedBy()).isEqualTo("admin");
        assertThat(version(c, 2).getFinanceReference()).isEqualTo("PR-" + c.getId());
        List<MobilityPayment> payments = ledger.ofCase(c.getId());
        List<MobilityPayment> oldCola = payments.stream().filter(p -> p.getCategory().equals("cost-of-living")
                && p.getSourceReference().equals("PI-" + c.getId() + "-v1")).toList();
        assertThat(oldCola).hasSize(24);
        assertThat(oldCola).filteredOn(p -> p.getDueDate().isBefore(FROM)).hasSize(12).allMatch(p -> p.getStatus() == PaymentStatus.PLANNED);
        assertThat(oldCola).filteredOn(p -> !p.getDueDate().isBefore(FROM)).hasSize(12).allMatch(p -> p.getStatus() == PaymentStatus.CANCELLED);
        assertThat(payments).filteredOn(p -> p.getSourceReference().equals(ref) && p.getCategory().equals("cost-of-living"))
                .hasSize(12).allMatch(p -> p.money().amount().compareTo(new BigDecimal("480.00")) == 0 && !p.getDueDate().isBefore(FROM));
        assertThat(payments).filteredOn(p -> p.getSourceReference().equals(ref) && p.getCategory().equals("housing")).hasSize(12);

        JsonNode read = finance.get("/api/cases/" + c.getId() + "/payroll-instructions").getBody();
        assertThat(read.get(1).get("providerOrders").findValuesAsText("status")).containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(read.get(1).get("providerOrders").findValuesAsText("country")).containsExactly("GB", "DE");
    }

    /** Version 2 (an extension from 2028-06-01, asked for by finance) approved by admin, refused by the host provider. */
    private String refusedByTheHostProvider(RelocationCase c) {
        ask("finance", c, Map.of("reason", "EXTENSION", "effectiveFrom", "2028-06-01"));
        String ref = "PI-" + c.getId() + "-v2";
        String pi = instanceOf(c).getId();
        Api.as(port, "admin").completeTask(c.getCaseNumber(), "approve-compensation-change", Api.vars("changeDecision", "approve"));
        List<ServiceOrder> sent = awaitOrders(c, ref, 2);
        answer(sent.get(1), "REFUSED", "Host tax class missing");
        await().atMost(Duration.ofSeconds(60)).until(() -> version(c, 2).getStatus() == PayrollInstruction.Status.REJECTED);
        // the other provider's later answer is recorded; nothing waits for it
        answer(sent.get(0), "CONFIRMED", null);
        return pi;
    }

    @Test
    void aProviderRefusesFinanceCorrectsTheChangeAndItIsResentToBothProvidersAndTakesEffect() throws Exception {
        RelocationCase c = inForce();
        String pi = refusedByTheHostProvider(c);
        String ref = "PI-" + c.getId() + "-v2";
        assertThat(version(c, 2).getProviderNote()).isEqualTo("HOST payroll (DE): Host tax class missing");
        assertThat(version(c, 1).getStatus()).as("in force").isEqualTo(PayrollInstruction.Status.FINANCE_CONFIRMED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications.notifications(c.getId()))
                .anyMatch(n -> n.getKind().equals("payroll-provider-refused:" + ref)));
        assertThat(instructions.providerOrders(version(c, 2).getId())).extracting(o -> o.getPayroll() + " " + o.getStatus())
                .containsExactly("HOME CONFIRMED", "HOST REFUSED");
        ResponseEntity<JsonNode> meanwhile = Api.as(port, "specialist").post(path(c), Map.of("reason", "EXTENSION", "effectiveFrom", "2028-07-01"));
        assertThat(meanwhile.getStatusCode().value()).as("the refused change awaits its correction").isEqualTo(409);

        // the form: the provider's reason, the providers' answers, the version in force against the refused change
        Api admin = Api.as(port, "admin");
        Api finance = Api.as(port, "finance");
        String task = finance.awaitTask(c.getCaseNumber(), "correct-compensation-change");
        JsonNode form = admin.get("/engine-rest/task/" + task + "/form-variables").getBody();
        JsonNode refusal = Api.JSON.readTree(form.get("refusal").get("value").asText());
        assertThat(refusal.get("reference").asText()).isEqualTo(ref);
        assertThat(refusal.get("providerNote").asText()).isEqualTo("HOST payroll (DE): Host tax class missing");
        assertThat(form.get("providerAnswers").get("value").asText()).contains("\"answer\":\"confirmed\"", "\"answer\":\"refused\"");
        assertThat(form.get("changeItems").get("value").asText()).contains("\"inForce\":\"3750.00 EUR\"");

        // bad input: a 400 naming the field, nothing written, the task stays
        Map<String, Map<String, Object>> bad = Map.of(
                "effectiveFrom", Map.of("correctionDecision", "correct", "correctionNote", "Date moved by a month"),
                "effectiveFrom ", Map.of("correctionDecision", "correct", "effectiveFrom", "2030-01-01", "correctionNote", "Date moved by a month"),
                "pd_baseSalaryAmount", Map.of("correctionDecision", "correct", "effectiveFrom", "2028-07-01", "pd_baseSalaryAmount", 96000,
                        "correctionNote", "Salary given for an extension"),
                "correctionNote", Map.of("correctionDecision", "withdraw"),
                "correctionDecision", Map.of("correctionDecision", "postpone", "correctionNote", "Wait for the provider"));
        bad.forEach((field, values) -> {
            ResponseEntity<JsonNode> r = admin.complete(task, values);
            assertThat(r.getStatusCode().value()).as("%s: %s", field, r.getBody()).isEqualTo(400);
            assertThat(r.getBody().get("fieldErrors").has(field.strip())).as("%s: %s", field, r.getBody()).isTrue();
        });
        // whoever asked for the change may not correct it (it is resent without another approval)
        ResponseEntity<JsonNode> own = finance.complete(task, Map.of("correctionDecision", "correct", "effectiveFrom", "2028-07-01",
                "correctionNote", "Date moved by a month"));
        assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(400);
        assertThat(own.getBody().get("fieldErrors").get("correctionDecision").asText()).contains("segregation of duties");
        assertThat(instructions.ofCase(c.getId())).as("nothing written").hasSize(2);

        assertThat(admin.complete(task, Map.of("correctionDecision", "correct", "effectiveFrom", "2028-07-01",
                "correctionNote", "Host tax class recorded, date moved by a month")).getStatusCode().value()).isEqualTo(204);
        String ref3 = "PI-" + c.getId() + "-v3";
        PayrollInstruction v3 = version(c, 3);
        assertThat(v3.getReason()).isEqualTo(PayrollInstruction.Reason.EXTENSION);
        assertThat(v3.getEffectiveFrom()).isEqualTo(LocalDate.of(2028, 7, 1));
        assertThat(v3.getCreatedBy()).as("the requester stays").isEqualTo("finance");
        assertThat(v3.getFinanceConfirmedBy()).as("approved by whoever corrected it").isEqualTo("admin");
        assertThat(version(c, 2).getStatus()).isEqualTo(PayrollInstruction.Status.REJECTED);

        // resent to both providers, including the one that confirmed the refused version
        List<ServiceOrder> resent = awaitOrders(c, ref3, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.getVariables(pi))
                .as("ids and flags only").containsOnlyKeys("caseId", "changeVersion", "changeDecision", "payrollOutcome", "correctionDecision")
                .containsEntry("changeVersion", 3));
        answer(resent.get(0), "CONFIRMED", null);
        answer(resent.get(1), "CONFIRMED", null);

        assertThat(endOf(pi)).isEqualTo("compensation-change-in-force");
        assertThat(instructions.ofCase(c.getId())).extracting(PayrollInstruction::getStatus).containsExactly(PayrollInstruction.Status.SUPERSEDED,
                PayrollInstruction.Status.REJECTED, PayrollInstruction.Status.FINANCE_CONFIRMED);
        List<MobilityPayment> payments = ledger.ofCase(c.getId());
        assertThat(payments).noneMatch(p -> p.getSourceReference().equals(ref));
        assertThat(payments).filteredOn(p -> p.getSourceReference().equals(ref3) && p.getCategory().equals("housing"))
                .isNotEmpty().allMatch(p -> !p.getDueDate().isBefore(LocalDate.of(2028, 7, 1)));
        assertThat(payments).filteredOn(p -> p.getSourceReference().equals("PI-" + c.getId() + "-v1") && p.getCategory().equals("housing")
                && !p.getDueDate().isBefore(LocalDate.of(2028, 7, 1))).allMatch(p -> p.getStatus() == PaymentStatus.CANCELLED);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).list()).extracting(v -> v.getName())
                .as("no date, salary or note in history").doesNotContain("pd_baseSalaryAmount", "effectiveFrom", "correctionNote");
    }

    @Test
    void aProviderRefusesAndFinanceWithdrawsTheChangeTheLedgerStaysAndAnotherMayBeAskedFor() {
        RelocationCase c = inForce();
        List<String> before = ledger.ofCase(c.getId()).stream().map(p -> p.getId() + " " + p.getStatus()).toList();
        String pi = refusedByTheHostProvider(c);
        // the requester may withdraw their own change
        Api.as(port, "finance").completeTask(c.getCaseNumber(), "correct-compensation-change",
                Api.vars("correctionDecision", "withdraw", "correctionNote", "The extension is not signed yet"));

        assertThat(endOf(pi)).isEqualTo("compensation-change-withdrawn");
        assertThat(version(c, 2).getStatus()).isEqualTo(PayrollInstruction.Status.WITHDRAWN);
        assertThat(version(c, 1).getStatus()).as("in force").isEqualTo(PayrollInstruction.Status.FINANCE_CONFIRMED);
        assertThat(ledger.ofCase(c.getId()).stream().map(p -> p.getId() + " " + p.getStatus()).toList()).as("the ledger unchanged")
                .isEqualTo(before);
        assertThat(instructions.ofCase(c.getId())).hasSize(2);
        ask("specialist", c, Map.of("reason", "EXTENSION", "effectiveFrom", "2028-06-01"));
    }

    @Test
    void financeRejectsWithItsReasonAndNothingIsSent() {
        RelocationCase c = inForce();
        ask("specialist", c, Map.of("reason", "CITY_BAND_CHANGE", "effectiveFrom", "2028-01-01"));
        String pi = instanceOf(c).getId();
        Api finance = Api.as(port, "finance");
        String task = finance.awaitTask(c.getCaseNumber(), "approve-compensation-change");
        ResponseEntity<JsonNode> noReason = finance.complete(task, Map.of("changeDecision", "reject"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("fieldErrors").get("changeComment").asText()).contains("reason");
        assertThat(finance.complete(task, Map.of("changeDecision", "reject", "changeComment", "The city band is unchanged")).getStatusCode().value())
                .isEqualTo(204);

        assertThat(endOf(pi)).isEqualTo("compensation-change-rejected");
        PayrollInstruction v2 = version(c, 2);
        assertThat(v2.getStatus()).isEqualTo(PayrollInstruction.Status.REJECTED);
        assertThat(v2.getFinanceRejectedBy()).isEqualTo("finance");
        assertThat(v2.getFinanceRejectionReason()).isEqualTo("The city band is unchanged");
        assertThat(ordersOf(c, "PI-" + c.getId() + "-v2")).isEmpty();
    }

    @Test
    void providersSilentForFiveDaysTellTheSpecialistsAndTheAnswersAreStillAwaited() {
        RelocationCase c = inForce();
        ask("specialist", c, Map.of("reason", "NEW_DEPENDANT", "effectiveFrom", "2028-02-01"));
        String ref = "PI-" + c.getId() + "-v2";
        String pi = instanceOf(c).getId();
        Api.as(port, "finance").completeTask(c.getCaseNumber(), "approve-compensation-change", Api.vars("changeDecision", "approve"));
        List<ServiceOrder> sent = awaitOrders(c, ref, 2);
        answer(sent.get(0), "CONFIRMED", null);

        Job sla = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(pi)
                .activityId("compensation-change-provider-sla-breached").singleResult(), java.util.Objects::nonNull);
        assertThat(sla.getDuedate().toInstant()).as("P5D").isAfter(java.time.Instant.now().plus(Duration.ofDays(4)));
        management.executeJob(sla.getId());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(notifications.notifications(c.getId()))
                .anyMatch(n -> n.getKind().equals("payroll-provider-late:" + ref) && n.getSubject().contains(ref)));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("still awaiting the host provider").isOne();

        answer(sent.get(1), "CONFIRMED", null);
        assertThat(endOf(pi)).isEqualTo("compensation-change-in-force");
    }

    @Test
    void onlyTheRequestingRolesAskOneChangeAtATimeAndBadInputIsA400() {
        RelocationCase c = inForce();
        for (String user : List.of("employee", "manager")) {
            assertThat(Api.as(port, user).post(path(c), Map.of("reason", "EXTENSION", "effectiveFrom", "2028-06-01")).getStatusCode().value())
                    .as(user).isEqualTo(403);
        }
        ResponseEntity<JsonNode> bad = Api.as(port, "finance").post(path(c), Map.of("reason", "PROMOTION", "effectiveFrom", "2030-01-01"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").has("reason")).isTrue();
        ResponseEntity<JsonNode> late = Api.as(port, "finance").post(path(c), Map.of("reason", "EXTENSION", "effectiveFrom", "2030-01-01"));
        assertThat(late.getStatusCode().value()).isEqualTo(400);
        assertThat(late.getBody().get("fieldErrors").has("effectiveFrom")).isTrue();
        assertThat(Api.as(port, "finance").post(path(c), Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(instructions.ofCase(c.getId())).as("nothing written").hasSize(1);
        assertThat(instanceOf(c)).as("no process").isNull();

        ask("specialist", c, Map.of("reason", "EXTENSION", "effectiveFrom", "2028-06-01"));
        ResponseEntity<JsonNode> second = Api.as(port, "finance").post(path(c), Map.of("reason", "EXTENSION", "effectiveFrom", "2028-07-01"));
        assertThat(second.getStatusCode().value()).as("a change is in progress").isEqualTo(409);
        assertThat(instructions.ofCase(c.getId())).hasSize(2);
        assertThat(Api.as(port, "specialist").get("/engine-rest/task?processInstanceBusinessKey=" + c.getCaseNumber()
                + "&taskDefinitionKey=approve-compensation-change").getBody()).as("finance's task, not the specialist's").isEmpty();
    }
}
