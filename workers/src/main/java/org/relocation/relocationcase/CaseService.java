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
    private final org.springframework.beans.factory.ObjectProvider<CaseStaff> staff;
    private final CaseChangeLog changes;
    private final org.springframework.context.ApplicationEventPublisher events;

    CaseService(CaseRepository cases, CasePhaseRepository phases, TimelineRepository timeline,
                CaseNumberSequenceRepository sequences, Clock clock, PlatformTransactionManager transactions, ExchangeRateService rates,
                org.springframework.beans.factory.ObjectProvider<CaseStaff> staff, CaseChangeLog changes,
                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.rates = rates;
        this.staff = staff;
        this.changes = changes;
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
        peopleProblems(intake).forEach(errors::putIfAbsent);
        return errors;
    }

    /**
     * The named people of a new case: present and well formed, and users (of their role) when the users are known here.
     * The one check of the case API and the Tasklist's start form (which names the field intake_employeeUserId).
     */
    private Map<String, String> peopleProblems(CaseIntake intake) {
        Map<String, String> errors = IntakeValidator.validatePeople(intake);
        CaseStaff directory = staff.getIfAvailable();
        if (directory == null) {
            return errors;
        }
        if (intake.employeeUserId() != null && !directory.exists(intake.employeeUserId())) {
            errors.putIfAbsent("employeeUserId", "must be the login of an existing user: no user has this login, check its spelling");
        }
        if (!errors.containsKey("lineManagerUserId") && !directory.isMember(intake.lineManagerUserId(), CaseStaff.LINE_MANAGER_ROLE)) {
            errors.put("lineManagerUserId", "must be the login of a user of the " + CaseStaff.LINE_MANAGER_ROLE + " role");
        }
        if (intake.specialistUserId() != null && !errors.containsKey("specialistUserId")
                && !directory.isMember(intake.specialistUserId(), CaseStaff.SPECIALIST_ROLE)) {
            errors.put("specialistUserId", "must be the login of a user of the " + CaseStaff.SPECIALIST_ROLE
                    + " role, or left out to assign the specialist with the fewest open cases");
        }
        return errors;
    }

    /** Validates and stores an intake; throws {@link InvalidIntakeException} naming every bad field, writing nothing. */
    @Transactional
    public RelocationCase register(CaseIntake intake, String actor) {
        Map<String, String> errors = new java.util.LinkedHashMap<>(intakeProblems(intake));
        if (actor != null && actor.equals(intake.lineManagerUserId())) {
            errors.putIfAbsent("lineManagerUserId", "must be someone other than the person opening the case: who opens a case "
                    + "may not decide its approval");
        }
        if (!errors.isEmpty()) {
            throw new InvalidIntakeException(errors);
        }
        Instant now = clock.instant();
        String specialist = intake.specialistUserId() != null ? intake.specialistUserId() : leastBusySpecialist(intake.employeeUserId());
        RelocationCase c = cases.save(new RelocationCase(nextCaseNumber(now), intake.withPeople(intake.lineManagerUserId(), specialist), now));
        timeline.save(new TimelineEntry(c.getId(), now, TimelineEntry.Kind.CASE_OPENED, null, "Case opened", null, actor));
        logPerson(c.getId(), now, "line-manager", null, c.getLineManagerUserId(), "named at intake", actor, false);
        logPerson(c.getId(), now, "specialist", null, specialist,
                intake.specialistUserId() != null ? "chosen at intake" : "fewest open cases", actor, false);
        log.info("Registered case {} (id {})", c.getCaseNumber(), c.getId());
        return c;
    }

    /**
     * The user of the specialist role running the fewest cases in progress (the first login in order among equals), not
     * the employee; null when the role has nobody (the whole role then works on the case).
     */
    private String leastBusySpecialist(String employeeUserId) {
        CaseStaff directory = staff.getIfAvailable();
        if (directory == null) {
            return null;
        }
        List<String> members = directory.members(CaseStaff.SPECIALIST_ROLE).stream()
                .filter(m -> !m.equals(employeeUserId)).sorted().toList();
        if (members.isEmpty()) {
            return null;
        }
        Map<String, Long> open = new java.util.HashMap<>();
        for (Object[] row : cases.countBySpecialist(members, CaseStatus.IN_PROGRESS)) {
            open.put((String) row[0], ((Number) row[1]).longValue());
        }
        return members.stream().min(java.util.Comparator.comparing((String m) -> open.getOrDefault(m, 0L))
                .thenComparing(java.util.Comparator.naturalOrder())).orElse(null);
    }

    /**
     * Hands the case to another mobility specialist (HR administration): every bad field at once, nothing written
     * ({@link InvalidIntakeException}); logged on the timeline and in the decision log with who and when.
     *
     * @return the specialist before
     */
    @Transactional
    public String reassignSpecialist(Long caseId, String userId, String reason, String actor) {
        RelocationCase c = get(caseId);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String to = userId == null ? null : userId.trim();
        CaseStaff directory = staff.getIfAvailable();
        if (to == null || to.isEmpty()) {
            errors.put("userId", "is required: the login of a user of the " + CaseStaff.SPECIALIST_ROLE + " role");
        } else if (to.equals(c.getSpecialistUserId())) {
            errors.put("userId", "already runs the case");
        } else if (to.equals(c.getEmployeeUserId())) {
            errors.put("userId", "must be someone other than the employee");
        } else if (directory != null && !directory.isMember(to, CaseStaff.SPECIALIST_ROLE)) {
            errors.put("userId", "must be the login of a user of the " + CaseStaff.SPECIALIST_ROLE + " role");
        }
        String why = reason == null ? null : reason.trim();
        if (why == null || why.length() < 3 || why.length() > 500) {
            errors.put("reason", "is required, 3-500 characters (e.g. the specialist moved to another team)");
        }
        if (c.getStatus().isFinal()) {
            errors.put("userId", "the case is " + c.getStatus().name().toLowerCase().replace('_', ' ') + ": nothing to run any more");
        }
        if (!errors.isEmpty()) {
            throw new InvalidIntakeException(errors);
        }
        String previous = c.getSpecialistUserId();
        Instant now = clock.instant();
        c.assignSpecialist(to, now);
        logPerson(caseId, now, "specialist", previous, to, why, actor, true);
        return previous;
    }

    /**
     * One assignment of a named person, on the timeline (who, when); a reassignment also in the decision log, which
     * keeps the case's audit-relevant changes (logins only, no personal data). The choice at intake is part of the
     * case's opening, whose record is the timeline.
     */
    private void logPerson(Long caseId, Instant now, String role, String from, String to, String reason, String actor, boolean audited) {
        String label = role.equals("specialist") ? "Mobility specialist" : "Line manager";
        String summary = to == null ? label + ": nobody in the role, the whole role works on the case"
                : from != null ? label + " reassigned from " + from + " to " + to
                : audited ? label + " assigned: " + to : label + " assigned: " + to + " (" + reason + ")";
        timeline.save(new TimelineEntry(caseId, now, TimelineEntry.Kind.PERSON_ASSIGNED, role, summary, null, actor));
        if (!audited) {
            return;
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("role", role);
        details.put("from", from == null ? "" : from);
        details.put("to", to);
        details.put("reason", reason);
        changes.caseChanged(caseId, role, summary, details, actor);
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
     * A changed start or end date publishes {@link AssignmentDatesChanged}.
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
        LocalDate start = c.getStartDate();
        LocalDate end = c.getEndDate();
        List<String> changed = c.revise(r, clock.instant());
        if (changed.contains("startDate") || changed.contains("endDate")) {
            events.publishEvent(new AssignmentDatesChanged(caseId, start, end, c.getStartDate(), c.getEndDate()));
        }
        return changed;
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
     * permit will not be granted in time. The new date must lie in the future. Publishes {@link AssignmentDatesChanged}.
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
        LocalDate oldEnd = c.getEndDate();
        c.moveStartDate(newStart, clock.instant());
        events.publishEvent(new AssignmentDatesChanged(caseId, old, oldEnd, c.getStartDate(), c.getEndDate()));
        timeline.save(new TimelineEntry(caseId, clock.instant(), TimelineEntry.Kind.STEP_COMPLETED, "start-date-moved",
                "Start date moved from " + old + " to " + newStart, null, actor));
        return c;
    }

    /**
     * A salary review: the case's annual base salary from now on (personal: the timeline names no amount). Checked by
     * the caller (a compensation change).
     */
    @Transactional
    public RelocationCase reviewSalary(Long caseId, Money salary, String actor) {
        RelocationCase c = get(caseId);
        c.salaryReviewed(salary, clock.instant());
        timeline.save(new TimelineEntry(caseId, clock.instant(), TimelineEntry.Kind.STEP_COMPLETED, "salary-reviewed",
                "Base salary reviewed", null, actor));
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
