package org.relocation.payroll;

import org.relocation.estimate.EstimateProperties;
import org.relocation.fx.MissingExchangeRateException;
import org.relocation.ledger.Frequency;
import org.relocation.ledger.InvalidPaymentException;
import org.relocation.ledger.PaymentRefusedException;
import org.relocation.ledger.PaymentLedger;
import org.relocation.notification.NotificationService;
import org.relocation.payroll.PayrollInstructionItem.Component;
import org.relocation.payroll.PayrollInstructionItem.Payroll;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Money;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.tax.HypotheticalTax;
import org.relocation.tax.MissingTaxTableException;
import org.relocation.tax.TaxApproach;
import org.relocation.tax.TaxCalculationService;
import org.relocation.vendor.CallbackRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * A case's payroll instructions, versioned and effective-dated: built from the case's compensation decision
 * ({@code relocation-compensation}), its allowance decision ({@code relocation-allowances}), its salary (case records)
 * and, for an equalised or protected employee, the hypothetical tax of the tax slice; answered by the payroll providers,
 * confirmed by finance, then scheduled in the payments ledger. Amounts never leave the case records: logs and messages
 * name the instruction's reference only.
 */
@Service
public class PayrollInstructions {

    private static final Logger LOG = LoggerFactory.getLogger(PayrollInstructions.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final PayrollInstructionRepository instructions;
    private final PolicyService policy;
    private final CaseService cases;
    private final TaxCalculationService tax;
    private final EstimateProperties card;
    private final PaymentLedger ledger;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final PayrollProviderOrderRepository providerOrders;
    private final Optional<CompensationChangeProcess> changeProcess;
    private final NotificationService notifications;

    PayrollInstructions(PayrollInstructionRepository instructions, PolicyService policy, CaseService cases, TaxCalculationService tax,
                        EstimateProperties card, PaymentLedger ledger, Clock clock, PlatformTransactionManager transactionManager,
                        PayrollProviderOrderRepository providerOrders, Optional<CompensationChangeProcess> changeProcess,
                        NotificationService notifications) {
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(transactionManager);
        this.providerOrders = providerOrders;
        this.changeProcess = changeProcess;
        this.instructions = instructions;
        this.policy = policy;
        this.cases = cases;
        this.tax = tax;
        this.card = card;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The case's instruction for the payroll phase: the first version (effective from the assignment's start) when the
     * case has none, or a correction of a rejected one (a new version); an instruction still awaiting its answers is
     * returned as it is (the same task delivered twice makes one instruction).
     */
    @Transactional
    public PayrollInstruction prepare(Long caseId, String actor) {
        Optional<PayrollInstruction> latest = instructions.findFirstByCaseIdOrderByInstructionVersionDesc(caseId);
        if (latest.isPresent() && latest.get().getStatus() != PayrollInstruction.Status.REJECTED) {
            return latest.get();
        }
        RelocationCase c = cases.get(caseId);
        PayrollInstruction.Reason reason = latest.isPresent() ? PayrollInstruction.Reason.CORRECTION : PayrollInstruction.Reason.INITIAL;
        LocalDate from = c.getStartDate() != null ? c.getStartDate() : LocalDate.now(clock);
        PayrollInstruction built = build(c, latest.map(PayrollInstruction::getInstructionVersion).orElse(0) + 1, from, reason, actor);
        PayrollInstruction saved = instructions.save(built);
        LOG.info("Payroll instruction {} built for case {} ({} items)", saved.getReference(), c.getCaseNumber(), saved.getItems().size());
        return saved;
    }

    private PayrollInstruction build(RelocationCase c, int version, LocalDate from, PayrollInstruction.Reason reason, String actor) {
        PolicyService.Compensation comp = policy.compensation(c.getId());
        PolicyService.Allowances a = policy.allowances(c.getId());
        PayrollDelivery delivery = PayrollDelivery.valueOf(comp.payrollDelivery());
        TaxApproach taxApproach = TaxApproach.valueOf(comp.taxApproach());
        List<String> notes = new ArrayList<>();
        LocalDate end = c.getEndDate();
        Payroll allowancePayroll = delivery == PayrollDelivery.HOME ? Payroll.HOME : Payroll.HOST;
        PayrollInstruction pi = new PayrollInstruction(c.getId(), version, from, reason,
                CompensationApproach.valueOf(comp.compensationApproach()), taxApproach.name(), delivery, comp.hostSharePercent(),
                comp.shadowPayroll(), null, actor == null ? "system" : actor, clock.instant());
        boolean salaryKnown = true; // required at intake (IntakeValidator)
        {
            String cur = c.baseSalary().currency().getCurrencyCode();
            BigDecimal monthly = c.baseSalary().amount().divide(TWELVE, digits(cur), RoundingMode.HALF_EVEN);
            BigDecimal hostShare = share(monthly, delivery == PayrollDelivery.HOME ? 0 : delivery == PayrollDelivery.HOST ? 100
                    : comp.hostSharePercent(), cur);
            BigDecimal homeShare = monthly.subtract(hostShare);
            if (homeShare.signum() > 0) {
                pi.add(item(Payroll.HOME, Component.BASE_SALARY, cur, homeShare, PayrollInstructionItem.Frequency.MONTHLY, from, end, true));
            }
            if (hostShare.signum() > 0) {
                pi.add(item(Payroll.HOST, Component.BASE_SALARY, cur, hostShare, PayrollInstructionItem.Frequency.MONTHLY, from, end, true));
            }
            if (comp.shadowPayroll()) {
                pi.add(item(Payroll.SHADOW, Component.BASE_SALARY, cur, monthly, PayrollInstructionItem.Frequency.MONTHLY, from, end, true));
            }
            if (a.colaPercent().signum() > 0) {
                BigDecimal cola = c.baseSalary().amount().multiply(a.colaPercent()).divide(HUNDRED.multiply(TWELVE), digits(cur), RoundingMode.HALF_EVEN);
                pi.add(item(allowancePayroll, Component.COST_OF_LIVING, cur, cola, PayrollInstructionItem.Frequency.MONTHLY, from, end, true));
            }
        }
        String pc = a.currency();
        if (a.housingCapMonthly().signum() > 0) {
            pi.add(item(allowancePayroll, Component.HOUSING, pc, money(a.housingCapMonthly(), pc), PayrollInstructionItem.Frequency.MONTHLY,
                    from, end, true));
        }
        boolean initial = reason == PayrollInstruction.Reason.INITIAL || reason == PayrollInstruction.Reason.CORRECTION;
        if (initial && a.perDiemDaily().signum() > 0 && a.temporaryHousingNights() > 0) {
            pi.add(item(allowancePayroll, Component.PER_DIEM, pc, money(a.perDiemDaily(), pc), PayrollInstructionItem.Frequency.DAILY,
                    from, from.plusDays(a.temporaryHousingNights() - 1L), true));
        }
        if (a.homeLeaveTripsPerYear() > 0) {
            BigDecimal fares = card.getTravelFarePerTraveller().multiply(BigDecimal.valueOf(2L * a.homeLeaveTripsPerYear() * c.getTravellers().size()));
            pi.add(item(allowancePayroll, Component.HOME_LEAVE, card.getCurrency(), money(fares, card.getCurrency()),
                    PayrollInstructionItem.Frequency.ANNUAL, from, end, true));
        }
        long children = PolicyService.Allowances.children(c);
        if (children > 0 && a.schoolingPerChildYearly().signum() > 0) {
            pi.add(item(allowancePayroll, Component.SCHOOLING, pc, money(a.schoolingPerChildYearly().multiply(BigDecimal.valueOf(children)), pc),
                    PayrollInstructionItem.Frequency.ANNUAL, from, end, false));
        }
        if (initial && a.relocationAllowance().signum() > 0) {
            pi.add(item(allowancePayroll, Component.RELOCATION_ALLOWANCE, pc, money(a.relocationAllowance(), pc),
                    PayrollInstructionItem.Frequency.ONE_OFF, from, from, true));
        }
        if (salaryKnown && taxApproach != TaxApproach.LAISSEZ_FAIRE) {
            try {
                HypotheticalTax h = tax.hypotheticalTax(c.getHomeCountry(),
                        org.javamoney.moneta.Money.of(c.baseSalary().amount(), c.baseSalary().currency().getCurrencyCode()), from);
                BigDecimal perMonth = h.withholdingPerPeriod(12).get(0);
                if (perMonth.signum() > 0) {
                    pi.add(item(delivery == PayrollDelivery.HOST ? Payroll.HOST : Payroll.HOME, Component.HYPOTHETICAL_TAX,
                            h.assessment().currency().getCurrencyCode(), perMonth, PayrollInstructionItem.Frequency.MONTHLY, from, end, false));
                }
            } catch (MissingTaxTableException | MissingExchangeRateException e) {
                notes.add("hypothetical tax not computed: no " + c.getHomeCountry() + " tax table or exchange rate in effect on " + from);
            }
        }
        if (!notes.isEmpty()) {
            pi.noted(String.join("; ", notes));
        }
        return pi;
    }

    /** Why a compensation change is made (a new version from an effective date). */
    public static final Set<PayrollInstruction.Reason> CHANGE_REASONS = EnumSet.of(PayrollInstruction.Reason.SALARY_REVIEW,
            PayrollInstruction.Reason.NEW_DEPENDANT, PayrollInstruction.Reason.CITY_BAND_CHANGE, PayrollInstruction.Reason.EXTENSION);

    /**
     * A compensation change during the assignment: a new version built from the case records as they are now (a salary
     * review first records the new salary on the case), effective from a day after the version in force and within the
     * assignment, awaiting finance's approval ({@link #approveChange}). The one-off items of the start (relocation
     * allowance, per diem in temporary housing) are not repeated.
     *
     * @throws InvalidCompensationChangeException naming each bad field (nothing written)
     * @throws CompensationChangeRefusedException no instruction confirmed by finance, or a change already awaits approval
     */
    @Transactional
    public PayrollInstruction requestChange(Long caseId, PayrollInstruction.Reason reason, LocalDate effectiveFrom, Money newSalary, String actor) {
        RelocationCase c = cases.get(caseId);
        List<PayrollInstruction> all = instructions.findByCaseIdOrderByInstructionVersion(caseId);
        if (all.isEmpty()) {
            throw new CompensationChangeRefusedException("Case " + c.getCaseNumber()
                    + " has no payroll instruction yet: a compensation change follows the payroll phase");
        }
        PayrollInstruction last = all.get(all.size() - 1);
        if (refusedByProvider(last)) {
            throw new CompensationChangeRefusedException("Compensation change " + last.getReference() + " of case " + c.getCaseNumber()
                    + " was refused by a payroll provider: finance corrects or withdraws it first (task correct-compensation-change)");
        }
        if (inProgress(last)) {
            throw new CompensationChangeRefusedException("Compensation change " + last.getReference() + " of case " + c.getCaseNumber()
                    + " is still in progress (" + last.getStatus() + "): finish it first");
        }
        PayrollInstruction latest = inForce(all).orElseThrow(() -> new CompensationChangeRefusedException("Payroll instruction "
                + last.getReference() + " of case " + c.getCaseNumber() + " is " + last.getStatus()
                + ": a compensation change needs an instruction confirmed by finance"));
        Map<String, String> errors = changeErrors(c, latest, reason, effectiveFrom, newSalary, true);
        if (!errors.isEmpty()) {
            throw new InvalidCompensationChangeException(errors);
        }
        if (newSalary != null) {
            cases.reviewSalary(caseId, newSalary, actor);
        }
        PayrollInstruction change = instructions.save(build(cases.get(caseId), last.getInstructionVersion() + 1, effectiveFrom, reason, actor));
        changeProcess.ifPresent(p -> p.start(c.getCaseNumber(), caseId, change.getInstructionVersion()));
        LOG.info("Compensation change {} ({}) requested for case {} from {}", change.getReference(), reason, c.getCaseNumber(), effectiveFrom);
        return change;
    }

    /**
     * Field → problem of a change's reason, effective date and new salary against the version in force and the
     * assignment (a salary only with a salary review; required with one when {@code salaryRequired}).
     */
    private static Map<String, String> changeErrors(RelocationCase c, PayrollInstruction latest, PayrollInstruction.Reason reason,
                                                    LocalDate effectiveFrom, Money newSalary, boolean salaryRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason == null || !CHANGE_REASONS.contains(reason)) {
            errors.put("reason", "is required: SALARY_REVIEW, NEW_DEPENDANT, CITY_BAND_CHANGE or EXTENSION");
        }
        if (effectiveFrom == null) {
            errors.put("effectiveFrom", "is required (YYYY-MM-DD)");
        } else if (!effectiveFrom.isAfter(latest.getEffectiveFrom())) {
            errors.put("effectiveFrom", "must be after " + latest.getEffectiveFrom() + ", the day the instruction in force took effect");
        } else if (c.getEndDate() != null && effectiveFrom.isAfter(c.getEndDate())) {
            errors.put("effectiveFrom", "must be on or before " + c.getEndDate() + ", the end of the assignment");
        }
        if (reason == PayrollInstruction.Reason.SALARY_REVIEW) {
            if (newSalary == null && salaryRequired) {
                errors.put("baseSalaryAmount", "is required for a salary review (the new annual base salary, with baseSalaryCurrency)");
            } else if (newSalary != null && newSalary.amount().signum() <= 0 || newSalary.amount().compareTo(new BigDecimal("100000000")) > 0
                    || newSalary.amount().scale() > digits(newSalary.currency().getCurrencyCode())) {
                errors.put("baseSalaryAmount", "must be more than 0, at most 100000000, with at most the currency's decimals");
            }
        } else if (newSalary != null) {
            errors.put("baseSalaryAmount", "is taken only with reason SALARY_REVIEW");
        }
        return errors;
    }

    /** A change not yet in force nor closed: awaiting finance's decision, the providers' answers or taking effect. */
    private static boolean inProgress(PayrollInstruction pi) {
        if (!pi.isChange()) {
            return false;
        }
        return switch (pi.getStatus()) {
            case DRAFT, SENT, PROVIDER_CONFIRMED -> true;
            case REJECTED -> refusedByProvider(pi); // refused by a provider: corrected or withdrawn first; by finance: asked for again
            case FINANCE_CONFIRMED, SUPERSEDED, WITHDRAWN -> false;
        };
    }

    /** A change finance approved that a provider then refused: awaiting its correction or withdrawal (correct-compensation-change). */
    private static boolean refusedByProvider(PayrollInstruction pi) {
        return pi.isChange() && pi.getStatus() == PayrollInstruction.Status.REJECTED && pi.getFinanceConfirmedBy() != null
                && pi.getProviderAnsweredAt() != null;
    }

    /** What finance does with a change a provider refused. */
    public enum Correction { CORRECT, WITHDRAW }

    /**
     * The change of this version a provider refused, still awaiting its correction or withdrawal: the case's latest
     * version (empty: none).
     */
    @Transactional(readOnly = true)
    public Optional<PayrollInstruction> refusedChange(Long caseId, int version) {
        return instructions.findFirstByCaseIdOrderByInstructionVersionDesc(caseId)
                .filter(pi -> pi.getInstructionVersion() == version && refusedByProvider(pi));
    }

    /**
     * Field → problem of correcting ({@code effectiveFrom}, and for a salary review optionally a new salary, checked as
     * when a change is asked for) or withdrawing the refused change of this version; empty when it may be done. Whoever
     * asked for the change may withdraw it but not correct it: a correction is resent without another approval, so
     * another member of finance makes it (segregation of duties). Plain sentences without a full stop.
     */
    @Transactional(readOnly = true)
    public Map<String, String> correctionProblems(Long caseId, int version, Correction what, LocalDate effectiveFrom, Money newSalary,
                                                  String actor) {
        Optional<PayrollInstruction> refused = refusedChange(caseId, version);
        if (refused.isEmpty()) {
            return Map.of("correctionDecision", "version " + version + " of the case's payroll instruction is no compensation change "
                    + "refused by a provider awaiting correction");
        }
        if (what == null) {
            return Map.of("correctionDecision", "is required: correct or withdraw");
        }
        if (what == Correction.WITHDRAW) {
            return Map.of(); // a date or salary filled in before choosing to withdraw is left unused
        }
        PayrollInstruction pi = refused.get();
        if (pi.getCreatedBy().equals(actor)) {
            return Map.of("correctionDecision", actor + " asked for compensation change " + pi.getReference()
                    + ": another member of finance corrects and resends it (segregation of duties)");
        }
        RelocationCase c = cases.get(caseId);
        PayrollInstruction latest = inForce(instructions.findByCaseIdOrderByInstructionVersion(caseId)).orElseThrow();
        return changeErrors(c, latest, pi.getReason(), effectiveFrom, newSalary, false);
    }

    /**
     * Corrects the change a provider refused: a new version (the next number, the same reason and requester) built from
     * the case records as they are now, from {@code effectiveFrom}, a salary review first recording the new salary when
     * one is given; approved by the person correcting it and sent to every payroll's provider again (those that
     * confirmed the refused version too: they confirm the new version). The refused version stays rejected.
     *
     * @throws InvalidCompensationChangeException {@link #correctionProblems} found a problem (nothing written)
     */
    @Transactional
    public PayrollInstruction correctChange(Long caseId, int version, LocalDate effectiveFrom, Money newSalary, String actor) {
        Map<String, String> problems = correctionProblems(caseId, version, Correction.CORRECT, effectiveFrom, newSalary, actor);
        if (!problems.isEmpty()) {
            throw new InvalidCompensationChangeException(problems);
        }
        PayrollInstruction refused = refusedChange(caseId, version).orElseThrow();
        if (newSalary != null) {
            cases.reviewSalary(caseId, newSalary, actor);
        }
        PayrollInstruction corrected = build(cases.get(caseId), version + 1, effectiveFrom, refused.getReason(), refused.getCreatedBy());
        corrected.noted("Corrects " + refused.getReference() + ", refused by a provider" + (corrected.getNote() == null ? "" : "; " + corrected.getNote()));
        corrected.financeApproved(actor, clock.instant());
        PayrollInstruction saved = instructions.save(corrected);
        LOG.info("Compensation change {} corrected by {} as {} from {}", refused.getReference(), actor, saved.getReference(), effectiveFrom);
        return saved;
    }

    /**
     * Withdraws the change a provider refused: it never takes effect, the version in force and the payments ledger stay
     * as they are, and another change may be asked for.
     *
     * @throws InvalidCompensationChangeException no such refused change (nothing written)
     */
    @Transactional
    public PayrollInstruction withdrawChange(Long caseId, int version, String actor) {
        Map<String, String> problems = correctionProblems(caseId, version, Correction.WITHDRAW, null, null, actor);
        if (!problems.isEmpty()) {
            throw new InvalidCompensationChangeException(problems);
        }
        PayrollInstruction refused = refusedChange(caseId, version).orElseThrow();
        refused.withdrawn();
        LOG.info("Compensation change {} withdrawn by {} after a provider's refusal", refused.getReference(), actor);
        return refused;
    }

    /** The version in force: the latest one confirmed by finance. */
    private static Optional<PayrollInstruction> inForce(List<PayrollInstruction> all) {
        return all.stream().filter(i -> i.getStatus() == PayrollInstruction.Status.FINANCE_CONFIRMED).reduce((x, y) -> y);
    }

    private Optional<PayrollInstruction> change(Long caseId, int version) {
        return instructions.findByCaseIdOrderByInstructionVersion(caseId).stream()
                .filter(i -> i.getInstructionVersion() == version && i.isChange()).findFirst();
    }

    /** The change of the case with this version, for its approval form (empty: no such change). */
    @Transactional(readOnly = true)
    public Optional<PayrollInstruction> changeOf(Long caseId, int version) {
        return change(caseId, version);
    }

    /** The version in force of the case (the latest confirmed by finance), for the change's approval form. */
    @Transactional(readOnly = true)
    public Optional<PayrollInstruction> inForce(Long caseId) {
        return inForce(instructions.findByCaseIdOrderByInstructionVersion(caseId));
    }

    /**
     * Why finance may not decide the change now (a sentence without a full stop), or null: no such change awaiting
     * approval, the caller asked for it (segregation of duties), or a rejection without its reason.
     */
    @Transactional(readOnly = true)
    public String changeDecisionProblem(Long caseId, int version, boolean approve, String comment, String actor) {
        Optional<PayrollInstruction> change = change(caseId, version)
                .filter(i -> i.getStatus() == PayrollInstruction.Status.DRAFT && i.getFinanceConfirmedBy() == null);
        if (change.isEmpty()) {
            return "version " + version + " of the case's payroll instruction is no compensation change awaiting approval";
        }
        if (change.get().getCreatedBy().equals(actor)) {
            return actor + " asked for compensation change " + change.get().getReference()
                    + ": another member of finance decides it (segregation of duties)";
        }
        if (!approve && (comment == null || comment.isBlank())) {
            return "a rejection needs its reason";
        }
        return null;
    }

    /**
     * Finance decides a compensation change (not the person who asked for it). Approved: it is sent to the payroll
     * providers ({@link #approvedChange}) and takes effect once they all confirmed ({@link #applyChange}). Rejected: closed
     * with the reason, the version in force stays.
     *
     * @throws CompensationChangeRefusedException {@link #changeDecisionProblem} found a problem
     */
    @Transactional
    public PayrollInstruction decideChange(Long caseId, int version, boolean approve, String comment, String actor) {
        String problem = changeDecisionProblem(caseId, version, approve, comment, actor);
        if (problem != null) {
            throw new CompensationChangeRefusedException(Character.toUpperCase(problem.charAt(0)) + problem.substring(1));
        }
        PayrollInstruction pi = change(caseId, version).orElseThrow();
        if (approve) {
            pi.financeApproved(actor, clock.instant());
        } else {
            pi.financeRejected(actor, comment.strip(), clock.instant());
        }
        LOG.info("Compensation change {} {} by finance", pi.getReference(), approve ? "approved" : "rejected");
        return pi;
    }

    /**
     * The change finance approved, to send to the providers (or sent already: the same task delivered twice).
     */
    @Transactional(readOnly = true)
    public PayrollInstruction approvedChange(Long caseId) {
        return instructions.findFirstByCaseIdOrderByInstructionVersionDesc(caseId)
                .filter(pi -> pi.isChange() && pi.getFinanceConfirmedBy() != null
                        && (pi.getStatus() == PayrollInstruction.Status.DRAFT || pi.getStatus() == PayrollInstruction.Status.SENT))
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no approved compensation change to send"));
    }

    /**
     * Every provider confirmed the change: it takes effect (under the payroll reference of the version it replaces),
     * which is superseded; the ledger cancels the replaced version's planned and approved payments due on or after the
     * change's effective date (paid ones stay) and schedules the change's ({@link #schedulePayments}, item by item).
     * Idempotent: a change already in force is only scheduled again (which records nothing new).
     */
    public PayrollInstruction applyChange(Long caseId, String actor) {
        PayrollInstruction change = transactions.execute(t -> {
            List<PayrollInstruction> all = instructions.findByCaseIdOrderByInstructionVersion(caseId);
            PayrollInstruction pi = all.get(all.size() - 1);
            if (!pi.isChange() || (pi.getStatus() != PayrollInstruction.Status.PROVIDER_CONFIRMED
                    && pi.getStatus() != PayrollInstruction.Status.FINANCE_CONFIRMED)) {
                throw new IllegalStateException("Case " + caseId + " has no compensation change confirmed by its providers");
            }
            if (pi.getStatus() == PayrollInstruction.Status.FINANCE_CONFIRMED) {
                return pi;
            }
            PayrollInstruction replaced = inForce(all).orElseThrow();
            pi.takesEffect(replaced.getFinanceReference());
            replaced.superseded();
            int cancelled = ledger.cancelScheduled(caseId, replaced.getReference(), pi.getEffectiveFrom(),
                    "Replaced by " + pi.getReference() + " from " + pi.getEffectiveFrom(), actor);
            LOG.info("Compensation change {} in force: {} payments of {} cancelled from {}", pi.getReference(), cancelled,
                    replaced.getReference(), pi.getEffectiveFrom());
            return pi;
        });
        schedulePayments(caseId, actor);
        return instructions.findById(change.getId()).orElseThrow();
    }

    /** The payrolls whose provider is ordered for a version: HOME and/or HOST (a shadow payroll is the host provider's). */
    static List<Payroll> providers(PayrollInstruction pi) {
        Set<Payroll> out = EnumSet.noneOf(Payroll.class);
        for (PayrollInstructionItem i : pi.getItems()) {
            out.add(i.getPayroll() == Payroll.HOME ? Payroll.HOME : Payroll.HOST);
        }
        return List.copyOf(out);
    }

    /** The order of a version from one payroll's provider went out (recorded once: the same task twice records nothing new). */
    @Transactional
    public void ordered(String instructionReference, Payroll payroll, String country, String orderReference) {
        PayrollInstruction pi = byReference(instructionReference);
        if (providerOrders.findByInstructionIdAndPayroll(pi.getId(), payroll).isEmpty()) {
            providerOrders.save(new PayrollProviderOrder(pi.getId(), payroll, country, orderReference, clock.instant()));
        }
        pi.sent();
    }

    /** A version's orders, one per payroll's provider, with their answers. */
    @Transactional(readOnly = true)
    public List<PayrollProviderOrder> providerOrders(Long instructionId) {
        return providerOrders.findByInstructionIdOrderById(instructionId);
    }

    /**
     * One provider's signed answer to its order of a version, and what it tells the waiting process: {@code confirmed}
     * once every provider of the version confirmed, {@code rejected} as soon as one refused (the version is rejected with
     * that provider's note), or nothing while other providers' answers are awaited or after the version was rejected.
     * An answer to an order of no version (an order from before one order per payroll) answers the case's version
     * awaiting it, as then; while the case's latest version is still a draft, such an answer is one that overtook the
     * commit of the task sending the orders, and is refused for the vendor to retry.
     * @throws CallbackRejectedException (409) an answer that came before its order was recorded
     */
    @Transactional
    public Optional<String> providerAnswered(Long caseId, String orderReference, boolean confirmed, String note) {
        Optional<PayrollProviderOrder> order = providerOrders.findByOrderReference(orderReference);
        if (order.isEmpty()) {
            if (current(caseId).filter(pi -> pi.getStatus() == PayrollInstruction.Status.DRAFT).isPresent()) {
                // the vendor order is sent, but the task that sent it has not committed its provider order yet: an answer
                // recorded now would find no version awaiting it and be lost, so it is refused (409) and the vendor retries
                throw new CallbackRejectedException(CallbackRejectedException.Reason.ALREADY_ANSWERED,
                        "Order " + orderReference + " is still being sent; retry later");
            }
            return providerAnswered(caseId, confirmed, note).map(pi -> confirmed ? "confirmed" : "rejected");
        }
        PayrollProviderOrder o = order.get();
        PayrollInstruction pi = instructions.findLockedById(o.getInstructionId()).orElseThrow();
        o.answered(confirmed, note, clock.instant());
        if (pi.getStatus() != PayrollInstruction.Status.SENT) {
            LOG.info("Payroll provider {} answered {} for {}, which is {}: recorded", o.getPayroll(), o.getStatus(), pi.getReference(), pi.getStatus());
            return Optional.empty();
        }
        if (!confirmed) {
            pi.providerAnswered(false, o.getPayroll() + " payroll (" + o.getCountry() + "): " + (note == null ? "refused" : note), clock.instant());
            return Optional.of("rejected");
        }
        boolean all = providerOrders.findByInstructionIdOrderById(pi.getId()).stream()
                .allMatch(x -> x.getStatus() == PayrollProviderOrder.Status.CONFIRMED);
        if (all) {
            pi.providerAnswered(true, null, clock.instant());
            return Optional.of("confirmed");
        }
        return Optional.empty();
    }

    /** The vendor order for the instruction went out. */
    @Transactional
    public void sent(String reference) {
        byReference(reference).sent();
    }

    /**
     * A provider's answer to the case's instruction awaiting it (sent) as a whole: confirmed, or rejected with the
     * provider's note (which names no amount). An answer when no instruction awaits one changes nothing.
     */
    @Transactional
    public Optional<PayrollInstruction> providerAnswered(Long caseId, boolean confirmed, String note) {
        Optional<PayrollInstruction> awaiting = current(caseId).filter(pi -> pi.getStatus() == PayrollInstruction.Status.SENT);
        awaiting.ifPresent(pi -> pi.providerAnswered(confirmed, note, clock.instant()));
        if (awaiting.isEmpty()) {
            LOG.warn("Payroll provider answered for case {} but no instruction awaits an answer", caseId);
        }
        return awaiting;
    }

    /** Finance confirmed the payroll set-up of the case's current instruction under the payroll system's reference. */
    @Transactional
    public Optional<PayrollInstruction> financeConfirmed(Long caseId, String payrollReference, String actor) {
        Optional<PayrollInstruction> current = current(caseId);
        current.ifPresent(pi -> pi.financeConfirmed(payrollReference, actor == null ? "unknown" : actor, clock.instant()));
        return current;
    }

    /**
     * Schedules the paid allowances of the case's finance-confirmed instruction in the payments ledger (one payment per
     * due date; the salary, the shadow payroll and the hypothetical tax withheld are pay, not mobility payments). Each
     * item is scheduled in its own transaction: an item the ledger refuses (a policy cap, the budget) is left out and
     * named on the instruction's note (component and the ledger's reason, never an amount) for finance, the others are
     * recorded. Idempotent: the ledger records each reference, category and due date once.
     */
    public Scheduled schedulePayments(Long caseId, String actor) {
        PayrollInstruction pi = instructions.findFirstByCaseIdOrderByInstructionVersionDesc(caseId)
                .filter(i -> i.getStatus() == PayrollInstruction.Status.FINANCE_CONFIRMED)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no payroll instruction confirmed by finance"));
        int n = 0;
        List<String> refused = new ArrayList<>();
        for (PayrollInstructionItem item : pi.getItems()) {
            String category = category(item.getComponent());
            if (category == null || item.getPayroll() == Payroll.SHADOW) {
                continue;
            }
            try {
                for (PaymentLedger.AllowanceSchedule s : schedules(pi.getReference(), category, item)) {
                    n += ledger.schedule(caseId, s, actor).size();
                }
            } catch (PaymentRefusedException e) {
                refused.add(item.getComponent() + " (" + e.getReason() + ")");
            } catch (InvalidPaymentException e) {
                refused.add(item.getComponent() + " (invalid: " + String.join(", ", e.getFieldErrors().keySet()) + ")");
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("Payments ledger refused items of payroll instruction {}: {}", pi.getReference(), refused);
            instructions.findById(pi.getId()).ifPresent(i -> {
                i.noted((i.getNote() == null ? "" : i.getNote() + "; ") + "not scheduled in the ledger: " + String.join(", ", refused));
                instructions.save(i);
            });
            // nobody would otherwise learn that an allowance the employee is owed is not scheduled (no amounts: the ledger
            // and the instruction show them to those who may read them)
            RelocationCase c = cases.get(caseId);
            notifications.notifySpecialistsAndRoles(c, "payroll-items-not-scheduled:" + pi.getReference(),
                    "Case " + c.getCaseNumber() + ": payroll items not scheduled in the payments ledger",
                    "The payments ledger refused items of payroll instruction " + pi.getReference() + ": " + String.join(", ", refused)
                            + ". BUDGET: the approved estimate is used up (revise the budget, or record the payment with an approved"
                            + " policy exception); POLICY_CAP: the item exceeds its policy cap (policy exception). See the case's"
                            + " payments and budget.", List.of("finance"));
        }
        return new Scheduled(n, List.copyOf(refused));
    }

    /** What the ledger scheduled: the payments, and the items it refused (component and reason). */
    public record Scheduled(int payments, List<String> refused) {
    }

    private static List<PaymentLedger.AllowanceSchedule> schedules(String ref, String category, PayrollInstructionItem item) {
        List<PaymentLedger.AllowanceSchedule> out = new ArrayList<>();
        switch (item.getFrequency()) {
            case MONTHLY -> out.add(schedule(ref, category, item.getAmount(), item, Frequency.MONTHLY, item.getStart(), lastPeriodStart(item)));
            case ANNUAL -> out.add(schedule(ref, category, item.getAmount(), item, Frequency.YEARLY, item.getStart(), lastPeriodStart(item)));
            case ONE_OFF -> out.add(schedule(ref, category, item.getAmount(), item, Frequency.ONCE, item.getStart(), item.getStart()));
            case DAILY -> {
                // one payment per calendar month for the days of the period in it, due on the period's last day in the month
                LocalDate day = item.getStart();
                while (!day.isAfter(item.getEnd())) {
                    LocalDate monthEnd = YearMonth.from(day).atEndOfMonth();
                    LocalDate last = monthEnd.isBefore(item.getEnd()) ? monthEnd : item.getEnd();
                    long days = last.toEpochDay() - day.toEpochDay() + 1;
                    out.add(schedule(ref, category, item.getAmount().multiply(BigDecimal.valueOf(days)), item, Frequency.ONCE, last, last));
                    day = last.plusDays(1);
                }
            }
        }
        return out;
    }

    /**
     * The last day a period of a recurring item may start on: the day before its end. A month (or year) beginning on the
     * assignment's end date is not paid, so the ledger schedules as many months as the approved estimate counts
     * ({@code RelocationCase.durationMonths()}: 1 Feb to 1 Aug is 6 months, not 7 due dates; 1 Mar 2027 to 28 Feb 2029 is
     * 24). Paying the seventh month took short-term cases over their budget and left their relocation allowance unscheduled.
     */
    private static LocalDate lastPeriodStart(PayrollInstructionItem item) {
        return item.getEnd().isAfter(item.getStart()) ? item.getEnd().minusDays(1) : item.getEnd();
    }

    private static PaymentLedger.AllowanceSchedule schedule(String ref, String category, BigDecimal amount, PayrollInstructionItem item,
                                                            Frequency f, LocalDate start, LocalDate end) {
        return new PaymentLedger.AllowanceSchedule(ref, category, amount, item.getCurrency(), f, start, end, item.isTaxable(), null, null, null);
    }

    /** The ledger's category of a paid component; null for pay that is no mobility payment. */
    static String category(Component c) {
        return switch (c) {
            case COST_OF_LIVING -> "cost-of-living";
            case HOUSING -> "housing";
            case PER_DIEM -> "per-diem";
            case HOME_LEAVE -> "home-leave";
            case SCHOOLING -> "schooling";
            case RELOCATION_ALLOWANCE -> "relocation-allowance";
            case BASE_SALARY, HYPOTHETICAL_TAX -> null;
        };
    }

    /** The case's instruction versions, oldest first. */
    @Transactional(readOnly = true)
    public List<PayrollInstruction> ofCase(Long caseId) {
        return instructions.findByCaseIdOrderByInstructionVersion(caseId);
    }

    /** The case's latest version that is not superseded nor rejected. */
    @Transactional(readOnly = true)
    public Optional<PayrollInstruction> current(Long caseId) {
        return instructions.findFirstByCaseIdOrderByInstructionVersionDesc(caseId)
                .filter(pi -> pi.getStatus() != PayrollInstruction.Status.SUPERSEDED);
    }

    /** The instructions in force or awaiting confirmation (sent, provider- or finance-confirmed), for the export. */
    @Transactional(readOnly = true)
    public List<PayrollInstruction> active() {
        return instructions.findByStatusInOrderByCaseIdAscInstructionVersionAsc(List.of(PayrollInstruction.Status.SENT,
                PayrollInstruction.Status.PROVIDER_CONFIRMED, PayrollInstruction.Status.FINANCE_CONFIRMED));
    }

    private PayrollInstruction byReference(String reference) {
        return instructions.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No payroll instruction " + reference));
    }

    private static PayrollInstructionItem item(Payroll p, Component c, String currency, BigDecimal amount, PayrollInstructionItem.Frequency f,
                                               LocalDate start, LocalDate end, boolean taxable) {
        return new PayrollInstructionItem(p, c, currency, amount, f, start, end, taxable);
    }

    private static BigDecimal share(BigDecimal monthly, int percent, String currency) {
        return monthly.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, digits(currency), RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal amount, String currency) {
        return amount.setScale(digits(currency), RoundingMode.HALF_EVEN);
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
