package org.relocation.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentLedger;
import org.relocation.payroll.PayrollInstructionItem.Payroll;
import org.relocation.ledger.PaymentRoute;
import org.relocation.notification.Notification;
import org.relocation.notification.NotificationService;
import org.relocation.policy.PolicyDecision;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.tax.TaxCalculationService;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.relocation.vendor.VendorService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payroll instructions against the real policy tables (relocation-compensation among them), demo tax tables and rates
 * and the payments ledger: a long-term single assignee GB → DE (STANDARD, band C: housing cap 3200 EUR, COLA 6 %,
 * relocation allowance 8000 EUR) on 90 000 EUR a year is HOME_BASED, EQUALISATION, SPLIT 50/50; rejected by the provider,
 * corrected (version 2), confirmed, confirmed by finance and scheduled in the ledger; then read and exported through HTTP.
 */
@ServerTest
class PayrollInstructionsTest {

    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final LocalDate END = LocalDate.of(2029, 2, 28);

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
    TaxCalculationService tax;
    @Autowired
    VendorService vendors;
    @Autowired
    NotificationService notifications;
    @Autowired
    ServiceOrderRepository serviceOrders;

    private RelocationCase longTerm() {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Host City", "LONG_TERM", START, END, "CC-PAY-" + System.nanoTime() % 100_000, new BigDecimal("250000"), "EUR", 6,
                new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        return c;
    }

    private static String line(PayrollInstructionItem i) {
        return i.getPayroll() + " " + i.getComponent() + " " + i.getAmount().toPlainString() + " " + i.getCurrency() + " " + i.getFrequency()
                + " " + i.getStart() + ".." + i.getEnd();
    }

    @Test
    void aLongTermSplitInstructionIsBuiltRejectedCorrectedConfirmedAndScheduled() throws java.io.IOException {
        RelocationCase c = longTerm();
        PayrollInstruction v1 = instructions.prepare(c.getId(), "system");

        assertThat(v1.getReference()).isEqualTo("PI-" + c.getId() + "-v1");
        assertThat(v1.getStatus()).isEqualTo(PayrollInstruction.Status.DRAFT);
        assertThat(v1.getReason()).isEqualTo(PayrollInstruction.Reason.INITIAL);
        assertThat(v1.getEffectiveFrom()).isEqualTo(START);
        assertThat(v1.getCompensationApproach()).isEqualTo(CompensationApproach.HOME_BASED);
        assertThat(v1.getTaxApproach()).isEqualTo("EQUALISATION");
        assertThat(v1.getPayrollDelivery()).isEqualTo(PayrollDelivery.SPLIT);
        assertThat(v1.getHostSharePercent()).isEqualTo(50);
        assertThat(v1.isShadowPayroll()).isFalse();
        // 90 000 / 12 = 7 500.00 a month, half on each payroll; COLA 6 % of 90 000 / 12 = 450.00, on the host payroll
        BigDecimal hypo = tax.hypotheticalTax("GB", Money.of(new BigDecimal("90000"), "EUR"), START).withholdingPerPeriod(12).get(0);
        assertThat(v1.getItems()).extracting(PayrollInstructionsTest::line).contains(
                "HOME BASE_SALARY 3750.00 EUR MONTHLY 2027-03-01..2029-02-28",
                "HOST BASE_SALARY 3750.00 EUR MONTHLY 2027-03-01..2029-02-28",
                "HOST COST_OF_LIVING 450.00 EUR MONTHLY 2027-03-01..2029-02-28",
                "HOST HOUSING 3200.00 EUR MONTHLY 2027-03-01..2029-02-28",
                "HOST RELOCATION_ALLOWANCE 8000.00 EUR ONE_OFF 2027-03-01..2027-03-01",
                "HOME HYPOTHETICAL_TAX " + hypo.toPlainString() + " GBP MONTHLY 2027-03-01..2029-02-28");
        assertThat(hypo).isPositive();
        assertThat(v1.getItems()).noneMatch(i -> i.getPayroll() == Payroll.SHADOW);
        // the compensation decision is a policy decision of the case (decision log), with non-personal inputs only
        PolicyDecision decision = policy.decisions(c.getId()).stream().filter(d -> d.getDecisionKey().equals(PolicyService.COMPENSATION))
                .findFirst().orElseThrow();
        assertThat(decision.getInputs()).contains("\"policyTier\":\"STANDARD\"", "\"homeCountry\":\"GB\"").doesNotContain("90000");
        assertThat(decision.getOutputs()).contains("\"payrollDelivery\":\"SPLIT\"");

        // the same task again: the same instruction
        assertThat(instructions.prepare(c.getId(), "system").getId()).isEqualTo(v1.getId());
        instructions.sent(v1.getReference());
        assertThat(instructions.providerAnswered(c.getId(), false, "Host tax number missing")).isPresent();

        PayrollInstruction v2 = instructions.prepare(c.getId(), "system");
        assertThat(v2.getInstructionVersion()).isEqualTo(2);
        assertThat(v2.getReason()).isEqualTo(PayrollInstruction.Reason.CORRECTION);
        assertThat(instructions.ofCase(c.getId())).extracting(PayrollInstruction::getStatus)
                .containsExactly(PayrollInstruction.Status.REJECTED, PayrollInstruction.Status.DRAFT);
        assertThat(instructions.ofCase(c.getId()).get(0).getProviderNote()).isEqualTo("Host tax number missing");
        instructions.sent(v2.getReference());
        instructions.providerAnswered(c.getId(), true, null);
        assertThat(instructions.current(c.getId()).orElseThrow().getStatus()).isEqualTo(PayrollInstruction.Status.PROVIDER_CONFIRMED);
        instructions.financeConfirmed(c.getId(), "PR-77", "finance");

        PayrollInstructions.Scheduled scheduled = instructions.schedulePayments(c.getId(), "system");
        assertThat(scheduled.refused()).isEmpty();
        List<MobilityPayment> payments = ledger.ofCase(c.getId());
        assertThat(payments).hasSize(scheduled.payments()).allMatch(p -> p.getSourceReference().equals(v2.getReference()));
        assertThat(payments.stream().filter(p -> p.getCategory().equals("housing"))).hasSize(24);
        assertThat(payments.stream().filter(p -> p.getCategory().equals("cost-of-living"))).hasSize(24);
        assertThat(payments.stream().filter(p -> p.getCategory().equals("relocation-allowance"))).hasSize(1);
        // salary and hypothetical tax are pay, not mobility payments; scheduling again adds nothing
        assertThat(instructions.schedulePayments(c.getId(), "system").payments()).isEqualTo(scheduled.payments());
        assertThat(ledger.ofCase(c.getId())).hasSize(payments.size());

        // through HTTP: the salary lines for finance and the case's employee, not for the specialist or the line manager
        String path = "/api/cases/" + c.getId() + "/payroll-instructions";
        JsonNode forFinance = Api.as(port, "finance").get(path).getBody();
        assertThat(forFinance).hasSize(2);
        assertThat(forFinance.get(1).get("status").asText()).isEqualTo("FINANCE_CONFIRMED");
        assertThat(forFinance.get(1).get("financeReference").asText()).isEqualTo("PR-77");
        assertThat(components(forFinance.get(1))).contains("BASE_SALARY", "COST_OF_LIVING", "HYPOTHETICAL_TAX", "HOUSING");
        assertThat(components(Api.as(port, "employee").get(path).getBody().get(1))).contains("BASE_SALARY", "HOUSING");
        for (String user : List.of("specialist", "manager")) {
            ResponseEntity<JsonNode> r = Api.as(port, user).get(path);
            assertThat(r.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(components(r.getBody().get(1))).as(user).contains("HOUSING", "RELOCATION_ALLOWANCE")
                    .doesNotContain("BASE_SALARY", "COST_OF_LIVING", "HYPOTHETICAL_TAX");
            assertThat(r.getBody().toString()).as(user).doesNotContain("3750");
        }
        assertThat(Api.as(port, "finance").getStatus("/api/cases/999999/payroll-instructions")).isEqualTo(404);

        // the export per payroll provider: the host items for DE, the home items for GB
        String de = Api.as(port, "finance").getText("/api/finance/payroll-instructions/export?provider=DE&format=csv");
        assertThat(de).startsWith("case_number,instruction,version,effective_from,status,payroll,component,amount,currency,frequency,start,end,taxable,direction\r\n")
                .contains(c.getCaseNumber() + "," + v2.getReference() + ",2,2027-03-01,FINANCE_CONFIRMED,HOST,HOUSING,3200.00,EUR,MONTHLY,2027-03-01,2029-02-28,true,PAY\r\n")
                .doesNotContain(c.getCaseNumber() + "," + v2.getReference() + ",2,2027-03-01,FINANCE_CONFIRMED,HOME,")
                .doesNotContain(v1.getReference() + ",");
        String gb = Api.as(port, "hradmin").getText("/api/finance/payroll-instructions/export?provider=GB");
        assertThat(gb).contains(c.getCaseNumber() + "," + v2.getReference() + ",2,2027-03-01,FINANCE_CONFIRMED,HOME,BASE_SALARY,3750.00,EUR,MONTHLY");
        assertThat(gb).as("the hypothetical tax is withheld").contains(c.getCaseNumber() + "," + v2.getReference()
                + ",2,2027-03-01,FINANCE_CONFIRMED,HOME,HYPOTHETICAL_TAX," + hypo.toPlainString() + ",GBP,MONTHLY,2027-03-01,2029-02-28,false,WITHHOLD\r\n");
        byte[] xlsx = Api.as(port, "finance").getBytes("/api/finance/payroll-instructions/export?provider=DE&format=xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("Payroll DE");
            assertThat(java.util.stream.StreamSupport.stream(sheet.spliterator(), false).skip(1)
                    .filter(r -> r.getCell(0).getStringCellValue().equals(c.getCaseNumber()) && r.getCell(6).getStringCellValue().equals("HOUSING")))
                    .as("the HOUSING line of case %s in the DE sheet", c.getCaseNumber())
                    .anySatisfy(r -> {
                        assertThat(r.getCell(1).getStringCellValue()).isEqualTo(v2.getReference());
                        assertThat(r.getCell(7).getNumericCellValue()).isEqualTo(3200.00);
                        assertThat(r.getCell(10).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
                    });
        }
    }

    /**
     * A home country without a tax table (SE here): the instruction is prepared without the hypothetical tax and says
     * so. The tax service's "no table" is caught inside prepare's transaction; it failed the whole preparation with
     * UnexpectedRollbackException (the read-only query had marked the transaction rollback-only), and the journey
     * benchmark's cases from such countries stopped at prepare-payroll-instruction.
     */
    @Test
    void aHomeCountryWithoutATaxTableIsPreparedWithoutTheHypotheticalTax() {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "SE", "SE", "Stockholm", "DE",
                "Host City", "LONG_TERM", START, END, "CC-PAY-" + System.nanoTime() % 100_000, new BigDecimal("250000"), "EUR", 6,
                new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());

        PayrollInstruction pi = instructions.prepare(c.getId(), "system");

        assertThat(pi.getItems()).extracting(PayrollInstructionItem::getComponent).doesNotContain(PayrollInstructionItem.Component.HYPOTHETICAL_TAX)
                .contains(PayrollInstructionItem.Component.BASE_SALARY);
        assertThat(instructions.ofCase(c.getId())).as("the version was stored").hasSize(1);
        assertThat(instructions.ofCase(c.getId()).get(0).getNote()).contains("hypothetical tax not computed: no SE tax table");
    }

    /**
     * A provider answering at once overtakes the commit of the task that sent its order: the vendor order is already
     * sent, the payroll's record of it not yet. The answer was accepted and dropped ("no instruction awaits an answer"),
     * and the journey benchmark's case waited for it forever. Now it is a 409 the vendor retries, the order still awaits
     * its answer, and the retry after the commit counts.
     */
    @Test
    void anAnswerThatOvertakesTheSendingTaskIsRefusedForARetryAndCountsAfterwards() {
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Manual Answers", "LONG_TERM", START, END, "CC-PAY-" + System.nanoTime() % 100_000, new BigDecimal("250000"), "EUR", 6,
                new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        PayrollInstruction pi = instructions.prepare(c.getId(), "system");
        ServiceOrder order = vendors.order(c.getId(), ServiceType.PAYROLL_INSTRUCTION, "race-" + c.getId(),
                "Payroll instruction " + pi.getReference() + ", HOME payroll GB (SPLIT payroll)");
        assertThat(order.getStatus()).isEqualTo(ServiceOrder.Status.SENT);

        String body = "{\"reference\":\"" + order.getReference() + "\",\"status\":\"CONFIRMED\"}";
        ResponseEntity<JsonNode> early = Api.anonymous(port).postRaw("/api/vendor-callbacks/payroll", body,
                Signatures.callbackHeaders(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "demo-payroll-secret",
                        java.time.Instant.now().getEpochSecond()));
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody().get("detail").asText()).contains("retry later");
        assertThat(serviceOrders.findByReference(order.getReference()).orElseThrow().getStatus()).as("still awaiting its answer")
                .isEqualTo(ServiceOrder.Status.SENT);
        assertThat(instructions.current(c.getId()).orElseThrow().getStatus()).isEqualTo(PayrollInstruction.Status.DRAFT);

        instructions.ordered(pi.getReference(), Payroll.HOME, "GB", order.getReference());
        assertThat(instructions.providerAnswered(c.getId(), order.getReference(), true, null)).contains("confirmed");
        assertThat(instructions.current(c.getId()).orElseThrow().getStatus()).isEqualTo(PayrollInstruction.Status.PROVIDER_CONFIRMED);
    }

    /**
     * A six-month assignment (1 Feb to 1 Aug) is paid six months of housing and cost of living, as its approved estimate
     * counts them, not seven due dates; an item the ledger refuses (here the relocation allowance, the budget being used
     * up) is noted on the instruction and told to the specialists and finance, without amounts.
     */
    @Test
    void aSixMonthAssignmentIsPaidSixMonthsAndARefusedItemIsToldToTheTeam() {
        LocalDate start = LocalDate.of(2027, 2, 1);
        RelocationCase c = cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE",
                "Host City", "SHORT_TERM", start, LocalDate.of(2027, 8, 1), "CC-PAY-" + System.nanoTime() % 100_000, new BigDecimal("250000"),
                "EUR", 6, new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
        assertThat(policy.apply(c.getId()).eligible()).isTrue();
        estimator.estimate(c.getId(), "intake", "test");
        estimator.approveLatest(c.getId());
        BigDecimal budget = ledger.approvedBudget(cases.get(c.getId())).orElseThrow();
        PayrollInstruction pi = instructions.prepare(c.getId(), "system");
        assertThat(pi.getItems()).extracting(PayrollInstructionItem::getComponent).contains(PayrollInstructionItem.Component.RELOCATION_ALLOWANCE);
        instructions.sent(pi.getReference());
        instructions.providerAnswered(c.getId(), true, null);
        instructions.financeConfirmed(c.getId(), "PR-90", "finance");
        // everything but the last 500 EUR of the budget is already committed, before the monthly items
        BigDecimal housing = pi.getItems().stream().filter(i -> i.getComponent() == PayrollInstructionItem.Component.HOUSING)
                .map(PayrollInstructionItem::getAmount).findFirst().orElseThrow().multiply(BigDecimal.valueOf(6));
        BigDecimal cola = pi.getItems().stream().filter(i -> i.getComponent() == PayrollInstructionItem.Component.COST_OF_LIVING)
                .map(PayrollInstructionItem::getAmount).findFirst().orElseThrow().multiply(BigDecimal.valueOf(6));
        ledger.recordOneOff(c.getId(), new PaymentLedger.OneOff("tax", budget.subtract(housing).subtract(cola).subtract(new BigDecimal("500")),
                "EUR", start, false, PaymentRoute.PAYROLL, null, "Earlier commitment", null), "finance");

        PayrollInstructions.Scheduled scheduled = instructions.schedulePayments(c.getId(), "system");

        List<MobilityPayment> payments = ledger.ofCase(c.getId());
        assertThat(payments.stream().filter(p -> p.getCategory().equals("housing")).map(MobilityPayment::getDueDate))
                .containsExactly(start, start.plusMonths(1), start.plusMonths(2), start.plusMonths(3), start.plusMonths(4), start.plusMonths(5));
        assertThat(payments.stream().filter(p -> p.getCategory().equals("cost-of-living"))).hasSize(6);
        assertThat(scheduled.refused()).contains("RELOCATION_ALLOWANCE (BUDGET)").allMatch(r -> r.endsWith("(BUDGET)"));
        assertThat(instructions.current(c.getId()).orElseThrow().getNote()).contains("not scheduled in the ledger: ").contains("RELOCATION_ALLOWANCE (BUDGET)");
        List<Notification> told = notifications.notifications(c.getId()).stream()
                .filter(n -> n.getKind().equals("payroll-items-not-scheduled:" + pi.getReference())).toList();
        assertThat(told).extracting(Notification::getRecipient).containsExactlyInAnyOrder("mobility-specialists@example.com", "finance@example.com");
        assertThat(told.get(0).getSubject()).isEqualTo("Case " + c.getCaseNumber() + ": payroll items not scheduled in the payments ledger");
    }

    @Test
    void theExportTakesOnlyACountryAndCsvAndOnlyFinanceRoles() {
        String base = "/api/finance/payroll-instructions/export";
        ResponseEntity<JsonNode> missing = Api.as(port, "finance").get(base);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("fieldErrors").get("provider").asText()).contains("ISO 3166-1");
        ResponseEntity<JsonNode> lower = Api.as(port, "finance").get(base + "?provider=de");
        assertThat(lower.getBody().get("fieldErrors").has("provider")).isTrue();
        ResponseEntity<JsonNode> pdf = Api.as(port, "finance").get(base + "?provider=DE&format=pdf");
        assertThat(pdf.getStatusCode().value()).isEqualTo(400);
        assertThat(pdf.getBody().get("fieldErrors").get("format").asText()).contains("csv or xlsx");
        for (String user : List.of("specialist", "manager", "employee")) {
            assertThat(Api.as(port, user).getStatus(base + "?provider=DE")).as(user).isEqualTo(403);
        }
    }

    private static List<String> components(JsonNode instruction) {
        List<String> out = new ArrayList<>();
        instruction.get("items").forEach(i -> out.add(i.get("component").asText()));
        return out;
    }
}
