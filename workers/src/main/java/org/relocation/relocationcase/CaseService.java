package org.relocation.relocationcase;

import org.relocation.fx.ExchangeRateService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;


/** The case record's single entry point: registering intakes, phases, timeline and outcomes. */
@Service("relocationCaseService")
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final CaseRepository cases;
    private final CasePhaseRepository phases;
    private final TimelineRepository timeline;
    private final CaseNumberSequenceRepository sequences;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    private final ExchangeRateService rates;

    CaseService(CaseRepository cases, CasePhaseRepository phases, TimelineRepository timeline,
                CaseNumberSequenceRepository sequences, Clock clock, PlatformTransactionManager transactions, ExchangeRateService rates) {
        this.rates = rates;
        this.cases = cases;
        this.phases = phases;
        this.timeline = timeline;
        this.sequences = sequences;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Every bad field of an intake: the field rules, and a budget or salary currency without an exchange rate to the
     * reporting currency in effect today (the estimate could not be made).
     */
    @Transactional(readOnly = true)
    public Map<String, String> intakeProblems(CaseIntake intake) {
        Map<String, String> errors = IntakeValidator.validate(intake);
        LocalDate today = LocalDate.now(clock);
        for (Map.Entry<String, String> currency : Map.of("budgetCurrency", String.valueOf(intake.budgetCurrency()),
                "baseSalaryCurrency", String.valueOf(intake.baseSalaryCurrency())).entrySet()) {
            if (!errors.containsKey(currency.getKey())) {
                var unit = ExchangeRateService.currency(currency.getValue());
                if (unit.isEmpty()) {
                    errors.put(currency.getKey(), "must be an ISO 4217 currency code such as EUR");
                } else if (!rates.hasRate(unit.get(), rates.reportingCurrency(), today)) {
                    errors.put(currency.getKey(), "has no exchange rate to " + rates.reportingCurrency().getCurrencyCode()
                            + " in effect today: finance loads rates (POST /api/exchange-rates)");
                }
            }
        }
        return errors;
    }

    /** Validates and stores an intake; throws {@link InvalidIntakeException} naming every bad field, writing nothing. */
    @Transactional
    public RelocationCase register(CaseIntake intake, String actor) {
        Map<String, String> errors = intakeProblems(intake);
        if (!errors.isEmpty()) {
            throw new InvalidIntakeException(errors);
        }
        Instant now = clock.instant();
        RelocationCase c = cases.save(new RelocationCase(nextCaseNumber(now), intake, now));
        timeline.save(new TimelineEntry(c.getId(), now, TimelineEntry.Kind.CASE_OPENED, null, "Case opened", null, actor));
        log.info("Registered case {} (id {})", c.getCaseNumber(), c.getId());
        return c;
    }

    private String nextCaseNumber(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        CaseNumberSequence seq = sequences.lockYear(year).orElseGet(() -> createYear(year));
        return "RC-%d-%06d".formatted(year, seq.take());
    }

    /** The year's first case: its row is created in a transaction of its own, so a concurrent creator's win is harmless. */
    private CaseNumberSequence createYear(int year) {
        try {
            newTransaction.executeWithoutResult(status -> sequences.saveAndFlush(new CaseNumberSequence(year)));
        } catch (DataIntegrityViolationException raceLost) {
            log.debug("Case number sequence for {} created concurrently", year);
        }
        return sequences.lockYear(year).orElseThrow();
    }

    @Transactional
    public void attachProcess(Long caseId, String processInstanceId) {
        get(caseId).attachProcess(processInstanceId);
    }

    @Transactional(readOnly = true)
    public RelocationCase get(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /**
     * Whether the user opened the case or is its employee: they may not decide its approvals (segregation of duties).
     */
    @Transactional(readOnly = true)
    public boolean isOwnCase(Long caseId, String userId) {
        if (userId == null) {
            return false;
        }
        return cases.findById(caseId).map(c -> userId.equals(c.getEmployeeUserId())).orElse(false)
                || timeline.actorsOf(caseId, TimelineEntry.Kind.CASE_OPENED).contains(userId);
    }

    /**
     * The case, if the scope lets its reader see it; otherwise {@link CaseNotFoundException}, the same answer as for a
     * case that does not exist, so a reader learns nothing of cases beyond their scope.
     */
    @Transactional(readOnly = true)
    public RelocationCase readable(Long caseId, CaseScope scope) {
        if (!cases.readable(caseId, scope)) {
            throw new CaseNotFoundException(caseId);
        }
        return get(caseId);
    }

    /** The ids of the cases opened in [from, to) that the scope lets its reader see. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> idsOpenedBetween(Instant from, Instant to, CaseScope scope) {
        return cases.idsOpenedBetween(from, to, scope);
    }

    /**
     * An approver sent the case back: the specialist changes dates, host city or budget (null: unchanged). Every bad
     * field is reported at once and nothing is written.
     *
     * @return the names of the fields that changed
     * @throws InvalidIntakeException naming each bad field
     */
    @Transactional
    public List<String> revise(Long caseId, Revision r) {
        RelocationCase c = get(caseId);
        java.util.Map<String, String> errors = IntakeValidator.validateRevision(c, r, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new InvalidIntakeException(errors);
        }
        return c.revise(r, clock.instant());
    }

    /** What is wrong with a revision of the case, by form field; empty when it can be applied. */
    @Transactional(readOnly = true)
    public Map<String, String> revisionProblems(Long caseId, Revision r) {
        return IntakeValidator.validateRevision(get(caseId), r, LocalDate.now(clock));
    }

    /** Changes to an intake sent back for changes; null fields stay as they are. */
    public record Revision(LocalDate startDate, LocalDate endDate, String hostCity, java.math.BigDecimal budgetAmount) {
    }

    @Transactional(readOnly = true)
    public RelocationCase getByNumber(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void phaseEntered(Long caseId, String phase, String elementName) {
        Instant now = clock.instant();
        phases.save(new CasePhase(caseId, phase, now));
        timeline.save(new TimelineEntry(caseId, now, TimelineEntry.Kind.PHASE_ENTERED, phase, elementName, phase, null));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void phaseCompleted(Long caseId, String phase, String elementName) {
        Instant now = clock.instant();
        phases.findFirstByCaseIdAndPhaseAndCompletedAtIsNullOrderByIdDesc(caseId, phase).ifPresent(p -> p.complete(now));
        timeline.save(new TimelineEntry(caseId, now, TimelineEntry.Kind.PHASE_COMPLETED, phase, elementName, phase, null));
    }

    /** Records a step on the timeline; joins the caller's transaction (engine listener or worker). */
    @Transactional
    public void recordStep(Long caseId, TimelineEntry.Kind kind, String elementId, String elementName, String phase, String actor) {
        timeline.save(new TimelineEntry(caseId, clock.instant(), kind, elementId, elementName, phase, actor));
    }

    /**
     * Moves the case's start date (the end date moves with it, the assignment keeps its length), e.g. because a
     * permit will not be granted in time. The new date must lie in the future.
     * @throws IllegalArgumentException if it does not
     */
    @Transactional
    public RelocationCase moveStartDate(Long caseId, LocalDate newStart, String actor) {
        RelocationCase c = get(caseId);
        if (newStart == null || !newStart.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("newStartDate must be in the future");
        }
        if (newStart.equals(c.getStartDate())) {
            return c; // a redelivered task: already moved
        }
        LocalDate old = c.getStartDate();
        c.moveStartDate(newStart, clock.instant());
        timeline.save(new TimelineEntry(caseId, clock.instant(), TimelineEntry.Kind.STEP_COMPLETED, "start-date-moved",
                "Start date moved from " + old + " to " + newStart, null, actor));
        return c;
    }

    /** Ends the case with a final status; the first outcome stands, so a repeated call changes nothing. */
    @Transactional
    public RelocationCase finish(Long caseId, CaseStatus status, String reason) {
        RelocationCase c = get(caseId);
        if (c.getStatus().isFinal()) {
            return c;
        }
        Instant now = clock.instant();
        c.finish(status, reason, now);
        phases.findByCaseIdOrderById(caseId).forEach(p -> p.complete(now));
        timeline.save(new TimelineEntry(caseId, now, TimelineEntry.Kind.CASE_CLOSED, status.name(), "Case " + status.name().toLowerCase().replace('_', ' '), null, null));
        log.info("Case {} finished as {}", c.getCaseNumber(), status);
        return c;
    }

    @Transactional
    public void recordFinalCost(Long caseId, Money finalCost) {
        get(caseId).recordFinalCost(finalCost, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<CasePhase> phases(Long caseId) {
        return phases.findByCaseIdOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(Long caseId) {
        return timeline.findByCaseIdOrderByOccurredAtAscIdAsc(caseId);
    }
}
