package org.relocation.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of the ledger's reports, pure: committed (planned and approved, in the month they are due, at the due
 * day's rate), actual (paid, in the month they were paid, at the paid day's rate), variance against a budget. A
 * recovery (incoming: money the employee pays back through payroll) counts negative: it reduces committed while planned
 * or approved and actual once paid (deducted), so committed or actual may fall below zero when recoveries exceed spend.
 */
public final class LedgerFigures {

    private LedgerFigures() {
    }

    /** Committed and actual of one month. */
    public record Month(String month, BigDecimal committed, BigDecimal actual) {
    }

    /** Budget, committed, actual, variance = budget − committed − actual, and variance as a per cent of the budget. */
    public record Totals(BigDecimal budget, BigDecimal committed, BigDecimal actual, BigDecimal variance, BigDecimal variancePercent) {
    }

    /** Per calendar month (YYYY-MM, ascending) of the payments' committed and actual amounts; months with neither left out. */
    public static List<Month> byMonth(Collection<MobilityPayment> payments, YearMonth from, YearMonth to, int scale) {
        Map<YearMonth, BigDecimal[]> months = new TreeMap<>();
        for (MobilityPayment p : payments) {
            if (p.getStatus().committed()) {
                add(months, YearMonth.from(p.getDueDate()), from, to, 0, p.signedReportingAmount());
            } else if (p.getStatus() == PaymentStatus.PAID) {
                add(months, YearMonth.from(p.getPaidOn()), from, to, 1, p.signedReportingAmount());
            }
        }
        return months.entrySet().stream().map(e -> new Month(e.getKey().toString(), e.getValue()[0].setScale(scale, RoundingMode.HALF_EVEN),
                e.getValue()[1].setScale(scale, RoundingMode.HALF_EVEN))).toList();
    }

    private static void add(Map<YearMonth, BigDecimal[]> months, YearMonth m, YearMonth from, YearMonth to, int slot, BigDecimal amount) {
        if ((from != null && m.isBefore(from)) || (to != null && m.isAfter(to))) {
            return;
        }
        BigDecimal[] s = months.computeIfAbsent(m, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        s[slot] = s[slot].add(amount);
    }

    /** The totals of these payments against a budget (null budget: no variance). */
    public static Totals totals(Collection<MobilityPayment> payments, BigDecimal budget, int scale) {
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        for (MobilityPayment p : payments) {
            if (p.getStatus().committed()) {
                committed = committed.add(p.signedReportingAmount());
            } else if (p.getStatus() == PaymentStatus.PAID) {
                actual = actual.add(p.signedReportingAmount());
            }
        }
        return totals(budget, committed, actual, scale);
    }

    public static Totals totals(BigDecimal budget, BigDecimal committed, BigDecimal actual, int scale) {
        committed = committed.setScale(scale, RoundingMode.HALF_EVEN);
        actual = actual.setScale(scale, RoundingMode.HALF_EVEN);
        if (budget == null) {
            return new Totals(null, committed, actual, null, null);
        }
        BigDecimal b = budget.setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal variance = b.subtract(committed).subtract(actual);
        return new Totals(b, committed, actual, variance, percent(variance, b));
    }

    /** {@code part} as a per cent of {@code whole}, two decimals half-even; null when the whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
    }
}
