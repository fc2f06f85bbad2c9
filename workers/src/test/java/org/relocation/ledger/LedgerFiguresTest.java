package org.relocation.ledger;

import org.junit.jupiter.api.Test;
import org.relocation.relocationcase.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's arithmetic by hand: a two-year assignment's monthly allowance falls in each of its 24 months, paid
 * payments count in the month they were paid at the paid day's amount, cancelled ones nowhere; variance and its per cent;
 * the status moves.
 */
class LedgerFiguresTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    private static MobilityPayment payment(String amount, LocalDate due) {
        return new MobilityPayment(1L, PaymentKind.ALLOWANCE, PaymentCategory.HOUSING, "PI-1-v1", null, null, Money.of(amount, "EUR"),
                Money.of(amount, "EUR"), BigDecimal.ONE, "CC-1", PaymentRoute.PAYROLL, true, due, null, "specialist", NOW);
    }

    private static MobilityPayment recovery(String amount, LocalDate due) {
        return new MobilityPayment(1L, PaymentKind.RECOVERY, PaymentCategory.TAX, "TAX-SETTLEMENT-1", null, null, Money.of(amount, "EUR"),
                Money.of(amount, "EUR"), BigDecimal.ONE, "CC-1", PaymentRoute.PAYROLL, false, due, null, "finance", NOW);
    }

    @Test
    void aRecoveryCountsNegativeWhileCommittedAndOnceDeductedAndCancelledNowhere() {
        MobilityPayment allowance = payment("3000.00", LocalDate.of(2027, 3, 1));
        MobilityPayment planned = recovery("800.00", LocalDate.of(2027, 3, 20));
        MobilityPayment deducted = recovery("1200.00", LocalDate.of(2027, 3, 25));
        deducted.move(PaymentStatus.APPROVED, "finance2", NOW);
        deducted.move(PaymentStatus.PAID, "finance2", NOW);
        deducted.paid(LocalDate.of(2027, 4, 25), new BigDecimal("1210.50"), new BigDecimal("1.00875"));
        MobilityPayment cancelled = recovery("999.00", LocalDate.of(2027, 3, 26));
        cancelled.move(PaymentStatus.CANCELLED, "finance2", NOW);
        assertThat(planned.getDirection()).isEqualTo(PaymentDirection.INCOMING);
        assertThat(allowance.getDirection()).isEqualTo(PaymentDirection.OUTGOING);
        assertThat(deducted.signedReportingAmount()).isEqualByComparingTo("-1210.50");
        assertThat(cancelled.signedReportingAmount()).isZero();
        List<MobilityPayment> all = List.of(allowance, planned, deducted, cancelled);

        // committed 3000 - 800 = 2200 in 2027-03; actual -1210.50 in 2027-04; budget 5000: variance 5000 - 2200 + 1210.50 = 4010.50
        assertThat(LedgerFigures.byMonth(all, null, null, 2)).containsExactly(
                new LedgerFigures.Month("2027-03", new BigDecimal("2200.00"), new BigDecimal("0.00")),
                new LedgerFigures.Month("2027-04", new BigDecimal("0.00"), new BigDecimal("-1210.50")));
        LedgerFigures.Totals t = LedgerFigures.totals(all, new BigDecimal("5000"), 2);
        assertThat(t.committed()).isEqualByComparingTo("2200.00");
        assertThat(t.actual()).isEqualByComparingTo("-1210.50");
        assertThat(t.variance()).isEqualByComparingTo("4010.50");
        assertThat(t.variancePercent()).isEqualByComparingTo("80.21");
    }

    @Test
    void aTwoYearAssignmentsMonthlyAllowanceIsSpreadOverItsTwentyFourMonths() {
        List<LocalDate> due = Frequency.MONTHLY.dueDates(LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), 120);
        assertThat(due).hasSize(24).startsWith(LocalDate.of(2027, 3, 1)).endsWith(LocalDate.of(2029, 2, 1));
        List<MobilityPayment> payments = new ArrayList<>();
        due.forEach(d -> payments.add(payment("3000.00", d)));

        List<LedgerFigures.Month> months = LedgerFigures.byMonth(payments, null, null, 2);
        assertThat(months).hasSize(24);
        assertThat(months.get(0)).isEqualTo(new LedgerFigures.Month("2027-03", new BigDecimal("3000.00"), new BigDecimal("0.00")));
        assertThat(months.get(23).month()).isEqualTo("2029-02");
        assertThat(months.stream().filter(m -> m.month().startsWith("2028"))).hasSize(12);
        // a period of one year sees only its months
        assertThat(LedgerFigures.byMonth(payments, YearMonth.of(2028, 1), YearMonth.of(2028, 12), 2)).hasSize(12);

        // budget 100000: committed 72000, variance 28000 = 28.00 %
        LedgerFigures.Totals t = LedgerFigures.totals(payments, new BigDecimal("100000"), 2);
        assertThat(t.committed()).isEqualByComparingTo("72000.00");
        assertThat(t.actual()).isEqualByComparingTo("0.00");
        assertThat(t.variance()).isEqualByComparingTo("28000.00");
        assertThat(t.variancePercent()).isEqualByComparingTo("28.00");
    }

    @Test
    void paidPaymentsCountInTheirPaidMonthAtThePaidAmountAndCancelledOnesNowhere() {
        MobilityPayment paid = payment("1000.00", LocalDate.of(2027, 3, 1));
        paid.move(PaymentStatus.APPROVED, "finance", NOW);
        paid.move(PaymentStatus.PAID, "finance2", NOW);
        paid.paid(LocalDate.of(2027, 4, 2), new BigDecimal("1006.01"), new BigDecimal("0.85"));
        MobilityPayment cancelled = payment("500.00", LocalDate.of(2027, 3, 1));
        cancelled.move(PaymentStatus.CANCELLED, "finance", NOW);
        MobilityPayment planned = payment("333.33", LocalDate.of(2027, 3, 31));

        List<LedgerFigures.Month> months = LedgerFigures.byMonth(List.of(paid, cancelled, planned), null, null, 2);
        assertThat(months).containsExactly(
                new LedgerFigures.Month("2027-03", new BigDecimal("333.33"), new BigDecimal("0.00")),
                new LedgerFigures.Month("2027-04", new BigDecimal("0.00"), new BigDecimal("1006.01")));
        // over budget: variance negative, per cent two decimals half-even: -339.34 / 1000 = -33.934 % -> -33.93
        LedgerFigures.Totals t = LedgerFigures.totals(List.of(paid, cancelled, planned), new BigDecimal("1000"), 2);
        assertThat(t.variance()).isEqualByComparingTo("-339.34");
        assertThat(t.variancePercent()).isEqualByComparingTo("-33.93");
        assertThat(LedgerFigures.totals(List.of(planned), null, 2).variance()).as("no budget, no variance").isNull();
        assertThat(LedgerFigures.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }

    @Test
    void onlyTheAllowedMovesAreMadeAndAFinalPaymentSaysSo() {
        MobilityPayment p = payment("10.00", LocalDate.of(2027, 3, 1));
        assertThatThrownBy(() -> p.move(PaymentStatus.PAID, "finance", NOW)).isInstanceOf(PaymentRefusedException.class)
                .hasMessage("Payment null is PLANNED and cannot become PAID (it can become [APPROVED, CANCELLED])");
        p.move(PaymentStatus.APPROVED, "finance", NOW);
        assertThat(p.getApprovedBy()).isEqualTo("finance");
        assertThat(p.getApprovedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> p.move(PaymentStatus.APPROVED, "finance", NOW)).isInstanceOf(PaymentRefusedException.class);
        p.move(PaymentStatus.PAID, "finance", NOW);
        assertThatThrownBy(() -> p.move(PaymentStatus.CANCELLED, "finance", NOW))
                .hasMessageContaining("is PAID and cannot become CANCELLED: a paid payment is final");
        assertThat(p.getStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(PaymentStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void dueDatesKeepTheDayOfTheMonthOrTheMonthsLastDay() {
        assertThat(Frequency.MONTHLY.dueDates(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 4, 30), 120))
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30));
        assertThat(Frequency.QUARTERLY.dueDates(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), 120)).hasSize(4);
        assertThat(Frequency.YEARLY.dueDates(LocalDate.of(2027, 9, 1), LocalDate.of(2029, 8, 31), 120)).hasSize(2);
        assertThat(Frequency.ONCE.dueDates(LocalDate.of(2027, 9, 1), LocalDate.of(2029, 8, 31), 120)).containsExactly(LocalDate.of(2027, 9, 1));
        assertThat(Frequency.MONTHLY.dueDates(LocalDate.of(2027, 1, 1), LocalDate.of(2047, 1, 1), 120)).hasSize(121);
    }
}
