package org.relocation.ledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.relocation.estimate.CostEstimate;
import org.relocation.estimate.CostEstimator;
import org.relocation.fx.Conversion;
import org.relocation.fx.ExchangeRateService;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.money.CurrencyUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mobility payments ledger: the one place a case's payments are recorded, checked and moved. Payroll instructions
 * ({@link #schedule}), expense claims ({@link #recordReimbursement}), vendors ({@link #recordVendorInvoice}) and people
 * ({@link #recordOneOff}) call it; finance approves, pays and cancels ({@link #approve}, {@link #markPaid}, {@link #cancel}).
 * Money the employee owes comes in the other way: a {@link #recordRecovery recovery} (an approved tax-equalisation
 * settlement owed by the employee) is deducted through payroll and counts negative in every figure.
 * <p>
 * Every call runs in the caller's transaction (or its own) and is all-or-nothing: bad fields are an
 * {@link InvalidPaymentException} naming each one, a rule that refuses is a {@link PaymentRefusedException} with a
 * sentence, and nothing is written either way. The rules, where they act:
 * <ul>
 *   <li>Conversion: the amount is converted into the reporting currency at the rate in effect on the due day (the rate
 *   and its day are kept); when paid, again at the rate of the day it was paid (actual spend).</li>
 *   <li>Policy (allowances, one-offs and reimbursements, not vendor invoices: the company ordered the service at its
 *   price): the committed and paid payments of the category in the cap's period ({@link PolicyCaps}) plus this one must
 *   not exceed the cap, unless the payment names an approved policy exception of the case and category, whose amount
 *   is then added to the cap. A lump-sum case (relocation-package {@code moveType} LUMP_SUM) reimburses nothing, unless
 *   an approved exception is named.</li>
 *   <li>Budget (the same kinds): a case needs an approved estimate (the budget the approvers committed to), and the
 *   case's committed and paid payments plus this one must not exceed it, unless an approved exception is named. A
 *   vendor invoice is recorded even then: the report shows the overspend.</li>
 *   <li>Moves: PLANNED → APPROVED → PAID, PLANNED/APPROVED → CANCELLED; nobody approves or pays a payment they
 *   recorded.</li>
 * </ul>
 * Checks of one case are serialised (the case's row is locked), so two payments at once cannot both use the last of a cap.
 */
@Service
public class PaymentLedger {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    /** The most due dates one schedule may create (ten years of monthly payments). */
    public static final int MAX_SCHEDULED = 120;
    static final int TEXT_MAX = 200;
    static final int REFERENCE_MAX = 100;
    static final int COST_CENTRE_MAX = 40;

    private final MobilityPaymentRepository payments;
    private final CaseService cases;
    private final PolicyService policy;
    private final PolicyExceptionService exceptions;
    private final CostEstimator estimates;
    private final ExchangeRateService rates;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    PaymentLedger(MobilityPaymentRepository payments, CaseService cases, PolicyService policy, PolicyExceptionService exceptions,
                  CostEstimator estimates, ExchangeRateService rates, Clock clock) {
        this.payments = payments;
        this.cases = cases;
        this.policy = policy;
        this.exceptions = exceptions;
        this.estimates = estimates;
        this.rates = rates;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ the public API

    /**
     * A single payment (the specialist or finance records it).
     *
     * @param category          a {@link PaymentCategory} code (housing, cost-of-living, ...)
     * @param taxable           required: whether it is taxable income of the employee
     * @param route             null: payroll if taxable, else accounts payable
     * @param costCentre        null: the case's
     * @param policyExceptionId null, or an approved exception of the case and category that lifts its cap
     */
    public record OneOff(String category, BigDecimal amount, String currency, LocalDate dueDate, Boolean taxable, PaymentRoute route,
                         String costCentre, String description, Long policyExceptionId) {
    }

    /**
     * An allowance of a payroll instruction: {@code amount} in {@code currency} every {@code frequency} from {@code start}
     * to {@code end} (inclusive; null: the assignment's end date). {@code sourceReference} names the instruction version
     * (e.g. {@code PI-42-v2}); the same schedule recorded again writes nothing new (one payment per reference, category
     * and due date).
     */
    public record AllowanceSchedule(String sourceReference, String category, BigDecimal amount, String currency, Frequency frequency,
                                    LocalDate start, LocalDate end, Boolean taxable, PaymentRoute route, String costCentre,
                                    Long policyExceptionId) {
    }

    /**
     * Money the employee owes the company, deducted through payroll (a tax-equalisation settlement owed by the employee):
     * recorded once per {@code sourceReference}, not taxable, due (and converted at the rate of) {@code dueDate}.
     */
    public record Recovery(String sourceReference, String category, BigDecimal amount, String currency, LocalDate dueDate, String description) {
    }

    /** An approved expense claim to pay back: the claim's id is its source reference (recorded once per claim). */
    public record Reimbursement(String claimId, String category, BigDecimal amount, String currency, LocalDate expenseDate, boolean taxable,
                                String description, Long policyExceptionId) {
    }

    @Transactional
    public MobilityPayment recordOneOff(Long caseId, OneOff r, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.taxable() == null) {
            errors.put("taxable", "is required: say whether the payment is taxable income (true or false)");
        }
        Draft d = draft(caseId, PaymentKind.ONE_OFF, r.category(), "ONE-OFF", null, r.description(), r.amount(), r.currency(), r.dueDate(),
                Boolean.TRUE.equals(r.taxable()), r.route(), r.costCentre(), r.policyExceptionId(), errors);
        return record(d, actor);
    }

    /**
     * One payment per due date of the schedule, all checked before any is written. Returns every payment of the schedule
     * (those recorded before by the same call included).
     */
    @Transactional
    public List<MobilityPayment> schedule(Long caseId, AllowanceSchedule s, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        RelocationCase c = cases.get(caseId);
        reference("sourceReference", s.sourceReference(), errors);
        if (s.frequency() == null) {
            errors.put("frequency", "is required (MONTHLY, QUARTERLY, YEARLY or ONCE)");
        }
        if (s.taxable() == null) {
            errors.put("taxable", "is required: say whether the allowance is taxable income (true or false)");
        }
        LocalDate end = s.end() != null ? s.end() : c.getEndDate();
        if (s.start() == null) {
            errors.put("start", "is required (YYYY-MM-DD)");
        } else if (end == null) {
            errors.put("end", "is required for an open-ended assignment");
        } else if (end.isBefore(s.start())) {
            errors.put("end", "must not be before start");
        }
        List<LocalDate> due = List.of();
        if (errors.isEmpty()) {
            due = s.frequency().dueDates(s.start(), end, MAX_SCHEDULED);
            if (due.size() > MAX_SCHEDULED) {
                errors.put("end", "makes more than " + MAX_SCHEDULED + " payments: split the schedule");
            }
        }
        if (!errors.isEmpty()) {
            // the amount, currency and category are checked too, so that every bad field is named at once
            draft(caseId, PaymentKind.ALLOWANCE, s.category(), s.sourceReference(), null, null, s.amount(), s.currency(),
                    s.start() == null ? LocalDate.now(clock) : s.start(), Boolean.TRUE.equals(s.taxable()), s.route(), s.costCentre(),
                    s.policyExceptionId(), errors);
            throw new InvalidPaymentException(errors);
        }
        lockCase(caseId);
        List<MobilityPayment> result = new ArrayList<>();
        List<MobilityPayment> pending = new ArrayList<>();
        for (LocalDate d : due) {
            String key = "schedule:" + caseId + ":" + s.sourceReference() + ":" + s.category() + ":" + d;
            Optional<MobilityPayment> existing = payments.findByIdempotencyKey(key);
            if (existing.isPresent()) {
                result.add(existing.get());
                continue;
            }
            Draft draft = draft(caseId, PaymentKind.ALLOWANCE, s.category(), s.sourceReference(), key,
                    s.frequency().name().toLowerCase() + " allowance " + s.sourceReference(), s.amount(), s.currency(), d,
                    s.taxable(), s.route(), s.costCentre(), s.policyExceptionId(), new LinkedHashMap<>());
            MobilityPayment p = check(draft, pending, actor);
            pending.add(p);
            result.add(p);
        }
        payments.saveAll(pending);
        return result;
    }

    /**
     * Cancels the planned and approved payments of a schedule due on or after {@code from} (a new payroll instruction
     * version replaces the old one from its effective date; schedule the new version after). Paid ones stay.
     *
     * @return how many were cancelled
     */
    @Transactional
    public int cancelScheduled(Long caseId, String sourceReference, LocalDate from, String reason, String actor) {
        int n = 0;
        for (MobilityPayment p : payments.findByCase(caseId)) {
            if (p.getKind() == PaymentKind.ALLOWANCE && p.getSourceReference().equals(sourceReference) && !p.getDueDate().isBefore(from)
                    && p.getStatus().committed()) {
                p.move(PaymentStatus.CANCELLED, actor, clock.instant());
                p.cancelReason(reason);
                n++;
            }
        }
        return n;
    }

    /** An approved expense claim to pay back, due on the expense date's rate; recorded once per claim. */
    @Transactional
    public MobilityPayment recordReimbursement(Long caseId, Reimbursement r, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        reference("claimId", r.claimId(), errors);
        String key = "claim:" + r.claimId();
        if (errors.isEmpty()) {
            Optional<MobilityPayment> existing = payments.findByIdempotencyKey(key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Draft d = draft(caseId, PaymentKind.REIMBURSEMENT, r.category(), r.claimId(), key, r.description(), r.amount(), r.currency(),
                r.expenseDate(), r.taxable(), null, null, r.policyExceptionId(), errors);
        return record(d, actor);
    }

    /**
     * A recovery: money the employee owes, deducted through payroll (route PAYROLL, not taxable), PLANNED like any
     * payment and moved the same way (approved, paid = deducted, cancelled). Incoming: it lowers committed (and once
     * deducted, actual) spend and is held to no policy cap, lump-sum rule nor budget. Recorded once per source reference.
     */
    @Transactional
    public MobilityPayment recordRecovery(Long caseId, Recovery r, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        reference("sourceReference", r.sourceReference(), errors);
        String key = "recovery:" + caseId + ":" + r.sourceReference();
        if (errors.isEmpty()) {
            Optional<MobilityPayment> existing = payments.findByIdempotencyKey(key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Draft d = draft(caseId, PaymentKind.RECOVERY, r.category(), r.sourceReference(), key, r.description(), r.amount(), r.currency(),
                r.dueDate(), false, PaymentRoute.PAYROLL, null, null, errors);
        return record(d, actor);
    }

    /** The approved recoveries payroll is to deduct (not yet paid nor cancelled), of every case, by due date. */
    @Transactional(readOnly = true)
    public List<MobilityPayment> recoveriesToDeduct() {
        return payments.findByKindAndStatus(PaymentKind.RECOVERY, PaymentStatus.APPROVED);
    }

    /**
     * A vendor's cost for a service order (its reference is the source), paid through accounts payable, not taxable,
     * due on {@code invoiceDate}; recorded once per order. Not held to the policy caps nor the budget (the company ordered
     * the service): an overspend shows in the reports.
     */
    @Transactional
    public MobilityPayment recordVendorInvoice(Long caseId, String serviceOrderReference, PaymentCategory category, BigDecimal amount,
                                               String currency, LocalDate invoiceDate, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        reference("serviceOrderReference", serviceOrderReference, errors);
        String key = "order:" + serviceOrderReference;
        if (errors.isEmpty()) {
            Optional<MobilityPayment> existing = payments.findByIdempotencyKey(key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Draft d = draft(caseId, PaymentKind.VENDOR_INVOICE, category.code(), serviceOrderReference, key, "Vendor invoice " + serviceOrderReference,
                amount, currency, invoiceDate, false, PaymentRoute.ACCOUNTS_PAYABLE, null, null, errors);
        return record(d, actor);
    }

    /** Finance approves a planned payment. */
    @Transactional
    public MobilityPayment approve(Long paymentId, String actor) {
        MobilityPayment p = get(paymentId);
        notTheRecorder(p, actor, "approve");
        p.move(PaymentStatus.APPROVED, actor, clock.instant());
        return p;
    }

    /**
     * Finance records an approved payment as paid on {@code paidOn} (not in the future): converted again at that day's
     * rate, which is the actual spend.
     */
    @Transactional
    public MobilityPayment markPaid(Long paymentId, LocalDate paidOn, String actor) {
        MobilityPayment p = get(paymentId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (paidOn == null) {
            errors.put("paidOn", "is required (YYYY-MM-DD): the day the money left");
        } else if (paidOn.isAfter(LocalDate.now(clock))) {
            errors.put("paidOn", "must not be in the future");
        } else if (paidOn.isBefore(LocalDate.ofInstant(p.getCreatedAt(), ZoneOffset.UTC).minusYears(1))) {
            errors.put("paidOn", "must not be more than a year before the payment was recorded");
        }
        Conversion conversion = null;
        if (errors.isEmpty()) {
            try {
                conversion = rates.convert(org.javamoney.moneta.Money.of(p.money().amount(), p.money().currency().getCurrencyCode()),
                        rates.reportingCurrency(), paidOn);
            } catch (MissingExchangeRateException e) {
                errors.put("paidOn", "has no " + p.money().currency().getCurrencyCode() + " to " + rates.reportingCurrency().getCurrencyCode()
                        + " rate in effect: finance loads one first");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPaymentException(errors);
        }
        notTheRecorder(p, actor, "pay");
        p.move(PaymentStatus.PAID, actor, clock.instant());
        p.paid(paidOn, conversion.converted().getNumber().numberValueExact(BigDecimal.class), conversion.rate().rate());
        return p;
    }

    /** Cancels a planned or approved payment, saying why. */
    @Transactional
    public MobilityPayment cancel(Long paymentId, String reason, String actor) {
        MobilityPayment p = get(paymentId);
        if (reason == null || reason.isBlank() || reason.length() > 500 || reason.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InvalidPaymentException(Map.of("reason", "is required: why the payment is cancelled, 1-500 characters on one line"));
        }
        p.move(PaymentStatus.CANCELLED, actor, clock.instant());
        p.cancelReason(reason.strip());
        return p;
    }

    @Transactional(readOnly = true)
    public MobilityPayment get(Long paymentId) {
        return payments.findById(paymentId).orElseThrow(() -> new PaymentNotFoundException(paymentId));
    }

    /** Every payment of a case, by due date. */
    @Transactional(readOnly = true)
    public List<MobilityPayment> ofCase(Long caseId) {
        return payments.findByCase(caseId);
    }

    /**
     * What is left of the category's cap in the period a day falls in, in the reporting currency (committed and paid
     * payments counted); empty when the policy puts no cap on the category. For expense claims: "checked against the
     * remaining cap".
     */
    @Transactional(readOnly = true)
    public Optional<Money> remainingCap(Long caseId, PaymentCategory category, LocalDate on) {
        RelocationCase c = cases.get(caseId);
        return cap(c, category, on).map(cap -> {
            BigDecimal limit = toReporting(cap.amount(), on);
            BigDecimal used = used(payments.findByCase(caseId), List.of(), category, cap, null);
            return Money.of(limit.subtract(used).max(BigDecimal.ZERO), rates.reportingCurrency().getCurrencyCode());
        });
    }

    /** Whether the case's package is a lump sum (relocation-package moveType LUMP_SUM): such a case reimburses nothing. */
    @Transactional(readOnly = true)
    public boolean isLumpSum(Long caseId) {
        return PolicyCaps.LUMP_SUM.equals(allowances(cases.get(caseId)).moveType());
    }

    /** The case's budget (its approved estimate in the reporting currency), committed, actual and variance, and per month. */
    public record CaseLedger(Long caseId, String caseNumber, String costCentre, String currency, LedgerFigures.Totals totals,
                             List<LedgerFigures.Month> months) {
    }

    @Transactional(readOnly = true)
    public CaseLedger caseLedger(Long caseId) {
        RelocationCase c = cases.get(caseId);
        List<MobilityPayment> all = payments.findByCase(caseId);
        int scale = scale();
        BigDecimal budget = approvedBudget(c).orElse(null);
        return new CaseLedger(c.getId(), c.getCaseNumber(), c.getCostCentre(), rates.reportingCurrency().getCurrencyCode(),
                LedgerFigures.totals(all, budget, scale), LedgerFigures.byMonth(all, null, null, scale));
    }

    /** The case's approved estimate in the reporting currency: the budget the ledger is held to. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> approvedBudget(RelocationCase c) {
        return estimates.versions(c.getId()).stream().filter(e -> e.getApprovedAt() != null).reduce((a, b) -> b).map(this::reporting);
    }

    // ------------------------------------------------------------------------------------------------ the checks

    /** A payment asked for, its fields checked (errors collected) and its case, policy and rate read. */
    private record Draft(RelocationCase c, PaymentKind kind, PaymentCategory category, String source, String key, String description,
                         Money money, LocalDate due, boolean taxable, PaymentRoute route, String costCentre, PolicyException exception,
                         Money reporting, BigDecimal rate) {
    }

    private Draft draft(Long caseId, PaymentKind kind, String categoryCode, String source, String key, String description, BigDecimal amount,
                        String currency, LocalDate due, boolean taxable, PaymentRoute route, String costCentre, Long exceptionId,
                        Map<String, String> errors) {
        RelocationCase c = cases.get(caseId);
        Optional<PaymentCategory> category = PaymentCategory.fromCode(categoryCode);
        if (categoryCode == null || categoryCode.isBlank()) {
            errors.put("category", "is required: one of " + PaymentCategory.codes());
        } else if (category.isEmpty()) {
            errors.put("category", "must be one of " + PaymentCategory.codes());
        }
        Optional<CurrencyUnit> unit = ExchangeRateService.currency(currency);
        if (unit.isEmpty()) {
            errors.put("currency", currency == null || currency.isBlank() ? "is required (an ISO 4217 code such as EUR)"
                    : "must be an ISO 4217 currency code such as EUR");
        }
        if (amount == null) {
            errors.put("amount", "is required: more than 0, in the currency's decimals");
        } else if (amount.signum() <= 0) {
            errors.put("amount", "must be more than 0 (a correction is a cancellation and a new payment)");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.put("amount", "must be at most " + MAX_AMOUNT.toPlainString());
        } else if (unit.isPresent() && amount.stripTrailingZeros().scale() > unit.get().getDefaultFractionDigits()) {
            errors.put("amount", "has more decimals than " + currency + " allows (" + unit.get().getDefaultFractionDigits() + ")");
        }
        LocalDate today = LocalDate.now(clock);
        String dueField = kind == PaymentKind.REIMBURSEMENT ? "expenseDate" : kind == PaymentKind.VENDOR_INVOICE ? "invoiceDate"
                : kind == PaymentKind.ALLOWANCE ? "start" : "dueDate"; // a recovery's too
        if (due == null) {
            errors.put(dueField, "is required (YYYY-MM-DD)");
        } else if (due.isBefore(today.minusYears(2)) || due.isAfter(today.plusYears(10))) {
            errors.put(dueField, "must be within two years back and ten years ahead");
        }
        if (description != null && (description.length() > TEXT_MAX || description.chars().anyMatch(ch -> ch < 0x20))) {
            errors.put("description", "must be at most " + TEXT_MAX + " characters on one line");
        }
        if (costCentre != null && (costCentre.isBlank() || costCentre.length() > COST_CENTRE_MAX)) {
            errors.put("costCentre", "must be 1-" + COST_CENTRE_MAX + " characters (or left out: the case's)");
        }
        PolicyException exception = null;
        if (exceptionId != null) {
            exception = exceptions.ofCase(caseId).stream().filter(e -> e.getId().equals(exceptionId)).findFirst().orElse(null);
            if (exception == null) {
                errors.put("policyExceptionId", "is not a policy exception of this case");
            } else if (exception.getStatus() != PolicyException.Status.APPROVED) {
                errors.put("policyExceptionId", "is " + exception.getStatus() + ": only an approved exception lifts a cap");
            } else if (category.isPresent() && !category.get().exceptionCategory().equals(exception.getCategory())) {
                errors.put("policyExceptionId", "is an exception for " + exception.getCategory() + ", not for " + category.get().code()
                        + " (payments of " + category.get().code() + " need a " + category.get().exceptionCategory() + " exception)");
            }
        }
        Money reporting = null;
        BigDecimal rate = null;
        if (errors.isEmpty()) {
            try {
                Conversion conv = rates.convert(org.javamoney.moneta.Money.of(amount, currency), rates.reportingCurrency(), due);
                reporting = Money.of(conv.converted().getNumber().numberValueExact(BigDecimal.class), rates.reportingCurrency().getCurrencyCode());
                rate = conv.rate().rate();
            } catch (MissingExchangeRateException e) {
                errors.put("currency", "has no rate to " + rates.reportingCurrency().getCurrencyCode() + " in effect on " + due
                        + ": finance loads one first");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPaymentException(errors);
        }
        if (c.getStatus() != CaseStatus.IN_PROGRESS && c.getStatus() != CaseStatus.COMPLETED) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.TRANSITION, "Case " + c.getCaseNumber() + " is "
                    + c.getStatus() + ": payments are recorded for cases in progress or completed");
        }
        return new Draft(c, kind, category.get(), source, key, description == null ? null : description.strip(),
                Money.of(amount, currency), due, taxable, route == null ? PaymentRoute.forTaxable(taxable) : route,
                costCentre == null ? c.getCostCentre() : costCentre.strip(), exception, reporting, rate);
    }

    private MobilityPayment record(Draft d, String actor) {
        lockCase(d.c().getId());
        return payments.save(check(d, List.of(), actor));
    }

    /** The policy and budget checks of a draft, counting the payments written and those about to be ({@code pending}). */
    private MobilityPayment check(Draft d, List<MobilityPayment> pending, String actor) {
        if (d.kind() != PaymentKind.VENDOR_INVOICE && d.kind() != PaymentKind.RECOVERY) {
            RelocationCase c = d.c();
            PolicyService.Allowances a = allowances(c);
            if (d.kind() == PaymentKind.REIMBURSEMENT && PolicyCaps.LUMP_SUM.equals(a.moveType()) && d.exception() == null) {
                throw new PaymentRefusedException(PaymentRefusedException.Reason.LUMP_SUM, "Case " + c.getCaseNumber()
                        + " has a lump-sum package (relocation-package: " + a.policyTier() + " tier, LUMP_SUM): the employee was paid a lump sum"
                        + " and is reimbursed nothing, unless an approved policy exception says otherwise");
            }
            List<MobilityPayment> written = payments.findByCase(c.getId());
            Optional<PolicyCaps.Cap> cap = PolicyCaps.of(d.category(), a, c.baseSalary(), PolicyService.Allowances.children(c), d.due(),
                    c.getStartDate(), c.getEndDate());
            if (cap.isPresent()) {
                BigDecimal limit = toReporting(cap.get().amount(), d.due());
                BigDecimal lift = d.exception() == null ? BigDecimal.ZERO : exceptionReporting(d.exception());
                BigDecimal used = used(written, pending, d.category(), cap.get(), null);
                if (used.add(d.reporting().amount()).compareTo(limit.add(lift)) > 0) {
                    String period = switch (cap.get().period()) {
                        case MONTH -> " in " + YearMonth.from(d.due());
                        case YEAR -> " in " + d.due().getYear();
                        default -> "";
                    };
                    // the cost-of-living cap is a share of the salary: its amounts would tell a reader who may not see the salary
                    boolean salary = d.category() == PaymentCategory.COST_OF_LIVING;
                    throw new PaymentRefusedException(PaymentRefusedException.Reason.POLICY_CAP, "This " + d.category().code() + " payment"
                            + (salary ? "" : " of " + d.money()) + " exceeds " + cap.get().sentence()
                            + (salary ? "" : ": " + rep(used) + " is already committed or paid" + period)
                            + (lift.signum() > 0 ? " and policy exception " + d.exception().getId() + " adds " + rep(lift)
                            : "; name an approved policy exception (policyExceptionId) to go beyond it"));
                }
            }
            Optional<BigDecimal> budget = approvedBudget(c);
            if (budget.isEmpty()) {
                throw new PaymentRefusedException(PaymentRefusedException.Reason.NO_APPROVED_ESTIMATE, "Case " + c.getCaseNumber()
                        + " has no approved estimate: payments are held to the budget the approvers committed to, so none is recorded before the move is approved");
            }
            BigDecimal spent = used(written, pending, null, null, null);
            if (d.exception() == null && spent.add(d.reporting().amount()).compareTo(budget.get()) > 0) {
                throw new PaymentRefusedException(PaymentRefusedException.Reason.BUDGET, "This payment of " + d.money() + " would take case "
                        + c.getCaseNumber() + " over its approved budget of " + rep(budget.get()) + " (" + rep(spent)
                        + " already committed or paid); name an approved policy exception (policyExceptionId) to go beyond it");
            }
        }
        return new MobilityPayment(d.c().getId(), d.kind(), d.category(), d.source(), d.key(), d.description(), d.money(), d.reporting(),
                d.rate(), d.costCentre(), d.route(), d.taxable(), d.due(), d.exception() == null ? null : d.exception().getId(), actor,
                clock.instant());
    }

    /**
     * The reporting-currency amounts of the live payments of a category (any category: null) within a cap's period.
     * A category's cap counts outgoing payments only (a recovery uses none and frees none); the whole case (null) nets
     * recoveries, as the case's committed and actual figures do.
     */
    private static BigDecimal used(List<MobilityPayment> written, List<MobilityPayment> pending, PaymentCategory category,
                                   PolicyCaps.Cap cap, Long except) {
        BigDecimal sum = BigDecimal.ZERO;
        List<MobilityPayment> all = new ArrayList<>(written);
        all.addAll(pending);
        for (MobilityPayment p : all) {
            if (p.getStatus() == PaymentStatus.CANCELLED || (category != null && p.categoryCode() != category)
                    || (category != null && (p.getKind() == PaymentKind.VENDOR_INVOICE || p.getKind() == PaymentKind.RECOVERY))) {
                continue;
            }
            if (cap != null && (p.getDueDate().isBefore(cap.start()) || p.getDueDate().isAfter(cap.end()))) {
                continue;
            }
            sum = sum.add(p.signedReportingAmount());
        }
        return sum;
    }

    private Optional<PolicyCaps.Cap> cap(RelocationCase c, PaymentCategory category, LocalDate on) {
        return PolicyCaps.of(category, allowances(c), c.baseSalary(), PolicyService.Allowances.children(c), on, c.getStartDate(), c.getEndDate());
    }

    private PolicyService.Allowances allowances(RelocationCase c) {
        try {
            return policy.allowances(c.getId());
        } catch (IllegalStateException e) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.NO_POLICY_DECISION, "Case " + c.getCaseNumber()
                    + " has no policy decision yet: its caps are not known, so no payment is recorded");
        }
    }

    private void notTheRecorder(MobilityPayment p, String actor, String verb) {
        if (actor.equals(p.getCreatedBy())) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.SEGREGATION_OF_DUTIES, "Payment " + p.getId()
                    + " was recorded by you: someone else must " + verb + " it (segregation of duties)");
        }
    }

    private BigDecimal toReporting(Money m, LocalDate on) {
        return rates.convert(m.amount(), m.currency().getCurrencyCode(), rates.reportingCurrency(), on);
    }

    private BigDecimal exceptionReporting(PolicyException e) {
        if (e.getReportingAmount() != null) {
            return e.getReportingAmount();
        }
        return toReporting(e.money(), LocalDate.ofInstant(e.getRequestedAt(), ZoneOffset.UTC));
    }

    private BigDecimal reporting(CostEstimate e) {
        if (e.reportingTotal() != null && e.reportingTotal().currency().getCurrencyCode().equals(rates.reportingCurrency().getCurrencyCode())) {
            return e.reportingTotal().amount();
        }
        LocalDate on = e.getRatesOn() != null ? e.getRatesOn() : e.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return rates.convert(e.total().amount(), e.total().currency().getCurrencyCode(), rates.reportingCurrency(), on);
    }

    private String rep(BigDecimal amount) {
        return amount.setScale(scale(), RoundingMode.HALF_EVEN).toPlainString() + " " + rates.reportingCurrency().getCurrencyCode();
    }

    int scale() {
        return Math.max(rates.reportingCurrency().getDefaultFractionDigits(), 0);
    }

    private static void reference(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
        } else if (value.length() > REFERENCE_MAX || !value.matches("[A-Za-z0-9][A-Za-z0-9._:/-]*")) {
            errors.put(field, "must be at most " + REFERENCE_MAX + " letters, digits or . _ : / -");
        }
    }

    /** Locks the case's row until the transaction ends: the checks of one case run one at a time. */
    private void lockCase(Long caseId) {
        em.createNativeQuery("SELECT id FROM relocation_case WHERE id = ? FOR UPDATE").setParameter(1, caseId).getResultList();
    }
}
