package org.relocation.ledger;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimator;
import org.relocation.fx.ExchangeRateService;
import org.relocation.relocationcase.CaseRepository;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finance's views of the ledger in the reporting currency: per cost centre and calendar month, committed (planned and
 * approved payments in the month they are due, at the due day's rate) and actual (paid payments in the month they were
 * paid, at the paid day's rate), with each cost centre's budget (the approved estimates of its cases in progress or
 * completed), variance and totals; and the monthly chargeback (what was paid in a month, per cost centre and case).
 * Recoveries (incoming payments the employee owes, deducted through payroll) count negative everywhere: a paid
 * recovery is credited to its cost centre in the month it was deducted.
 * <p>
 * {@code finance.FinanceReports} differs on purpose: it reports estimates (committed = a case's whole approved estimate
 * in the quarter its assignment starts, forecast = estimates awaiting approval) and charges back a case's final cost
 * when it closes. The ledger reports payments, month by month, as they fall due and are paid.
 */
@Service
public class LedgerReports {

    private final MobilityPaymentRepository payments;
    private final CaseRepository cases;
    private final CostEstimator estimates;
    private final ExchangeRateService rates;

    LedgerReports(MobilityPaymentRepository payments, CaseRepository cases, CostEstimator estimates, ExchangeRateService rates) {
        this.payments = payments;
        this.cases = cases;
        this.estimates = estimates;
        this.rates = rates;
    }

    /** One cost centre in one month. */
    public record LedgerMonth(String costCentre, String month, BigDecimal committed, BigDecimal actual, int payments) {
    }

    /** One cost centre: its budget and whole-life committed, actual and variance, and the period's committed and actual. */
    public record LedgerCostCentre(String costCentre, BigDecimal budget, BigDecimal committed, BigDecimal actual, BigDecimal variance,
                                   BigDecimal variancePercent, BigDecimal periodCommitted, BigDecimal periodActual, int cases) {
    }

    /** The ledger of a period: monthly rows, per cost centre totals, and the grand totals (cost centre null). */
    public record LedgerReport(String currency, String from, String to, List<LedgerMonth> months, List<LedgerCostCentre> costCentres,
                         LedgerCostCentre totals) {
    }

    /**
     * The payments of every case (optionally one cost centre) in the months [from, to]: a finance view, over all cases
     * as {@code FinanceReports} is.
     */
    @Transactional(readOnly = true)
    public LedgerReport ledger(YearMonth from, YearMonth to, String costCentre) {
        int scale = Math.max(rates.reportingCurrency().getDefaultFractionDigits(), 0);
        List<MobilityPayment> inPeriod = payments.findInPeriod(from.atDay(1), to.atEndOfMonth()).stream()
                .filter(p -> costCentre == null || costCentre.equals(p.getCostCentre())).toList();
        Map<String, Map<YearMonth, BigDecimal[]>> rows = new TreeMap<>();
        Map<String, Map<YearMonth, Integer>> counts = new HashMap<>();
        for (MobilityPayment p : inPeriod) {
            YearMonth m = p.getStatus() == PaymentStatus.PAID ? YearMonth.from(p.getPaidOn()) : YearMonth.from(p.getDueDate());
            if (m.isBefore(from) || m.isAfter(to) || p.getStatus() == PaymentStatus.CANCELLED) {
                continue;
            }
            BigDecimal[] s = rows.computeIfAbsent(p.getCostCentre(), k -> new TreeMap<>()).computeIfAbsent(m, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            s[p.getStatus() == PaymentStatus.PAID ? 1 : 0] = s[p.getStatus() == PaymentStatus.PAID ? 1 : 0].add(p.signedReportingAmount());
            counts.computeIfAbsent(p.getCostCentre(), k -> new HashMap<>()).merge(m, 1, Integer::sum);
        }
        List<LedgerMonth> months = new ArrayList<>();
        rows.forEach((cc, byMonth) -> byMonth.forEach((m, s) -> months.add(new LedgerMonth(cc, m.toString(),
                s[0].setScale(scale, RoundingMode.HALF_EVEN), s[1].setScale(scale, RoundingMode.HALF_EVEN), counts.get(cc).get(m)))));

        // whole-life figures of every cost centre in the period's rows: budget of its cases, all their live payments
        Map<String, BigDecimal> budgets = new HashMap<>();
        Map<String, Integer> caseCounts = new HashMap<>();
        Map<Long, BigDecimal> approved = new HashMap<>();
        for (CostEstimate e : estimates.latestApprovedOfEveryCase()) {
            approved.put(e.getCaseId(), reporting(e));
        }
        for (RelocationCase c : cases.findAllById(approved.keySet())) {
            if (rows.containsKey(c.getCostCentre()) && (c.getStatus() == CaseStatus.IN_PROGRESS || c.getStatus() == CaseStatus.COMPLETED)) {
                budgets.merge(c.getCostCentre(), approved.get(c.getId()), BigDecimal::add);
                caseCounts.merge(c.getCostCentre(), 1, Integer::sum);
            }
        }
        Map<String, List<MobilityPayment>> lifetime = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (MobilityPayment p : payments.findLiveOfCostCentres(rows.keySet())) {
                lifetime.computeIfAbsent(p.getCostCentre(), k -> new ArrayList<>()).add(p);
            }
        }
        List<LedgerCostCentre> centres = new ArrayList<>();
        BigDecimal[] grand = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        int[] grandCases = {0};
        for (String cc : rows.keySet()) {
            LedgerFigures.Totals t = LedgerFigures.totals(lifetime.getOrDefault(cc, List.of()), budgets.getOrDefault(cc, BigDecimal.ZERO), scale);
            BigDecimal pc = months.stream().filter(m -> m.costCentre().equals(cc)).map(LedgerMonth::committed).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pa = months.stream().filter(m -> m.costCentre().equals(cc)).map(LedgerMonth::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
            int n = caseCounts.getOrDefault(cc, 0);
            centres.add(new LedgerCostCentre(cc, t.budget(), t.committed(), t.actual(), t.variance(), t.variancePercent(), pc, pa, n));
            grand[0] = grand[0].add(t.budget());
            grand[1] = grand[1].add(t.committed());
            grand[2] = grand[2].add(t.actual());
            grand[3] = grand[3].add(pc);
            grand[4] = grand[4].add(pa);
            grandCases[0] += n;
        }
        LedgerFigures.Totals g = LedgerFigures.totals(grand[0], grand[1], grand[2], scale);
        LedgerCostCentre totals = new LedgerCostCentre(null, g.budget(), g.committed(), g.actual(), g.variance(), g.variancePercent(),
                grand[3].setScale(scale, RoundingMode.HALF_EVEN), grand[4].setScale(scale, RoundingMode.HALF_EVEN), grandCases[0]);
        return new LedgerReport(rates.reportingCurrency().getCurrencyCode(), from.toString(), to.toString(), months, centres, totals);
    }

    /** One case's share of a cost centre's chargeback. */
    public record ChargebackCase(String caseNumber, BigDecimal amount, int payments) {
    }

    /** What a cost centre is charged for a month: every payment paid in it. */
    public record CostCentreChargeback(String costCentre, BigDecimal amount, int payments, List<ChargebackCase> cases) {
    }

    public record MonthlyChargeback(String month, String currency, List<CostCentreChargeback> costCentres, BigDecimal total) {
    }

    /** The payments paid in {@code month}, charged to their cost centres (optionally one), at the paid day's rate. */
    @Transactional(readOnly = true)
    public MonthlyChargeback chargebacks(YearMonth month, String costCentre) {
        int scale = Math.max(rates.reportingCurrency().getDefaultFractionDigits(), 0);
        List<MobilityPayment> paid = payments.findPaidBetween(month.atDay(1), month.atEndOfMonth()).stream()
                .filter(p -> costCentre == null || costCentre.equals(p.getCostCentre())).toList();
        Map<Long, String> numbers = cases.findAllById(paid.stream().map(MobilityPayment::getCaseId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(RelocationCase::getId, RelocationCase::getCaseNumber));
        Map<String, Map<String, List<MobilityPayment>>> byCentre = new TreeMap<>();
        for (MobilityPayment p : paid) {
            byCentre.computeIfAbsent(p.getCostCentre(), k -> new TreeMap<>()).computeIfAbsent(numbers.get(p.getCaseId()), k -> new ArrayList<>()).add(p);
        }
        List<CostCentreChargeback> centres = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var centre : byCentre.entrySet()) {
            List<ChargebackCase> list = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (var c : centre.getValue().entrySet()) {
                BigDecimal a = c.getValue().stream().map(MobilityPayment::signedReportingAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(scale, RoundingMode.HALF_EVEN);
                list.add(new ChargebackCase(c.getKey(), a, c.getValue().size()));
                sum = sum.add(a);
                n += c.getValue().size();
            }
            centres.add(new CostCentreChargeback(centre.getKey(), sum, n, list));
            total = total.add(sum);
        }
        return new MonthlyChargeback(month.toString(), rates.reportingCurrency().getCurrencyCode(), centres, total.setScale(scale, RoundingMode.HALF_EVEN));
    }

    private BigDecimal reporting(CostEstimate e) {
        if (e.reportingTotal() != null && e.reportingTotal().currency().getCurrencyCode().equals(rates.reportingCurrency().getCurrencyCode())) {
            return e.reportingTotal().amount();
        }
        LocalDate on = e.getRatesOn() != null ? e.getRatesOn() : e.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return rates.convert(e.total().amount(), e.total().currency().getCurrencyCode(), rates.reportingCurrency(), on);
    }
}
