package org.relocation.finance;

import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimator;
import org.relocation.fx.ExchangeRateService;
import org.relocation.relocationcase.CaseRepository;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finance's views of relocation spend, in the reporting currency, by cost centre and calendar quarter:
 * <ul>
 *   <li>committed: the approved estimate (the version the approvers committed to) of each case still going or
 *       completed, in the quarter the assignment starts;</li>
 *   <li>forecast: the latest estimate of each case still in intake or approval (not yet approved), same quarter;</li>
 *   <li>chargeback: the final cost of each completed case, charged to its cost centre in the quarter it closed.</li>
 * </ul>
 * Amounts not in the reporting currency are converted with the rates in effect on the estimate's rate day (the
 * closing day for final costs); an estimate made before reporting existed is converted the same way.
 * <p>
 * These are estimate views. The payments ledger ({@code ledger.LedgerReports}) reports payments instead: committed in
 * the month each falls due, actual in the month it was paid, and a chargeback every month (docs/pay-and-tax.md, "How
 * this differs"). Both stay: this one answers what was approved, the ledger what is paid and when.
 */
@Service
public class FinanceReports {

    private final CostEstimator estimator;
    private final CaseRepository cases;
    private final ExchangeRateService rates;

    FinanceReports(CostEstimator estimator, CaseRepository cases, ExchangeRateService rates) {
        this.estimator = estimator;
        this.cases = cases;
        this.rates = rates;
    }

    /** One cost centre in one quarter. */
    public record SpendRow(String costCentre, String quarter, BigDecimal committed, BigDecimal forecast, int committedCases,
                           int forecastCases, String currency) {
    }

    /** The actual cost of one completed case charged to its cost centre. */
    public record ChargebackRow(String costCentre, String quarter, String caseNumber, BigDecimal amount, String currency,
                                BigDecimal originalAmount, String originalCurrency) {
    }

    /** Committed spend and forecast for assignments starting in [from, to], optionally one cost centre. */
    @Transactional(readOnly = true)
    public List<SpendRow> spend(LocalDate from, LocalDate to, String costCentre) {
        List<CostEstimate> latest = estimator.latestOfEveryCase();
        Map<Long, CostEstimate> approvedVersions = estimator.latestApprovedOfEveryCase().stream()
                .collect(Collectors.toMap(CostEstimate::getCaseId, Function.identity()));
        Map<Long, RelocationCase> byId = cases.findAllById(latest.stream().map(CostEstimate::getCaseId).toList()).stream()
                .collect(Collectors.toMap(RelocationCase::getId, Function.identity()));
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (CostEstimate e : latest) {
            RelocationCase c = byId.get(e.getCaseId());
            if (c == null || c.getStartDate().isBefore(from) || c.getStartDate().isAfter(to)
                    || (costCentre != null && !costCentre.equals(c.getCostCentre()))) {
                continue;
            }
            boolean committed;
            CostEstimate basis = e;
            if (c.getStatus() == CaseStatus.IN_PROGRESS || c.getStatus() == CaseStatus.COMPLETED) {
                CostEstimate approved = approvedVersions.get(c.getId());
                committed = approved != null;
                if (approved != null) {
                    basis = approved;
                }
            } else {
                continue; // rejected, ineligible or cancelled: neither committed nor expected
            }
            String key = c.getCostCentre() + "|" + quarter(c.getStartDate());
            BigDecimal amount = reporting(basis);
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            int[] n = counts.computeIfAbsent(key, k -> new int[2]);
            s[committed ? 0 : 1] = s[committed ? 0 : 1].add(amount);
            n[committed ? 0 : 1]++;
        }
        String currency = rates.reportingCurrency().getCurrencyCode();
        List<SpendRow> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] parts = key.split("\\|", 2);
            int[] n = counts.get(key);
            int digits = rates.reportingCurrency().getDefaultFractionDigits();
            rows.add(new SpendRow(parts[0], parts[1], s[0].setScale(digits, java.math.RoundingMode.HALF_EVEN),
                    s[1].setScale(digits, java.math.RoundingMode.HALF_EVEN), n[0], n[1], currency));
        });
        return rows;
    }

    /** Final costs of the cases completed in [from, to], optionally one cost centre. */
    @Transactional(readOnly = true)
    public List<ChargebackRow> chargeback(LocalDate from, LocalDate to, String costCentre) {
        List<ChargebackRow> rows = new ArrayList<>();
        for (RelocationCase c : cases.findByStatusAndClosedAtBetween(CaseStatus.COMPLETED,
                from.atStartOfDay().toInstant(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            if (c.finalCost() == null || (costCentre != null && !costCentre.equals(c.getCostCentre()))) {
                continue;
            }
            LocalDate closed = c.getClosedAt().atZone(ZoneOffset.UTC).toLocalDate();
            org.relocation.relocationcase.Money cost = c.finalCost();
            BigDecimal amount = rates.convert(cost.amount(), cost.currency().getCurrencyCode(), rates.reportingCurrency(), closed);
            rows.add(new ChargebackRow(c.getCostCentre(), quarter(closed), c.getCaseNumber(), amount,
                    rates.reportingCurrency().getCurrencyCode(), cost.amount(), cost.currency().getCurrencyCode()));
        }
        rows.sort(java.util.Comparator.comparing(ChargebackRow::costCentre).thenComparing(ChargebackRow::quarter)
                .thenComparing(ChargebackRow::caseNumber));
        return rows;
    }

    private BigDecimal reporting(CostEstimate e) {
        if (e.reportingTotal() != null && e.reportingTotal().currency().getCurrencyCode().equals(rates.reportingCurrency().getCurrencyCode())) {
            return e.reportingTotal().amount();
        }
        LocalDate on = e.getRatesOn() != null ? e.getRatesOn() : e.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return rates.convert(e.total().amount(), e.total().currency().getCurrencyCode(), rates.reportingCurrency(), on);
    }

    static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }
}
