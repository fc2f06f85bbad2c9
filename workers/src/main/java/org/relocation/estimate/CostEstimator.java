package org.relocation.estimate;

import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.fx.Conversion;
import org.relocation.fx.ExchangeRateService;
import org.relocation.immigration.FreeMovement;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates what a move costs, line by line, in real money: the package and allowances the policy tables decided for
 * the case, the rate card ({@link EstimateProperties}), approved policy exceptions and a tax gross-up. Amounts are
 * JSR 354 monetary amounts (never doubles); every line is converted into the case's budget currency and the reporting
 * currency with the exchange rates in effect on the day of the estimate, each conversion rounded once, half-even, to
 * the currency's minor unit; totals are sums of the rounded lines.
 * <p>
 * Estimates are versioned: when the lines differ from the latest version (new dates, family, host city, an approved
 * exception, new rates) a new version is written and the old one kept; the same estimate again writes nothing.
 */
@Service
public class CostEstimator {

    private final CaseService cases;
    private final CostEstimateRepository estimates;
    private final EstimateProperties card;
    private final ExchangeRateService rates;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final DecisionLog log;
    private final Clock clock;

    CostEstimator(CaseService cases, CostEstimateRepository estimates, EstimateProperties card, ExchangeRateService rates,
                  PolicyService policy, PolicyExceptionService exceptions, DecisionLog log, Clock clock) {
        this.cases = cases;
        this.estimates = estimates;
        this.card = card;
        this.rates = rates;
        this.policy = policy;
        this.exceptions = exceptions;
        this.log = log;
        this.clock = clock;
    }

    /** The estimate version now in force and whether this call wrote it. */
    public record Result(CostEstimate estimate, boolean created, boolean exceedsBudget) {
    }

    /**
     * Estimates the case with today's rates; writes a new version when anything changed.
     *
     * @param reason why (intake, revised intake, exceptions decided), kept with a new version
     * @throws org.relocation.fx.MissingExchangeRateException when a needed rate is not loaded for today
     */
    @Transactional
    public Result estimate(Long caseId, String reason, String actor) {
        RelocationCase c = cases.get(caseId);
        LocalDate on = LocalDate.now(clock);
        PolicyService.Allowances a = policy.allowances(caseId);
        Lines lines = compute(c, a, exceptions.approved(caseId), on);
        CurrencyUnit reporting = rates.reportingCurrency();
        Money total = new Money(lines.totalCase(), c.budget().currency());
        Money reportingTotal = Money.of(lines.totalReporting(), reporting.getCurrencyCode());
        String fingerprint = lines.fingerprint(c.budget());
        boolean exceeds = total.isGreaterThan(c.budget());
        Optional<CostEstimate> latest = estimates.findFirstByCaseIdOrderByVersionDesc(caseId);
        if (latest.isPresent() && latest.get().getFingerprint().equals(fingerprint)) {
            return new Result(latest.get(), false, exceeds);
        }
        int version = latest.map(e -> e.getVersion() + 1).orElse(1);
        CostEstimate estimate = estimates.save(new CostEstimate(caseId, version, reason, total, reportingTotal, on, a.policyTier(),
                fingerprint, actor, clock.instant(), lines.entities()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("reason", reason);
        details.put("total", total.toString());
        details.put("reportingTotal", reportingTotal.toString());
        details.put("budget", c.budget().toString());
        details.put("ratesOn", on.toString());
        details.put("exchangeRates", lines.ratesUsed());
        details.put("lines", lines.summary());
        log.append(caseId, DecisionKind.ESTIMATE, "estimate-v" + version,
                "Estimate version " + version + " (" + reason + "): " + total + (exceeds ? ", over the budget of " : ", within the budget of ") + c.budget(),
                details, actor);
        return new Result(estimate, true, exceeds);
    }

    /** The lines of an estimate of a case (saved or a draft) with these allowances and approved exceptions. */
    private Lines compute(RelocationCase c, PolicyService.Allowances a, List<PolicyException> approvedExceptions, LocalDate on) {
        CurrencyUnit caseCurrency = Monetary.getCurrency(c.budget().currency().getCurrencyCode());
        CurrencyUnit reporting = rates.reportingCurrency();
        Lines lines = new Lines(caseCurrency, reporting, on);

        AssignmentType type = c.getAssignmentType();
        boolean traveller = type == AssignmentType.EXTENDED_BUSINESS_TRAVELLER;
        int months = c.durationMonths();
        int travellers = traveller ? 1 : c.getTravellers().size();
        long children = traveller ? 0 : PolicyService.Allowances.children(c);
        CurrencyUnit policyCurrency = Monetary.getCurrency(a.currency());
        CurrencyUnit cardCurrency = Monetary.getCurrency(card.getCurrency());

        lines.add("relocation-allowance", money(a.relocationAllowance(), policyCurrency),
                "Lump sum of the " + a.policyTier() + " tier (" + a.moveType().toLowerCase().replace('_', ' ') + ")");
        if (a.temporaryHousingNights() > 0) {
            lines.add("temporary-housing", money(a.temporaryHousingNightlyRate().multiply(BigDecimal.valueOf(a.temporaryHousingNights())), policyCurrency),
                    a.temporaryHousingNights() + " nights x " + a.temporaryHousingNightlyRate().toPlainString() + " " + a.currency()
                            + " (city band " + a.cityBand() + ")");
        }
        if ("MANAGED".equals(a.moveType()) && !traveller) {
            BigDecimal factor = c.isInternational() ? card.getHouseholdGoodsInternationalFactor() : BigDecimal.ONE;
            BigDecimal goods = card.getHouseholdGoodsBase().add(card.getHouseholdGoodsPerTraveller().multiply(BigDecimal.valueOf(travellers)))
                    .multiply(factor);
            lines.add("household-goods", money(goods, cardCurrency), "Shipment for " + travellers + " traveller(s), "
                    + (c.isInternational() ? "international (x" + factor.toPlainString() + ")" : "domestic"));
        }
        if (traveller) {
            int trips = months;
            lines.add("travel", money(card.getTravelFarePerTraveller().multiply(BigDecimal.valueOf(2L * trips)), cardCurrency),
                    trips + " round trip(s), one a month");
        } else {
            lines.add("travel", money(card.getTravelFarePerTraveller().multiply(BigDecimal.valueOf(travellers)), cardCurrency),
                    travellers + " traveller(s) one way");
        }
        long needingPermits = c.getTravellers().stream().limit(travellers).map(Traveller::getNationality)
                .filter(n -> FreeMovement.permitRequired(n, c.getHostCountry())).count();
        if (needingPermits > 0) {
            lines.add("immigration-fees", money(card.getImmigrationFeePerTraveller().multiply(BigDecimal.valueOf(needingPermits)), cardCurrency),
                    needingPermits + " traveller(s) needing a permit");
        }
        if (a.colaPercent().signum() > 0) {
            Money salary = c.baseSalary();
            BigDecimal cola = salary.amount().multiply(a.colaPercent()).multiply(BigDecimal.valueOf(months))
                    .divide(BigDecimal.valueOf(1200), 10, RoundingMode.HALF_EVEN);
            lines.add("cost-of-living-allowance", money(cola, Monetary.getCurrency(salary.currency().getCurrencyCode())),
                    a.colaPercent().toPlainString() + "% of base salary for " + months + " month(s)");
        }
        if (a.housingCapMonthly().signum() > 0) {
            lines.add("housing-allowance", money(a.housingCapMonthly().multiply(BigDecimal.valueOf(months)), policyCurrency),
                    months + " month(s) x cap " + a.housingCapMonthly().toPlainString() + " " + a.currency() + " (city band " + a.cityBand() + ")");
        }
        if (a.perDiemDaily().signum() > 0) {
            int days = traveller ? months * card.getBusinessTravelDaysPerMonth() : 0;
            if (days > 0) {
                lines.add("per-diem", money(a.perDiemDaily().multiply(BigDecimal.valueOf(days)), policyCurrency),
                        days + " travel day(s) x " + a.perDiemDaily().toPlainString() + " " + a.currency());
            }
        }
        int homeLeaveTrips = a.homeLeaveTripsPerYear() * months / 12;
        if (homeLeaveTrips > 0) {
            lines.add("home-leave", money(card.getTravelFarePerTraveller().multiply(BigDecimal.valueOf(2L * homeLeaveTrips * travellers)), cardCurrency),
                    homeLeaveTrips + " home-leave trip(s) x " + travellers + " traveller(s), return fares");
        }
        if (children > 0 && a.schoolingPerChildYearly().signum() > 0) {
            BigDecimal schooling = a.schoolingPerChildYearly().multiply(BigDecimal.valueOf(children)).multiply(BigDecimal.valueOf(months))
                    .divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_EVEN);
            lines.add("schooling", money(schooling, policyCurrency), children + " child(ren) x " + months + " month(s) at "
                    + a.schoolingPerChildYearly().toPlainString() + " " + a.currency() + " a year");
        }
        if (a.destinationServices().signum() > 0) {
            lines.add("destination-services", money(a.destinationServices(), policyCurrency), "Orientation and settling-in");
        }
        for (PolicyException e : approvedExceptions) {
            Money m = e.money();
            lines.add("exception-" + e.getCategory(), money(m.amount(), Monetary.getCurrency(m.currency().getCurrencyCode())),
                    "Approved policy exception " + e.getId() + " (clause " + e.getPolicyClause() + ")");
        }
        BigDecimal taxable = lines.sumInCaseCurrency(card.getTaxableCategories());
        if (taxable.signum() > 0 && card.getTaxGrossUpRate().signum() > 0) {
            lines.add("tax-gross-up", money(taxable.multiply(card.getTaxGrossUpRate()), caseCurrency),
                    card.getTaxGrossUpRate().movePointRight(2).stripTrailingZeros().toPlainString() + "% of the taxable lines "
                            + card.getTaxableCategories());
        }
        return lines;
    }

    /**
     * What a draft would cost under these allowances, with today's rates; nothing is written (options advice).
     */
    @Transactional(readOnly = true)
    public Preview preview(RelocationCase draft, PolicyService.Allowances a) {
        Lines lines = compute(draft, a, List.of(), LocalDate.now(clock));
        Money total = new Money(lines.totalCase(), draft.budget().currency());
        return new Preview(lines.entities(), total, Money.of(lines.totalReporting(), rates.reportingCurrency().getCurrencyCode()),
                total.isGreaterThan(draft.budget()));
    }

    /** An estimate not saved: its lines and totals. */
    public record Preview(List<CostEstimateLine> lines, Money total, Money reportingTotal, boolean exceedsBudget) {
    }

    /** Marks the latest version as the one the approvers committed to (committed spend). */
    @Transactional
    public CostEstimate approveLatest(Long caseId) {
        CostEstimate e = estimates.findFirstByCaseIdOrderByVersionDesc(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no estimate to approve"));
        e.approve(clock.instant());
        return e;
    }

    @Transactional(readOnly = true)
    public Optional<CostEstimate> latest(Long caseId) {
        return estimates.findFirstByCaseIdOrderByVersionDesc(caseId);
    }

    /** The latest version of every case that has an estimate. */
    @Transactional(readOnly = true)
    public List<CostEstimate> latestOfEveryCase() {
        return estimates.findLatestOfEveryCase();
    }

    /** The latest approved version of every case that has one. */
    @Transactional(readOnly = true)
    public List<CostEstimate> latestApprovedOfEveryCase() {
        return estimates.findLatestApprovedOfEveryCase();
    }

    @Transactional(readOnly = true)
    public List<CostEstimate> versions(Long caseId) {
        return estimates.findByCaseIdOrderByVersionAsc(caseId);
    }

    private static MonetaryAmount money(BigDecimal amount, CurrencyUnit currency) {
        return org.javamoney.moneta.Money.of(amount, currency);
    }

    /** The lines being built, each converted once into the case and the reporting currency. */
    private final class Lines {

        private final CurrencyUnit caseCurrency;
        private final CurrencyUnit reporting;
        private final LocalDate on;
        private final List<CostEstimateLine> entities = new ArrayList<>();
        private final Map<String, String> ratesUsed = new LinkedHashMap<>();

        Lines(CurrencyUnit caseCurrency, CurrencyUnit reporting, LocalDate on) {
            this.caseCurrency = caseCurrency;
            this.reporting = reporting;
            this.on = on;
        }

        void add(String category, MonetaryAmount amount, String basis) {
            if (amount.isZero()) {
                return;
            }
            Conversion toCase = rates.convert(amount, caseCurrency, on);
            Conversion toReporting = rates.convert(amount, reporting, on);
            remember(toCase);
            remember(toReporting);
            BigDecimal caseAmount = toCase.converted().getNumber().numberValueExact(BigDecimal.class);
            BigDecimal reportingAmount = toReporting.converted().getNumber().numberValueExact(BigDecimal.class)
                    .setScale(reporting.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
            String source = amount.getCurrency().equals(caseCurrency) ? basis
                    : basis + "; " + amount.getNumber().numberValue(BigDecimal.class).setScale(amount.getCurrency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN).toPlainString()
                    + " " + amount.getCurrency().getCurrencyCode() + " at " + toCase.rate().rate().toPlainString();
            entities.add(new CostEstimateLine(entities.size() + 1, category,
                    Money.of(caseAmount, caseCurrency.getCurrencyCode()), reportingAmount, source));
        }

        private void remember(Conversion c) {
            if (!c.rate().base().equals(c.rate().quote())) {
                ratesUsed.put(c.rate().base().getCurrencyCode() + "/" + c.rate().quote().getCurrencyCode(),
                        c.rate().rate().toPlainString() + (c.rate().effectiveFrom() == null ? "" : " from " + c.rate().effectiveFrom()));
            }
        }

        BigDecimal sumInCaseCurrency(List<String> categories) {
            return entities.stream().filter(l -> categories.contains(l.getCategory())).map(CostEstimateLine::getAmount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal totalCase() {
            return entities.stream().map(CostEstimateLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal totalReporting() {
            return entities.stream().map(CostEstimateLine::getReportingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        List<CostEstimateLine> entities() {
            return entities;
        }

        Map<String, String> ratesUsed() {
            return ratesUsed;
        }

        List<String> summary() {
            return entities.stream().map(l -> l.getCategory() + " " + l.getAmount().toPlainString() + " " + l.getCurrency()).toList();
        }

        String fingerprint(Money budget) {
            StringBuilder sb = new StringBuilder(budget.toString());
            entities.forEach(l -> sb.append('|').append(l.getCategory()).append('=').append(l.getAmount().toPlainString())
                    .append(' ').append(l.getCurrency()).append('/').append(l.getReportingAmount().toPlainString()));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
