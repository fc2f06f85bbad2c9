package org.relocation.tax;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.ledger.InvalidPaymentException;
import org.relocation.ledger.MobilityPayment;
import org.relocation.ledger.PaymentLedger;
import org.relocation.ledger.PaymentRefusedException;
import org.relocation.ledger.PaymentRoute;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tax-equalisation settlements per case (its employee) and tax year (docs/pay-and-tax.md, "Settlements and tax
 * returns"). Finance enters the actual home and host taxes of a year; the service takes the hypothetical tax from the
 * case, settles under the case's {@link TaxApproaches tax approach}, writes the settlement and starts its approval
 * (process {@value TaxSettlementProcess#PROCESS_KEY}); another member of finance approves or rejects it (form
 * {@code approve-tax-settlement}), and an approved settlement owed to the employee becomes a payment of the ledger.
 * <p>
 * The hypothetical tax comes from the case, not from payroll's lines: the ledger has no hypothetical-tax withholding
 * payments yet (payroll instructions add that component). The final hypothetical tax of the year is
 * {@link TaxCalculationService#hypotheticalTax} of the case's annual base salary with the home country's table in
 * effect on the first day of the home tax year, spread over the year's 12 months
 * ({@link HypotheticalTax#withholdingPerPeriod}) and counted for the months the assignment runs in that year. What
 * payroll withheld is the same figure, unless finance enters payroll's own year-end figure
 * ({@code hypotheticalTaxWithheld}).
 */
@Service
public class TaxSettlementService {

    public static final int MAX_TAXES = 10;

    /** One actual tax of the year as finance enters it: paid by the company on the employee's behalf unless said. */
    public record ActualTaxEntry(String country, BigDecimal amount, ActualTax.PaidBy paidBy) {
    }

    /**
     * Finance's entry: the tax year, the currency of the amounts entered, the actual taxes and, optionally, payroll's
     * figure of the hypothetical tax withheld (null: the case's own, see the class).
     */
    public record Entry(Integer taxYear, String currency, List<ActualTaxEntry> actualTaxes, BigDecimal hypotheticalTaxWithheld) {
    }

    private final TaxYearSettlementRepository settlements;
    private final CaseService cases;
    private final TaxCalculationService calculations;
    private final TaxApproaches approaches;
    private final PresenceProperties taxYears;
    private final ExchangeRateService rates;
    private final PaymentLedger ledger;
    private final Optional<TaxSettlementProcess> process;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    TaxSettlementService(TaxYearSettlementRepository settlements, CaseService cases, TaxCalculationService calculations,
                         TaxApproaches approaches, PresenceProperties taxYears, ExchangeRateService rates, PaymentLedger ledger,
                         Optional<TaxSettlementProcess> process, Clock clock) {
        this.settlements = settlements;
        this.cases = cases;
        this.calculations = calculations;
        this.approaches = approaches;
        this.taxYears = taxYears;
        this.rates = rates;
        this.ledger = ledger;
        this.process = process;
        this.clock = clock;
    }

    /**
     * Computes and writes a tax year's settlement and starts its approval. All or nothing.
     *
     * @throws InvalidTaxSettlementException  a bad field (each named)
     * @throws TaxSettlementRefusedException  laissez-faire case, case not running, the year already settled or awaiting approval
     */
    @Transactional
    public TaxYearSettlement enter(Long caseId, Entry entry, String actor) {
        RelocationCase c = cases.get(caseId);
        em.createNativeQuery("SELECT id FROM relocation_case WHERE id = ? FOR UPDATE").setParameter(1, caseId).getResultList();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        Integer year = entry.taxYear();
        LocalDate yearStart = null;
        if (year == null) {
            errors.put("taxYear", "is required (e.g. 2027, the home country's tax year named after the calendar year it starts in)");
        } else if (year < 2000 || year > today.getYear()) {
            errors.put("taxYear", "must be a tax year from 2000 that has started (at most " + today.getYear() + ")");
        } else {
            yearStart = taxYears.taxYearStart(c.getHomeCountry(), year);
            if (yearStart.isAfter(today)) {
                errors.put("taxYear", "has not started yet in " + c.getHomeCountry() + " (it starts on " + yearStart + ")");
                yearStart = null;
            }
        }
        Optional<CurrencyUnit> entered = ExchangeRateService.currency(entry.currency());
        if (entered.isEmpty()) {
            errors.put("currency", entry.currency() == null || entry.currency().isBlank()
                    ? "is required: the ISO 4217 currency of the amounts entered, such as EUR" : "must be an ISO 4217 currency code such as EUR");
        }
        if (entry.actualTaxes() == null || entry.actualTaxes().isEmpty()) {
            errors.put("actualTaxes", "is required: the actual home and host taxes of the year (1 to " + MAX_TAXES + ")");
        } else if (entry.actualTaxes().size() > MAX_TAXES) {
            errors.put("actualTaxes", "must list at most " + MAX_TAXES + " taxes");
        } else {
            for (int i = 0; i < entry.actualTaxes().size(); i++) {
                ActualTaxEntry t = entry.actualTaxes().get(i);
                String at = "actualTaxes[" + i + "]";
                if (t == null) {
                    errors.put(at, "is required: {country, amount, paidBy}");
                    continue;
                }
                if (t.country() == null || !t.country().equals(c.getHomeCountry()) && !t.country().equals(c.getHostCountry())) {
                    errors.put(at + ".country", "must be the case's home (" + c.getHomeCountry() + ") or host (" + c.getHostCountry() + ") country");
                }
                amount(at + ".amount", t.amount(), entered, true, errors);
            }
        }
        amount("hypotheticalTaxWithheld", entry.hypotheticalTaxWithheld(), entered, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidTaxSettlementException(errors);
        }
        if (c.getStatus() != CaseStatus.IN_PROGRESS && c.getStatus() != CaseStatus.COMPLETED) {
            throw new TaxSettlementRefusedException("Case " + c.getCaseNumber() + " is " + c.getStatus()
                    + ": settlements are entered for cases in progress or completed");
        }
        TaxApproach approach = approaches.of(c);
        if (approach == TaxApproach.LAISSEZ_FAIRE) {
            throw new TaxSettlementRefusedException("Case " + c.getCaseNumber() + " has the tax approach LAISSEZ_FAIRE ("
                    + c.getAssignmentType() + "): the employee bears their own taxes, so there is nothing to settle");
        }
        for (TaxYearSettlement s : settlements.findByCaseIdOrderByTaxYearAscIdAsc(caseId)) {
            if (s.getTaxYear() == year && s.getStatus() != TaxYearSettlement.Status.REJECTED) {
                throw new TaxSettlementRefusedException("Tax year " + year + " of case " + c.getCaseNumber() + " has settlement "
                        + s.getId() + " " + s.getStatus() + " already: a rejected settlement may be entered again, no other");
            }
        }
        // the final hypothetical tax of the months of the home tax year the assignment runs
        HypotheticalTax hypothetical;
        try {
            hypothetical = calculations.hypotheticalTax(c.getHomeCountry(), TaxCalculationService.money(c.baseSalary().amount(),
                    ExchangeRateService.currency(c.baseSalary().currency().getCurrencyCode()).orElseThrow()), yearStart);
        } catch (MissingTaxTableException e) {
            throw new InvalidTaxSettlementException(Map.of("taxYear", "has no " + c.getHomeCountry() + " tax table in effect on "
                    + yearStart + " for the hypothetical tax: finance loads one first"));
        } catch (MissingExchangeRateException e) {
            throw new InvalidTaxSettlementException(Map.of("taxYear", "has no exchange rate in effect on " + yearStart
                    + " to convert the case's salary into the home country's currency: finance loads one first"));
        }
        CurrencyUnit currency = hypothetical.assessment().currency();
        List<BigDecimal> months = hypothetical.withholdingPerPeriod(12);
        BigDecimal finalHypothetical = BigDecimal.ZERO;
        int monthsOnAssignment = 0;
        LocalDate end = c.getEndDate() == null ? LocalDate.MAX : c.getEndDate();
        for (int i = 0; i < 12; i++) {
            LocalDate from = yearStart.plusMonths(i);
            LocalDate to = yearStart.plusMonths(i + 1L).minusDays(1);
            if (!from.isAfter(end) && !to.isBefore(c.getStartDate())) {
                finalHypothetical = finalHypothetical.add(months.get(i));
                monthsOnAssignment++;
            }
        }
        if (monthsOnAssignment == 0) {
            throw new InvalidTaxSettlementException(Map.of("taxYear", "is not a tax year of the assignment (" + c.getStartDate()
                    + " to " + (c.getEndDate() == null ? "open" : c.getEndDate()) + ") in " + c.getHomeCountry()));
        }
        // amounts entered in another currency: at the rate of the year's last day (or today, for a year not over)
        LocalDate rateDay = yearStart.plusYears(1).minusDays(1).isBefore(today) ? yearStart.plusYears(1).minusDays(1) : today;
        List<ActualTax> actual = new ArrayList<>();
        List<TaxYearSettlement.Line> lines = new ArrayList<>();
        BigDecimal withheld;
        try {
            for (ActualTaxEntry t : entry.actualTaxes()) {
                BigDecimal amount = convert(t.amount(), entered.get(), currency, rateDay);
                ActualTax.PaidBy paidBy = t.paidBy() == null ? ActualTax.PaidBy.COMPANY : t.paidBy();
                actual.add(new ActualTax(t.country(), amount, paidBy));
                lines.add(new TaxYearSettlement.Line(t.country(), t.amount(), entered.get().getCurrencyCode(), amount, paidBy));
            }
            withheld = entry.hypotheticalTaxWithheld() == null ? finalHypothetical
                    : convert(entry.hypotheticalTaxWithheld(), entered.get(), currency, rateDay);
        } catch (MissingExchangeRateException e) {
            throw new InvalidTaxSettlementException(Map.of("currency", "has no rate to " + currency.getCurrencyCode() + " in effect on "
                    + rateDay + ": finance loads one first, or enters the amounts in " + currency.getCurrencyCode()));
        }
        TaxSettlement s;
        try {
            s = calculations.settle(year, approach, currency, finalHypothetical, withheld, actual);
        } catch (InvalidTaxCalculationException e) {
            throw new InvalidTaxSettlementException(e.getFieldErrors());
        }
        TaxYearSettlement saved = settlements.save(new TaxYearSettlement(caseId, c.employee().getId(), s,
                entry.hypotheticalTaxWithheld() == null ? TaxYearSettlement.WithheldSource.CASE : TaxYearSettlement.WithheldSource.PAYROLL_REPORTED,
                lines, actor, clock.instant()));
        process.ifPresent(p -> saved.startedAs(p.start(c.getCaseNumber(), caseId, saved.getId(), saved.isDue())));
        return saved;
    }

    /**
     * Another member of finance decides a settlement awaiting approval. Approved and owed to the employee: a
     * {@code tax} one-off payment of the ledger through payroll, recorded by whoever entered the settlement and approved
     * by the decider. Approved and owed by the employee: a {@code tax} recovery of the ledger (incoming, deducted
     * through payroll), recorded and approved the same way. Rejected: closed with the reason.
     *
     * @throws TaxSettlementRefusedException not awaiting approval, the decider entered it, or the ledger refuses the payment
     */
    @Transactional
    public TaxYearSettlement decide(Long settlementId, boolean approve, String comment, String actor) {
        TaxYearSettlement s = settlements.findById(settlementId).orElseThrow(() -> new TaxSettlementNotFoundException(settlementId));
        String problem = decisionProblem(s, approve, comment, actor);
        if (problem != null) {
            throw new TaxSettlementRefusedException(problem);
        }
        Long paymentId = null;
        if (approve && s.isDue() && s.getDirection() != SettlementDirection.NONE) {
            try {
                MobilityPayment p = s.getDirection() == SettlementDirection.OWED_TO_EMPLOYEE
                        ? ledger.recordOneOff(s.getCaseId(), new PaymentLedger.OneOff("tax", s.getAmount(), s.getCurrency(),
                        LocalDate.now(clock), false, PaymentRoute.PAYROLL, null,
                        "Tax equalisation settlement " + s.getTaxYear() + ": owed to the employee", null), s.getEnteredBy())
                        : ledger.recordRecovery(s.getCaseId(), new PaymentLedger.Recovery("TAX-SETTLEMENT-" + s.getId(), "tax", s.getAmount(),
                        s.getCurrency(), LocalDate.now(clock), "Tax equalisation settlement " + s.getTaxYear()
                        + ": owed by the employee, deducted through payroll"), s.getEnteredBy());
                paymentId = ledger.approve(p.getId(), actor).getId();
            } catch (PaymentRefusedException e) {
                throw new TaxSettlementRefusedException("The payments ledger refuses the settlement's payment (" + e.getReason()
                        + "): see the case's payments and budget, or reject the settlement with the reason");
            } catch (InvalidPaymentException e) {
                throw new TaxSettlementRefusedException("The payments ledger refuses the settlement's payment (" + e.getFieldErrors().keySet()
                        + "): load the exchange rate it needs, or reject the settlement with the reason");
            }
        }
        s.decide(approve, comment, paymentId, actor, clock.instant());
        return s;
    }

    /** Why the actor may not take that decision now (a sentence without amounts), or null. */
    @Transactional(readOnly = true)
    public String decisionProblem(Long settlementId, boolean approve, String comment, String actor) {
        Optional<TaxYearSettlement> s = settlements.findById(settlementId);
        return s.isEmpty() ? "this task names no tax settlement of the case" : decisionProblem(s.get(), approve, comment, actor);
    }

    private static String decisionProblem(TaxYearSettlement s, boolean approve, String comment, String actor) {
        if (s.getStatus() != TaxYearSettlement.Status.AWAITING_APPROVAL) {
            return "settlement " + s.getId() + " is " + s.getStatus() + " already";
        }
        if (s.getEnteredBy().equals(actor)) {
            return "you entered this settlement: another member of finance approves or rejects it (segregation of duties)";
        }
        if (!approve && (comment == null || comment.isBlank())) {
            return "a rejection needs the reason in the comment";
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<TaxYearSettlement> ofCase(Long caseId) {
        cases.get(caseId);
        return settlements.findByCaseIdOrderByTaxYearAscIdAsc(caseId);
    }

    @Transactional(readOnly = true)
    public TaxYearSettlement get(Long caseId, Long settlementId) {
        return settlements.findById(settlementId).filter(s -> s.getCaseId().equals(caseId))
                .orElseThrow(() -> new TaxSettlementNotFoundException(settlementId));
    }

    private BigDecimal convert(BigDecimal amount, CurrencyUnit from, CurrencyUnit to, LocalDate on) {
        return from.equals(to) ? amount.setScale(to.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY)
                : rates.convert(amount, from.getCurrencyCode(), to, on);
    }

    private static void amount(String field, BigDecimal amount, Optional<CurrencyUnit> currency, boolean required, Map<String, String> errors) {
        if (amount == null) {
            if (required) {
                errors.put(field, "is required (0 or more, in the currency's decimals)");
            }
        } else if (amount.signum() < 0) {
            errors.put(field, "must be 0 or more");
        } else if (amount.compareTo(TaxTableService.MAX_AMOUNT) > 0) {
            errors.put(field, "must be at most " + TaxTableService.MAX_AMOUNT.toPlainString());
        } else if (currency.isPresent() && amount.stripTrailingZeros().scale() > currency.get().getDefaultFractionDigits()) {
            errors.put(field, "has more decimals than " + currency.get().getCurrencyCode() + " allows (" + currency.get().getDefaultFractionDigits() + ")");
        }
    }
}
