package org.relocation.tax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentDirection;
import org.relocation.ledger.PaymentKind;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentRoute;
import org.relocation.ledger.PaymentStatus;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tax-equalisation settlements through HTTP, every path of relocation-tax-settlement: finance enters, another member
 * of finance (here admin) decides in the approve-tax-settlement task. Hand-computed with the demo tables: a GB employee
 * on 90 000 EUR a year, converted at the demo rate of 2026-04-06 (0.8735) = 78 615.00 GBP; GB 2026 (illustrative):
 * income tax 20 % × 37 700 + 40 % × 28 345 = 7 540 + 11 338 = 18 878.00; social security 8 % × 50 270 (ceiling)
 * = 4 021.60; hypothetical tax 22 899.60 GBP a year, 1 908.30 a month. Amounts entered in GBP, so nothing is converted.
 */
@ServerTest
class TaxSettlementApiTest {

    static final int YEAR = 2026;

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
    TaxYearSettlementRepository settlements;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    /** A case as the approval phase leaves it: registered, decided, its estimate approved (the ledger's budget). */
    private RelocationCase open(String type, LocalDate start, LocalDate end) {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Host City", type, start, end, "CC-TAX-1", new BigDecimal("250000"), "EUR", 6, new BigDecimal("90000"), "EUR", List.of(),
                "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        return c;
    }

    private RelocationCase longTerm() {
        return open("LONG_TERM", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
    }

    private static ObjectNode entry(Integer year, String currency, String withheld, Object... taxes) {
        ObjectNode n = Api.JSON.createObjectNode();
        if (year != null) {
            n.put("taxYear", year);
        }
        if (currency != null) {
            n.put("currency", currency);
        }
        if (withheld != null) {
            n.put("hypotheticalTaxWithheld", new BigDecimal(withheld));
        }
        ArrayNode list = n.putArray("actualTaxes");
        for (int i = 0; i < taxes.length; i += 3) {
            ObjectNode t = list.addObject();
            t.put("country", (String) taxes[i]);
            t.put("amount", new BigDecimal((String) taxes[i + 1]));
            if (taxes[i + 2] != null) {
                t.put("paidBy", (String) taxes[i + 2]);
            }
        }
        return n;
    }

    private JsonNode enter(String user, RelocationCase c, ObjectNode entry) {
        ResponseEntity<JsonNode> r = Api.as(port, user).post("/api/cases/" + c.getId() + "/tax-settlements", entry);
        assertThat(r.getStatusCode().value()).as("entry %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    private static void assertAmount(JsonNode n, String field, String expected) {
        assertThat(n.get(field).decimalValue()).as(field).isEqualByComparingTo(expected);
    }

    private static void assertBadRequest(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has(field)).as("fieldErrors %s", r.getBody()).isTrue();
        assertThat(r.getBody().get("fieldErrors").get(field).asText()).as("a sentence").contains(" ");
    }

    private String endOf(JsonNode settlement) {
        String pid = settlements.findById(settlement.get("id").asLong()).orElseThrow().getProcessInstanceId();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("instance ended").isZero();
        return history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId();
    }

    private String taskOf(Api api, RelocationCase c) {
        return api.awaitTask(c.getCaseNumber(), "approve-tax-settlement");
    }

    @Test
    void approvedAndOwedByTheEmployeeBecomesAnApprovedRecoveryPayrollDeducts() throws Exception {
        RelocationCase c = longTerm();
        JsonNode s = enter("finance", c, entry(YEAR, "GBP", "20000", "DE", "25000", null, "GB", "1000", "COMPANY"));
        assertThat(s.get("approach").asText()).isEqualTo("EQUALISATION");
        assertThat(s.get("currency").asText()).isEqualTo("GBP");
        assertThat(s.get("withheldSource").asText()).isEqualTo("PAYROLL_REPORTED");
        assertAmount(s, "hypotheticalTax", "22899.60");
        assertAmount(s, "hypotheticalTaxWithheld", "20000");
        assertAmount(s, "actualTaxes", "26000");
        assertAmount(s, "amount", "2899.60");
        assertThat(s.get("direction").asText()).isEqualTo("OWED_BY_EMPLOYEE");
        assertAmount(s, "companyTaxCost", "3100.40");
        assertThat(s.get("status").asText()).isEqualTo("AWAITING_APPROVAL");

        // the form's table, built from the record when the task opens; the process holds ids and a flag only
        Api admin = Api.as(port, "admin");
        String task = taskOf(admin, c);
        JsonNode form = admin.get("/engine-rest/task/" + task + "/form-variables").getBody();
        JsonNode view = Api.JSON.readTree(form.get("settlement").get("value").asText());
        assertThat(view.get("lines").toString()).contains("22899.60 GBP", "2899.60 GBP", "owed by the employee");
        assertThat(runtime.getVariables(settlements.findById(s.get("id").asLong()).orElseThrow().getProcessInstanceId()))
                .containsOnlyKeys("caseId", "settlementId", "settlementDue").containsEntry("settlementDue", true);

        assertThat(admin.complete(task, Map.of("settlementDecision", "approve")).getStatusCode().value()).isEqualTo(204);
        JsonNode decided = admin.get("/api/cases/" + c.getId() + "/tax-settlements/" + s.get("id").asLong()).getBody();
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("admin");
        // the ledger's recovery: incoming, through payroll, recorded by who entered it, approved by the decider
        MobilityPayment r = ledger.get(decided.get("paymentId").asLong());
        assertThat(ledger.ofCase(c.getId())).extracting(MobilityPayment::getId).containsExactly(r.getId());
        assertThat(r.getKind()).isEqualTo(PaymentKind.RECOVERY);
        assertThat(r.getDirection()).isEqualTo(PaymentDirection.INCOMING);
        assertThat(r.categoryCode().code()).isEqualTo("tax");
        assertThat(r.getRoute()).isEqualTo(PaymentRoute.PAYROLL);
        assertThat(r.getStatus()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(r.getCreatedBy()).isEqualTo("finance");
        assertThat(r.getApprovedBy()).isEqualTo("admin");
        assertThat(r.getSourceReference()).isEqualTo("TAX-SETTLEMENT-" + s.get("id").asLong());
        assertThat(r.money().amount()).isEqualByComparingTo("2899.60");
        assertThat(r.money().currency().getCurrencyCode()).isEqualTo("GBP");
        // at the rate of the day it was approved: 1 EUR = 0.8720 GBP from 2026-10-01 (the demo rates), 2899.60 / 0.8720 = 3325.2293...
        assertThat(r.getRateOn()).isAfterOrEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(r.reporting().amount()).isEqualByComparingTo("3325.23");

        // the case's figures net it: committed is minus the recovery; the employee sees it among their payments
        JsonNode payments = Api.as(port, "employee").get("/api/cases/" + c.getId() + "/payments").getBody();
        assertThat(payments.get("committed").decimalValue()).isEqualByComparingTo("-3325.23");
        assertThat(payments.get("payments").get(0).get("kind").asText()).isEqualTo("RECOVERY");
        assertThat(payments.get("payments").get(0).get("direction").asText()).isEqualTo("INCOMING");

        // the home payroll's export (GB: no instruction, so the home payroll deducts it) shows the deduction
        String gb = Api.as(port, "finance").getText("/api/finance/payroll-instructions/export?provider=GB");
        assertThat(gb).contains(c.getCaseNumber() + ",TAX-SETTLEMENT-" + s.get("id").asLong() + ",," + r.getDueDate() + ",APPROVED,HOME,RECOVERY,2899.60,GBP,ONE_OFF,"
                + r.getDueDate() + "," + r.getDueDate() + ",false,DEDUCT\r\n");
        assertThat(Api.as(port, "finance").getText("/api/finance/payroll-instructions/export?provider=DE"))
                .as("not the host payroll's").doesNotContain("TAX-SETTLEMENT-" + s.get("id").asLong());
        byte[] xlsx = Api.as(port, "finance").getBytes("/api/finance/payroll-instructions/export?provider=GB&format=xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(java.util.stream.StreamSupport.stream(book.getSheet("Payroll GB").spliterator(), false).skip(1)
                    .filter(row -> row.getCell(1).getStringCellValue().equals("TAX-SETTLEMENT-" + s.get("id").asLong())))
                    .singleElement().satisfies(row -> {
                        assertThat(row.getCell(6).getStringCellValue()).isEqualTo("RECOVERY");
                        assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(2899.60);
                        assertThat(row.getCell(13).getStringCellValue()).isEqualTo("DEDUCT");
                    });
        }
        // once deducted, payroll has nothing more to deduct
        ledger.markPaid(r.getId(), r.getDueDate(), "admin");
        assertThat(Api.as(port, "finance").getText("/api/finance/payroll-instructions/export?provider=GB"))
                .doesNotContain("TAX-SETTLEMENT-" + s.get("id").asLong());
        assertThat(endOf(s)).isEqualTo("tax-settlement-approved");
    }

    @Test
    void approvedAndOwedToTheEmployeeBecomesAnApprovedLedgerPayment() {
        RelocationCase c = longTerm();
        // withheld from the case: 12 months × 1 908.30; the employee paid the DE tax themselves
        JsonNode s = enter("finance", c, entry(YEAR, "GBP", null, "DE", "8000", "EMPLOYEE", "GB", "15000", null));
        assertThat(s.get("withheldSource").asText()).isEqualTo("CASE");
        assertAmount(s, "hypotheticalTaxWithheld", "22899.60");
        assertAmount(s, "amount", "8000.00");
        assertThat(s.get("direction").asText()).isEqualTo("OWED_TO_EMPLOYEE");
        assertAmount(s, "companyTaxCost", "100.40");

        Api admin = Api.as(port, "admin");
        assertThat(admin.complete(taskOf(admin, c), Map.of("settlementDecision", "approve", "settlementComment", "Checked with the returns"))
                .getStatusCode().value()).isEqualTo(204);
        TaxYearSettlement decided = settlements.findById(s.get("id").asLong()).orElseThrow();
        assertThat(decided.getStatus()).isEqualTo(TaxYearSettlement.Status.APPROVED);
        assertThat(decided.getDecisionComment()).isEqualTo("Checked with the returns");
        MobilityPayment p = ledger.get(decided.getPaymentId());
        assertThat(p.getCaseId()).isEqualTo(c.getId());
        assertThat(p.categoryCode().code()).isEqualTo("tax");
        assertThat(p.getRoute()).isEqualTo(PaymentRoute.PAYROLL);
        assertThat(p.getStatus()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(p.getCreatedBy()).as("recorded by who entered it").isEqualTo("finance");
        assertThat(p.getApprovedBy()).as("approved by who approved the settlement").isEqualTo("admin");
        assertThat(p.money().amount()).isEqualByComparingTo("8000.00");
        assertThat(p.money().currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(endOf(s)).isEqualTo("tax-settlement-approved");
    }

    @Test
    void protectionWithActualTaxesAboveTheHypotheticalSettlesNothing() {
        // an extended business traveller: PROTECTION; 2026-01-01 to 2026-12-31 covers 9 months of GB's 2026 tax year
        RelocationCase c = open("EXTENDED_BUSINESS_TRAVELLER", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        JsonNode s = enter("admin", c, entry(YEAR, "GBP", null, "DE", "20000", null));
        assertThat(s.get("approach").asText()).isEqualTo("PROTECTION");
        assertAmount(s, "hypotheticalTax", "17174.70"); // 9 × 1 908.30
        assertAmount(s, "employeeTaxBurden", "17174.70");
        assertAmount(s, "amount", "0");
        assertThat(s.get("direction").asText()).isEqualTo("NONE");
        assertAmount(s, "companyTaxCost", "2825.30");

        Api finance = Api.as(port, "finance");
        assertThat(finance.complete(taskOf(finance, c), Map.of("settlementDecision", "approve")).getStatusCode().value()).isEqualTo(204);
        assertThat(settlements.findById(s.get("id").asLong()).orElseThrow().getStatus()).isEqualTo(TaxYearSettlement.Status.APPROVED);
        assertThat(ledger.ofCase(c.getId())).isEmpty();
        assertThat(endOf(s)).isEqualTo("tax-settlement-nothing-due");
    }

    @Test
    void theCompensationDecisionsTaxApproachOverridesTheAssignmentTypesDefault() {
        // a long-term move within DE/NL/FR at the STANDARD tier: the compensation table says PROTECTION, where the
        // assignment type's default (before the payroll phase records a decision) is EQUALISATION
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "FR", "FR", "Paris", "DE",
                "Berlin", "LONG_TERM", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), "CC-TAX-1", new BigDecimal("250000"), "EUR", 6,
                new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        assertThat(TaxApproaches.byAssignmentType(c.getAssignmentType())).isEqualTo(TaxApproach.EQUALISATION);
        assertThat(policy.compensation(c.getId()).taxApproach()).isEqualTo("PROTECTION");

        JsonNode s = enter("admin", c, entry(YEAR, "EUR", null, "DE", "90000", null));
        assertThat(s.get("approach").asText()).isEqualTo("PROTECTION");
        assertThat(s.get("direction").asText()).as("actual above hypothetical: protection settles nothing").isEqualTo("NONE");
    }

    @Test
    void aRejectionNeedsItsReasonClosesTheSettlementAndTheYearMayBeEnteredAgain() {
        RelocationCase c = longTerm();
        JsonNode s = enter("finance", c, entry(YEAR, "GBP", "20000", "DE", "25000", null));
        Api admin = Api.as(port, "admin");
        String task = taskOf(admin, c);
        assertBadRequest(admin.complete(task, Map.of("settlementDecision", "reject")), "settlementComment");
        assertThat(settlements.findById(s.get("id").asLong()).orElseThrow().getStatus()).isEqualTo(TaxYearSettlement.Status.AWAITING_APPROVAL);

        // a second entry of the year while the first awaits approval: refused, nothing written
        ResponseEntity<JsonNode> twice = Api.as(port, "finance").post("/api/cases/" + c.getId() + "/tax-settlements",
                entry(YEAR, "GBP", null, "DE", "25000", null));
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(settlements.findByCaseIdOrderByTaxYearAscIdAsc(c.getId())).hasSize(1);

        assertThat(admin.complete(task, Map.of("settlementDecision", "reject", "settlementComment", "The DE return is not final"))
                .getStatusCode().value()).isEqualTo(204);
        TaxYearSettlement rejected = settlements.findById(s.get("id").asLong()).orElseThrow();
        assertThat(rejected.getStatus()).isEqualTo(TaxYearSettlement.Status.REJECTED);
        assertThat(rejected.getDecisionComment()).isEqualTo("The DE return is not final");
        assertThat(rejected.getPaymentId()).isNull();
        assertThat(endOf(s)).isEqualTo("tax-settlement-rejected");
        assertThat(ledger.ofCase(c.getId())).isEmpty();

        enter("finance", c, entry(YEAR, "GBP", null, "DE", "25000", null));
        assertThat(Api.as(port, "finance").get("/api/cases/" + c.getId() + "/tax-settlements").getBody()).hasSize(2);
    }

    @Test
    void whoeverEnteredTheSettlementMayNotDecideIt() {
        RelocationCase c = longTerm();
        JsonNode s = enter("finance", c, entry(YEAR, "GBP", null, "DE", "8000", "EMPLOYEE"));
        Api finance = Api.as(port, "finance");
        ResponseEntity<JsonNode> own = finance.complete(taskOf(finance, c), Map.of("settlementDecision", "approve"));
        assertBadRequest(own, "settlementDecision");
        assertThat(own.getBody().get("fieldErrors").get("settlementDecision").asText()).contains("segregation of duties");
        assertThat(settlements.findById(s.get("id").asLong()).orElseThrow().getStatus()).isEqualTo(TaxYearSettlement.Status.AWAITING_APPROVAL);
        assertThat(ledger.ofCase(c.getId())).isEmpty();
        assertThat(finance.awaitTask(c.getCaseNumber(), "approve-tax-settlement")).as("the task stays open").isNotBlank();
    }

    @Test
    void eachBadFieldIsA400NamingItAndNothingIsWritten() {
        RelocationCase c = longTerm();
        Api finance = Api.as(port, "finance");
        String path = "/api/cases/" + c.getId() + "/tax-settlements";
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(TaxSettlementProcess.PROCESS_KEY).count();
        assertBadRequest(finance.post(path, entry(null, "GBP", null, "DE", "1", null)), "taxYear");
        assertBadRequest(finance.post(path, entry(1999, "GBP", null, "DE", "1", null)), "taxYear");
        assertBadRequest(finance.post(path, entry(LocalDate.now().getYear() + 1, "GBP", null, "DE", "1", null)), "taxYear");
        assertBadRequest(finance.post(path, entry(2025, "GBP", null, "DE", "1", null)), "taxYear"); // before the assignment (and GB's table)
        assertBadRequest(finance.post(path, entry(YEAR, null, null, "DE", "1", null)), "currency");
        assertBadRequest(finance.post(path, entry(YEAR, "XXY", null, "DE", "1", null)), "currency");
        assertBadRequest(finance.post(path, entry(YEAR, "GBP", null)), "actualTaxes");
        assertBadRequest(finance.post(path, entry(YEAR, "GBP", null, "FR", "1", null)), "actualTaxes[0].country");
        assertBadRequest(finance.post(path, entry(YEAR, "GBP", null, "DE", "-1", null)), "actualTaxes[0].amount");
        assertBadRequest(finance.post(path, entry(YEAR, "GBP", null, "DE", "1", null, "GB", "1.001", null)), "actualTaxes[1].amount");
        assertBadRequest(finance.post(path, entry(YEAR, "JPY", null, "DE", "1.5", null)), "actualTaxes[0].amount");
        assertBadRequest(finance.post(path, entry(YEAR, "GBP", "-5", "DE", "1", null)), "hypotheticalTaxWithheld");
        ObjectNode badEnum = entry(YEAR, "GBP", null, "DE", "1", null);
        ((ObjectNode) badEnum.get("actualTaxes").get(0)).put("paidBy", "NOBODY");
        assertThat(finance.post(path, badEnum).getStatusCode().value()).isEqualTo(400);
        assertThat(finance.postRaw(path, "{\"taxYear\": \"soon\"}", Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(settlements.findByCaseIdOrderByTaxYearAscIdAsc(c.getId())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TaxSettlementProcess.PROCESS_KEY).count()).isEqualTo(instances);

        assertThat(finance.post("/api/cases/999999/tax-settlements", entry(YEAR, "GBP", null, "DE", "1", null)).getStatusCode().value())
                .isEqualTo(404);
        // a permanent transfer is LAISSEZ_FAIRE: nothing to settle
        RelocationCase transfer = open("PERMANENT_TRANSFER", LocalDate.of(2026, 1, 1), null);
        ResponseEntity<JsonNode> lf = finance.post("/api/cases/" + transfer.getId() + "/tax-settlements", entry(YEAR, "GBP", null, "DE", "1", null));
        assertThat(lf.getStatusCode().value()).isEqualTo(409);
        assertThat(lf.getBody().get("detail").asText()).contains("LAISSEZ_FAIRE");
        assertThat(settlements.findByCaseIdOrderByTaxYearAscIdAsc(transfer.getId())).isEmpty();
    }

    @Test
    void financeAndAdminEnterHrAdminReadsOthersAreRefused() {
        RelocationCase c = longTerm();
        String path = "/api/cases/" + c.getId() + "/tax-settlements";
        for (String user : List.of("specialist", "manager", "employee", "hradmin", "hrlead", "owner")) {
            assertThat(Api.as(port, user).post(path, entry(YEAR, "GBP", null, "DE", "1", null)).getStatusCode().value())
                    .as("POST as %s", user).isEqualTo(403);
        }
        for (String user : List.of("specialist", "manager", "employee", "owner")) {
            assertThat(Api.as(port, user).getStatus(path)).as("GET as %s", user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).getStatus(path)).isEqualTo(401);
        assertThat(settlements.findByCaseIdOrderByTaxYearAscIdAsc(c.getId())).isEmpty();
        enter("admin", c, entry(YEAR, "GBP", null, "DE", "1", null));
        assertThat(Api.as(port, "hradmin").get(path).getBody()).hasSize(1);
        assertThat(Api.as(port, "finance").getStatus(path + "/999999")).isEqualTo(404);
    }
}
