package org.relocation.ledger;

import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger against the real policy tables, estimates and demo rates (EUR/USD 1.1720 from 2026-01-01, 1.1650 from
 * 2026-10-01): schedules spread over months, caps per period, exceptions, lump sum, budget, conversion at the due and the
 * paid day's rate, segregation of duties, vendor invoices; nothing written when refused.
 */
@ServerTest
class PaymentLedgerTest {

    @Autowired
    CaseService cases;
    @Autowired
    PolicyService policy;
    @Autowired
    CostEstimator estimator;
    @Autowired
    PolicyExceptionService exceptions;
    @Autowired
    PaymentLedger ledger;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private RelocationCase longTerm() {
        return LedgerCases.longTerm(cases, policy, estimator, "CC-LED-" + System.nanoTime() % 100_000);
    }

    private static PaymentLedger.AllowanceSchedule housing(String reference, String amount, LocalDate start, LocalDate end) {
        return new PaymentLedger.AllowanceSchedule(reference, "housing", new BigDecimal(amount), "EUR", Frequency.MONTHLY, start, end, true,
                null, null, null);
    }

    private static PaymentLedger.OneOff oneOff(String category, String amount, String currency, LocalDate due) {
        return new PaymentLedger.OneOff(category, new BigDecimal(amount), currency, due, false, null, null, "test", null);
    }

    @Test
    void aTwoYearHousingAllowanceFallsInEachOfItsTwentyFourMonthsAndIsScheduledOnce() {
        RelocationCase c = longTerm();
        List<MobilityPayment> scheduled = ledger.schedule(c.getId(), housing("PI-1-v1", "3000.00", LocalDate.of(2027, 3, 1), null), "payroll-instructions");
        assertThat(scheduled).hasSize(24).allSatisfy(p -> {
            assertThat(p.getKind()).isEqualTo(PaymentKind.ALLOWANCE);
            assertThat(p.getStatus()).isEqualTo(PaymentStatus.PLANNED);
            assertThat(p.getRoute()).isEqualTo(PaymentRoute.PAYROLL);
            assertThat(p.getCostCentre()).isEqualTo(c.getCostCentre());
            assertThat(p.reporting()).isEqualTo(Money.of("3000.00", "EUR"));
        });
        assertThat(scheduled.get(23).getDueDate()).isEqualTo(LocalDate.of(2029, 2, 1));
        // the same schedule again writes nothing new
        assertThat(ledger.schedule(c.getId(), housing("PI-1-v1", "3000.00", LocalDate.of(2027, 3, 1), null), "payroll-instructions"))
                .extracting(MobilityPayment::getId).containsExactlyElementsOf(scheduled.stream().map(MobilityPayment::getId).toList());
        assertThat(ledger.ofCase(c.getId())).hasSize(24);

        PaymentLedger.CaseLedger summary = ledger.caseLedger(c.getId());
        BigDecimal budget = LedgerCases.budget(estimator, c.getId());
        assertThat(summary.months()).hasSize(24).allSatisfy(m -> assertThat(m.committed()).isEqualByComparingTo("3000.00"));
        assertThat(summary.months().get(0).month()).isEqualTo("2027-03");
        assertThat(summary.totals().budget()).isEqualByComparingTo(budget);
        assertThat(summary.totals().committed()).isEqualByComparingTo("72000.00");
        assertThat(summary.totals().variance()).isEqualByComparingTo(budget.subtract(new BigDecimal("72000")));
        assertThat(summary.totals().variancePercent()).isEqualByComparingTo(budget.subtract(new BigDecimal("72000"))
                .multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_EVEN));

        // a new instruction version from 2028-03: the old one's later payments are cancelled, the new one scheduled
        assertThat(ledger.cancelScheduled(c.getId(), "PI-1-v1", LocalDate.of(2028, 3, 1), "Instruction PI-1-v2 from 2028-03", "finance")).isEqualTo(12);
        ledger.schedule(c.getId(), housing("PI-1-v2", "3200.00", LocalDate.of(2028, 3, 1), null), "payroll-instructions");
        assertThat(ledger.caseLedger(c.getId()).totals().committed()).isEqualByComparingTo("74400.00"); // 12 x 3000 + 12 x 3200
    }

    @Test
    void aPaymentOverTheMonthlyHousingCapIsRefusedNamingTheCapUnlessAnApprovedExceptionLiftsIt() {
        RelocationCase c = longTerm();
        ledger.schedule(c.getId(), housing("PI-2-v1", "3000.00", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31)), "payroll-instructions");
        assertThatThrownBy(() -> ledger.recordOneOff(c.getId(), oneOff("housing", "300.00", "EUR", LocalDate.of(2027, 4, 20)), "specialist"))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessage("This housing payment of 300.00 EUR exceeds the housing cap of 3200.00 EUR a month (city band C, STANDARD tier): "
                        + "3000.00 EUR is already committed or paid in 2027-04; name an approved policy exception (policyExceptionId) to go beyond it");
        // the rest of the month's cap is fine, another month too
        ledger.recordOneOff(c.getId(), oneOff("housing", "200.00", "EUR", LocalDate.of(2027, 4, 20)), "specialist");
        ledger.recordOneOff(c.getId(), oneOff("housing", "200.00", "EUR", LocalDate.of(2027, 6, 20)), "specialist");
        assertThat(ledger.remainingCap(c.getId(), PaymentCategory.HOUSING, LocalDate.of(2027, 4, 1))).contains(Money.of("0", "EUR"));
        assertThat(ledger.remainingCap(c.getId(), PaymentCategory.HOUSING, LocalDate.of(2027, 6, 1))).contains(Money.of("3000", "EUR"));
        assertThat(ledger.remainingCap(c.getId(), PaymentCategory.TRAVEL, LocalDate.of(2027, 6, 1))).isEmpty();

        // exceptions are asked during intake
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(t -> cases.phaseEntered(c.getId(), "intake", "Intake"));
        PolicyException housing = exceptions.request(c.getId(), new PolicyExceptionService.Request("housing", "500", "EUR", "GM-4.2",
                "Family home market above the band cap"), "manager");
        PolicyException asked = exceptions.request(c.getId(), new PolicyExceptionService.Request("housing", "500", "EUR", "GM-4.2",
                "Another one, never decided"), "manager");
        PaymentLedger.OneOff withAsked = new PaymentLedger.OneOff("housing", new BigDecimal("300.00"), "EUR", LocalDate.of(2027, 4, 20), true,
                null, null, null, asked.getId());
        assertThatThrownBy(() -> ledger.recordOneOff(c.getId(), withAsked, "specialist")).isInstanceOf(InvalidPaymentException.class)
                .satisfies(e -> assertThat(((InvalidPaymentException) e).getFieldErrors()).containsEntry("policyExceptionId",
                        "is REQUESTED: only an approved exception lifts a cap"));
        exceptions.decide(housing.getId(), true, "Approved", "hrlead");
        MobilityPayment lifted = ledger.recordOneOff(c.getId(), new PaymentLedger.OneOff("housing", new BigDecimal("300.00"), "EUR",
                LocalDate.of(2027, 4, 20), true, null, null, null, housing.getId()), "specialist");
        assertThat(lifted.getPolicyExceptionId()).isEqualTo(housing.getId());
        PaymentLedger.OneOff wrongCategory = new PaymentLedger.OneOff("schooling", new BigDecimal("10.00"), "EUR", LocalDate.of(2027, 4, 20), true,
                null, null, null, housing.getId());
        assertThatThrownBy(() -> ledger.recordOneOff(c.getId(), wrongCategory, "specialist")).isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("policyExceptionId");
        // the exception lifts the cap by its amount, no more: April has 3500 of 3200 + 500
        assertThatThrownBy(() -> ledger.recordOneOff(c.getId(), new PaymentLedger.OneOff("housing", new BigDecimal("200.01"), "EUR",
                LocalDate.of(2027, 4, 21), true, null, null, null, housing.getId()), "specialist"))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("policy exception " + housing.getId() + " adds 500.00 EUR");
        assertThat(ledger.ofCase(c.getId())).hasSize(6);
    }

    @Test
    void aLumpSumCaseReimbursesNothing() {
        RelocationCase c = LedgerCases.open(cases, policy, estimator, "SHORT_TERM", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 8, 31),
                "CC-LED-LS", true);
        assertThat(ledger.isLumpSum(c.getId())).isTrue();
        assertThatThrownBy(() -> ledger.recordReimbursement(c.getId(), new PaymentLedger.Reimbursement("CLAIM-" + c.getId(), "travel",
                new BigDecimal("120.00"), "EUR", LocalDate.of(2027, 3, 5), false, "Taxi", null), "specialist"))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("has a lump-sum package").hasMessageContaining("is reimbursed nothing");
        assertThat(ledger.ofCase(c.getId())).isEmpty();
        // a managed case reimburses, once per claim
        RelocationCase managed = longTerm();
        assertThat(ledger.isLumpSum(managed.getId())).isFalse();
        PaymentLedger.Reimbursement taxi = new PaymentLedger.Reimbursement("CLAIM-M-" + managed.getId(), "travel", new BigDecimal("120.00"), "EUR",
                LocalDate.of(2027, 3, 5), false, "Taxi", null);
        MobilityPayment r = ledger.recordReimbursement(managed.getId(), taxi, "specialist");
        assertThat(r.getRoute()).isEqualTo(PaymentRoute.ACCOUNTS_PAYABLE);
        assertThat(ledger.recordReimbursement(managed.getId(), taxi, "specialist").getId()).isEqualTo(r.getId());
    }

    @Test
    void theBudgetIsTheApprovedEstimate() {
        RelocationCase unapproved = LedgerCases.open(cases, policy, estimator, "LONG_TERM", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28),
                "CC-LED-NA", false);
        assertThatThrownBy(() -> ledger.recordOneOff(unapproved.getId(), oneOff("travel", "100.00", "EUR", LocalDate.of(2027, 3, 1)), "specialist"))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("has no approved estimate");
        RelocationCase c = longTerm();
        BigDecimal budget = LedgerCases.budget(estimator, c.getId());
        assertThatThrownBy(() -> ledger.recordOneOff(c.getId(), oneOff("travel", budget.add(BigDecimal.ONE).toPlainString(), "EUR",
                LocalDate.of(2027, 3, 1)), "specialist"))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("over its approved budget of " + budget.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " EUR");
        assertThat(ledger.ofCase(c.getId())).isEmpty();
        // a vendor's invoice is recorded even so (the company ordered the service), once per order
        MobilityPayment invoice = ledger.recordVendorInvoice(c.getId(), "SO-TEST-" + c.getId(), PaymentCategory.HOUSEHOLD_GOODS,
                budget.add(BigDecimal.ONE), "EUR", LocalDate.of(2027, 3, 1), "vendor:moving");
        assertThat(invoice.getKind()).isEqualTo(PaymentKind.VENDOR_INVOICE);
        assertThat(invoice.getRoute()).isEqualTo(PaymentRoute.ACCOUNTS_PAYABLE);
        assertThat(ledger.recordVendorInvoice(c.getId(), "SO-TEST-" + c.getId(), PaymentCategory.HOUSEHOLD_GOODS, BigDecimal.TEN, "EUR",
                LocalDate.of(2027, 3, 1), "vendor:moving").getId()).isEqualTo(invoice.getId());
        assertThat(ledger.caseLedger(c.getId()).totals().variance()).isNegative();
    }

    @Test
    void anAmountIsConvertedAtItsDueDaysRateAndAgainAtItsPaidDaysRate() {
        RelocationCase c = longTerm();
        MobilityPayment p = ledger.recordOneOff(c.getId(), oneOff("travel", "1172.00", "USD", LocalDate.of(2026, 6, 1)), "specialist");
        assertThat(p.reporting()).isEqualTo(Money.of("1000.00", "EUR")); // 1172 / 1.1720 (the January rate)
        assertThat(p.getRateOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(p.getRate()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("1.1720"), MathContext.DECIMAL64));

        assertThatThrownBy(() -> ledger.approve(p.getId(), "specialist")).isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("was recorded by you").hasMessageContaining("segregation of duties");
        assertThatThrownBy(() -> ledger.markPaid(p.getId(), LocalDate.of(2026, 12, 1), "finance")).isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("is PLANNED and cannot become PAID");
        ledger.approve(p.getId(), "finance");
        assertThatThrownBy(() -> ledger.markPaid(p.getId(), LocalDate.now().plusDays(1), "finance")).isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("paidOn");
        MobilityPayment paid = ledger.markPaid(p.getId(), LocalDate.of(2026, 12, 1), "finance");
        // 1172 x (1 / 1.1650), the October rate = 1006.0085... -> 1006.01
        assertThat(paid.getPaidReportingAmount()).isEqualByComparingTo("1006.01");
        assertThat(paid.getPaidBy()).isEqualTo("finance");
        assertThat(paid.getPaidOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        PaymentLedger.CaseLedger summary = ledger.caseLedger(c.getId());
        assertThat(summary.totals().actual()).isEqualByComparingTo("1006.01");
        assertThat(summary.totals().committed()).isEqualByComparingTo("0.00");
        assertThat(summary.months()).extracting(LedgerFigures.Month::month).containsExactly("2026-12");
        assertThatThrownBy(() -> ledger.cancel(p.getId(), "Too late", "finance")).isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("a paid payment is final");
    }

    @Test
    void aVendorsReportedCostBecomesAVendorInvoiceOnceAndOneTheLedgerCannotTakeIsLeftOut() {
        RelocationCase c = longTerm();
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        org.relocation.vendor.VendorCostReported housing = new org.relocation.vendor.VendorCostReported(c.getId(), 1L, "SO-VI-" + c.getId(),
                org.relocation.vendor.ServiceType.TEMPORARY_HOUSING, new BigDecimal("2100.004"), "EUR", LocalDate.of(2027, 3, 2));
        tx.executeWithoutResult(t -> events.publishEvent(housing));
        tx.executeWithoutResult(t -> events.publishEvent(housing));
        tx.executeWithoutResult(t -> events.publishEvent(new org.relocation.vendor.VendorCostReported(c.getId(), 2L, "SO-VX-" + c.getId(),
                org.relocation.vendor.ServiceType.HOUSEHOLD_SHIPMENT, new BigDecimal("100"), "XAU", LocalDate.of(2027, 3, 2))));
        List<MobilityPayment> recorded = ledger.ofCase(c.getId());
        assertThat(recorded).hasSize(1);
        MobilityPayment invoice = recorded.get(0);
        assertThat(invoice.getKind()).isEqualTo(PaymentKind.VENDOR_INVOICE);
        assertThat(invoice.getCategory()).isEqualTo("temporary-housing");
        assertThat(invoice.getSourceReference()).isEqualTo("SO-VI-" + c.getId());
        assertThat(invoice.money()).isEqualTo(Money.of("2100.00", "EUR"));
        assertThat(invoice.getCreatedBy()).isEqualTo("vendor:housing");
        assertThat(invoice.isTaxable()).isFalse();
    }

    @Test
    void theCostOfLivingCapIsAShareOfTheSalaryAndItsRefusalNamesNoAmount() {
        RelocationCase c = longTerm();
        ledger.recordOneOff(c.getId(), oneOff("cost-of-living", "400.00", "EUR", LocalDate.of(2027, 3, 1)), "specialist");
        ledger.recordOneOff(c.getId(), oneOff("cost-of-living", "50.00", "EUR", LocalDate.of(2027, 3, 31)), "specialist"); // 6 % of 90000 / 12 = 450
        assertThatThrownBy(() -> ledger.recordOneOff(c.getId(), oneOff("cost-of-living", "0.01", "EUR", LocalDate.of(2027, 3, 15)), "specialist"))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessage("This cost-of-living payment exceeds the cost-of-living cap of 6% of the base salary a month; name an approved "
                        + "policy exception (policyExceptionId) to go beyond it");
        assertThat(ledger.ofCase(c.getId())).hasSize(2);
    }
}
