package org.relocation.expense;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentKind;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentRoute;
import org.relocation.ledger.PaymentStatus;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Expense claims decided through HTTP, every path of relocation-expense-claim: routed by relocation-expense-routing
 * (threshold 1000 EUR) to the specialist, to finance, or outside the policy (housing cap 3200 EUR a month) to the HR
 * lead's policy exception and then finance; approved into a ledger reimbursement (payroll and grossed up when taxable),
 * or rejected with the reason; segregation of duties; the employee reads their claims and payments; the lump-sum case.
 * Gross-up by hand with the demo DE 2026 table (illustrative): a 90 000 EUR salary is in the 42 % bracket and under the
 * 96 600 EUR social-security ceiling (20 %), so a 1 000.00 EUR housing claim grosses up to 1 000 / (1 - 0.62) =
 * 2 631.58 EUR, 1 631.58 of it tax.
 */
@ServerTest
class ExpenseClaimApprovalTest {

    private static final String DAY = "2026-11-20";

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
    @Autowired
    PolicyExceptionService exceptions;
    @Autowired
    ExpenseClaimRepository claims;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    private RelocationCase open() {
        return ExpenseCases.open(cases, policy, estimator, "LONG_TERM");
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n% " + UUID.randomUUID() + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private ResponseEntity<JsonNode> submitAs(String user, RelocationCase c, String category, String merchant, String currency, String amount) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("category", category);
        body.add("expenseDate", DAY);
        body.add("merchant", merchant);
        body.add("currency", currency);
        body.add("amount", amount);
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_PDF);
        part.setContentDisposition(ContentDisposition.formData().name("file").filename("receipt.pdf").build());
        body.add("file", new HttpEntity<>(new ByteArrayResource(pdf()), part));
        return client(user).post().uri("/api/cases/" + c.getId() + "/expense-claims").contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private JsonNode submit(String user, RelocationCase c, String category, String amount) {
        ResponseEntity<JsonNode> r = submitAs(user, c, category, "Secret Merchant GmbH", "EUR", amount);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    private RestClient client(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private JsonNode claim(String user, RelocationCase c, JsonNode claim) {
        ResponseEntity<JsonNode> r = Api.as(port, user).get("/api/cases/" + c.getId() + "/expense-claims/" + claim.get("id").asLong());
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private String processOf(JsonNode claim) {
        return claims.findById(claim.get("id").asLong()).orElseThrow().getProcessInstanceId();
    }

    private String endOf(JsonNode claim) {
        String pid = processOf(claim);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("instance ended").isZero();
        return history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId();
    }

    private static void assertRefused(ResponseEntity<JsonNode> r, String field, String words) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").get(field).asText()).as("fieldErrors %s", r.getBody()).contains(words);
    }

    @Test
    void withinPolicyUnderTheThresholdTheSpecialistApprovesIntoAnAccountsPayableReimbursement() throws Exception {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "travel", "250.00");
        assertThat(submitted.get("route").asText()).isEqualTo("SPECIALIST");
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(runtime.getVariables(processOf(submitted))).as("ids and the route only, never the amount or merchant")
                .containsOnlyKeys("caseId", "claimId", "expenseRoute").containsEntry("expenseRoute", "SPECIALIST");
        assertThat(policy.decisions(c.getId())).extracting(d -> d.getDecisionKey()).contains(PolicyService.EXPENSE_ROUTING);

        // the form's context, from the claim record when the task opens
        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.getCaseNumber(), "approve-expense-claim");
        JsonNode form = specialist.get("/engine-rest/task/" + task + "/form-variables").getBody();
        JsonNode view = Api.JSON.readTree(form.get("claim").get("value").asText());
        assertThat(view.get("lines").toString()).contains("Secret Merchant GmbH", "250 EUR", "no cap on travel", "accounts payable");
        assertThat(view.get("receiptUrl").asText()).isEqualTo("/api/cases/" + c.getId() + "/expense-claims/" + submitted.get("id").asLong() + "/receipt");

        assertThat(specialist.complete(task, Map.of("expenseDecision", "approve", "expenseComment", "Receipt checked")).getStatusCode().value())
                .isEqualTo(204);
        JsonNode decided = claim("employee", c, submitted);
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("specialist");
        assertThat(decided.get("decisionComment").asText()).isEqualTo("Receipt checked");
        assertThat(decided.get("taxable").asBoolean()).isFalse();
        assertThat(decided.path("grossUp").isNull() || decided.path("grossUp").isMissingNode()).isTrue();
        MobilityPayment p = ledger.get(decided.get("paymentId").asLong());
        assertThat(p.getKind()).isEqualTo(PaymentKind.REIMBURSEMENT);
        assertThat(p.getRoute()).isEqualTo(PaymentRoute.ACCOUNTS_PAYABLE);
        assertThat(p.getStatus()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(p.getCreatedBy()).as("recorded by who claimed it").isEqualTo("employee");
        assertThat(p.getApprovedBy()).isEqualTo("specialist");
        assertThat(p.money().amount()).isEqualByComparingTo("250.00");
        assertThat(endOf(submitted)).isEqualTo("expense-claim-approved");

        // the employee sees their payment; another employee sees neither the claims nor the payments
        ResponseEntity<JsonNode> payments = Api.as(port, "employee").get("/api/cases/" + c.getId() + "/payments");
        assertThat(payments.getStatusCode().value()).isEqualTo(200);
        assertThat(payments.getBody().toString()).contains("\"id\":" + p.getId());
        assertThat(Api.as(port, "employee2").get("/api/cases/" + c.getId() + "/payments").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "employee2").get("/api/cases/" + c.getId() + "/expense-claims/" + submitted.get("id").asLong())
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aTaxableClaimIsPaidThroughPayrollAndGrossedUpWithTheHostTable() {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "housing", "1000.00");
        assertThat(submitted.get("withinPolicy").asBoolean()).isTrue();
        assertThat(submitted.get("route").asText()).as("1000 EUR is not above the threshold").isEqualTo("SPECIALIST");
        Api specialist = Api.as(port, "specialist");
        assertThat(specialist.complete(specialist.awaitTask(c.getCaseNumber(), "approve-expense-claim"), Map.of("expenseDecision", "approve"))
                .getStatusCode().value()).isEqualTo(204);

        JsonNode decided = claim("specialist", c, submitted);
        assertThat(decided.get("taxable").asBoolean()).isTrue();
        MobilityPayment p = ledger.get(decided.get("paymentId").asLong());
        assertThat(p.getRoute()).isEqualTo(PaymentRoute.PAYROLL);
        assertThat(p.isTaxable()).isTrue();
        JsonNode grossUp = decided.get("grossUp");
        assertThat(grossUp.get("currency").asText()).isEqualTo("EUR");
        assertThat(grossUp.get("grossAmount").decimalValue().doubleValue()).isCloseTo(2631.58, within(0.02));
        assertThat(grossUp.get("taxOnClaim").decimalValue().doubleValue()).isCloseTo(1631.58, within(0.02));
        MobilityPayment tax = ledger.get(grossUp.get("taxPaymentId").asLong());
        assertThat(tax.categoryCode().code()).isEqualTo("tax");
        assertThat(tax.getRoute()).isEqualTo(PaymentRoute.PAYROLL);
        assertThat(tax.getStatus()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(tax.money().amount()).isEqualByComparingTo(grossUp.get("taxOnClaim").decimalValue());
        assertThat(endOf(submitted)).isEqualTo("expense-claim-approved");
    }

    @Test
    void aboveTheThresholdFinanceDecidesAndARejectionNeedsItsReason() {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "travel", "1500.00");
        assertThat(submitted.get("route").asText()).isEqualTo("FINANCE");
        Api finance = Api.as(port, "finance");
        String task = finance.awaitTask(c.getCaseNumber(), "approve-expense-claim-finance");
        assertRefused(finance.complete(task, Map.of("expenseDecision", "reject")), "expenseComment", "reason");

        assertThat(finance.complete(task, Map.of("expenseDecision", "reject", "expenseComment", "Business class is not covered"))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode decided = claim("employee", c, submitted);
        assertThat(decided.get("status").asText()).isEqualTo("REJECTED");
        assertThat(decided.get("decisionComment").asText()).isEqualTo("Business class is not covered");
        assertThat(decided.path("paymentId").isNull() || decided.path("paymentId").isMissingNode()).isTrue();
        assertThat(ledger.ofCase(c.getId())).isEmpty();
        assertThat(endOf(submitted)).isEqualTo("expense-claim-rejected");
    }

    @Test
    void aboveTheThresholdFinanceApproves() {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "travel", "1500.00");
        Api finance = Api.as(port, "finance");
        assertThat(finance.complete(finance.awaitTask(c.getCaseNumber(), "approve-expense-claim-finance"), Map.of("expenseDecision", "approve"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(claim("finance", c, submitted).get("status").asText()).isEqualTo("APPROVED");
        assertThat(ledger.ofCase(c.getId())).singleElement().satisfies(p -> assertThat(p.getApprovedBy()).isEqualTo("finance"));
        assertThat(endOf(submitted)).isEqualTo("expense-claim-approved");
    }

    @Test
    void aSpecialistRejectsAClaimWithTheReason() {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "travel", "80.00");
        Api specialist = Api.as(port, "specialist");
        assertThat(specialist.complete(specialist.awaitTask(c.getCaseNumber(), "approve-expense-claim"),
                Map.of("expenseDecision", "reject", "expenseComment", "Duplicate of an earlier claim")).getStatusCode().value()).isEqualTo(204);
        assertThat(claim("employee", c, submitted).get("status").asText()).isEqualTo("REJECTED");
        assertThat(endOf(submitted)).isEqualTo("expense-claim-rejected");
    }

    @Test
    void outsideThePolicyTheHrLeadDecidesAnExceptionThenFinanceApprovesBeyondTheCap() {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "housing", "3500.00");
        assertThat(submitted.get("withinPolicy").asBoolean()).isFalse();
        assertThat(submitted.get("route").asText()).isEqualTo("EXCEPTION");
        PolicyException asked = exceptions.get(submitted.get("policyExceptionId").asLong());
        assertThat(asked.getStatus()).isEqualTo(PolicyException.Status.REQUESTED);
        assertThat(asked.getCategory()).isEqualTo("housing");
        assertThat(asked.money().amount()).as("the part beyond the 3200 EUR cap").isEqualByComparingTo("300.00");
        assertThat(asked.getRequestedBy()).isEqualTo("employee");
        assertThat(runtime.getVariables(processOf(submitted))).containsOnlyKeys("caseId", "claimId", "expenseRoute", "policyExceptionId");

        Api hrlead = Api.as(port, "hrlead");
        String task = hrlead.awaitTask(c.getCaseNumber(), "decide-expense-exception");
        assertThat(hrlead.complete(task, Map.of("expenseExceptionDecision", "approve", "expenseExceptionComment", "Market rent in the city"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(exceptions.get(asked.getId()).getStatus()).isEqualTo(PolicyException.Status.APPROVED);
        assertThat(exceptions.get(asked.getId()).getDecidedBy()).isEqualTo("hrlead");

        Api finance = Api.as(port, "finance");
        assertThat(finance.complete(finance.awaitTask(c.getCaseNumber(), "approve-expense-claim-finance"), Map.of("expenseDecision", "approve"))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode decided = claim("employee", c, submitted);
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        MobilityPayment p = ledger.get(decided.get("paymentId").asLong());
        assertThat(p.getPolicyExceptionId()).as("the exception lifts the cap").isEqualTo(asked.getId());
        assertThat(p.money().amount()).isEqualByComparingTo("3500.00");
        assertThat(endOf(submitted)).isEqualTo("expense-claim-approved");
    }

    @Test
    void outsideThePolicyARejectedExceptionRejectsTheClaim() {
        RelocationCase c = open();
        JsonNode submitted = submit("employee", c, "housing", "3500.00");
        Api hrlead = Api.as(port, "hrlead");
        String task = hrlead.awaitTask(c.getCaseNumber(), "decide-expense-exception");
        assertRefused(hrlead.complete(task, Map.of("expenseExceptionDecision", "reject")), "expenseExceptionComment", "reason");
        assertThat(hrlead.complete(task, Map.of("expenseExceptionDecision", "reject", "expenseExceptionComment", "The cap is the cap"))
                .getStatusCode().value()).isEqualTo(204);

        JsonNode decided = claim("employee", c, submitted);
        assertThat(decided.get("status").asText()).isEqualTo("REJECTED");
        assertThat(decided.get("decisionComment").asText()).contains("rejected", "The cap is the cap");
        assertThat(exceptions.get(submitted.get("policyExceptionId").asLong()).getStatus()).isEqualTo(PolicyException.Status.REJECTED);
        assertThat(ledger.ofCase(c.getId())).isEmpty();
        assertThat(endOf(submitted)).isEqualTo("expense-claim-exception-rejected");
    }

    @Test
    void whoeverSubmittedTheClaimMayNotDecideIt() {
        RelocationCase c = open();
        JsonNode submitted = submit("specialist", c, "travel", "120.00");
        assertThat(submitted.get("submittedBy").asText()).as("on the employee's behalf").isEqualTo("specialist");
        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.getCaseNumber(), "approve-expense-claim");
        assertRefused(specialist.complete(task, Map.of("expenseDecision", "approve")), "expenseDecision", "segregation of duties");
        assertThat(claims.findById(submitted.get("id").asLong()).orElseThrow().getStatus()).isEqualTo(ExpenseClaim.Status.SUBMITTED);
        assertThat(ledger.ofCase(c.getId())).isEmpty();

        Api admin = Api.as(port, "admin");
        assertThat(admin.complete(task, Map.of("expenseDecision", "approve")).getStatusCode().value()).isEqualTo(204);
        assertThat(claims.findById(submitted.get("id").asLong()).orElseThrow().getStatus()).isEqualTo(ExpenseClaim.Status.APPROVED);
    }

    @Test
    void aLumpSumCaseTakesNoClaimAndStartsNoProcess() {
        RelocationCase c = ExpenseCases.open(cases, policy, estimator, "SHORT_TERM");
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(ExpenseClaimProcess.PROCESS_KEY).count();
        ResponseEntity<JsonNode> r = submitAs("employee", c, "travel", "Lufthansa", "EUR", "100.00");
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains("lump-sum");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ExpenseClaimProcess.PROCESS_KEY).count()).isEqualTo(before);
        assertThat(claims.findByCaseIdOrderById(c.getId())).isEmpty();
    }

    @Test
    void badInputIsA400NamingTheFieldAndUnknownClaimsAre404() {
        RelocationCase c = open();
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(ExpenseClaimProcess.PROCESS_KEY).count();
        ResponseEntity<JsonNode> bad = submitAs("employee", c, "housing", "", "EUR", "-5");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").fieldNames()).toIterable().contains("merchant", "amount");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ExpenseClaimProcess.PROCESS_KEY).count())
                .as("no process for a refused claim").isEqualTo(before);

        Api finance = Api.as(port, "finance");
        ResponseEntity<JsonNode> notANumber = finance.get("/api/cases/" + c.getId() + "/expense-claims/abc");
        assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
        assertThat(notANumber.getBody().get("fieldErrors").has("claimId")).as("%s", notANumber.getBody()).isTrue();
        assertThat(finance.get("/api/cases/" + c.getId() + "/expense-claims/999999").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "manager").get("/api/cases/" + c.getId() + "/expense-claims/1").getStatusCode().value())
                .as("a manager reads no claims").isEqualTo(403);
    }
}
