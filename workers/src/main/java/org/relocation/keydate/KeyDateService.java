package org.relocation.keydate;

import org.relocation.notification.NotificationProperties;
import org.relocation.relocationcase.CaseNotFoundException;
import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStatus;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key-date register of every case and traveller, and its follow-up: registering a date (idempotent upsert
 * per case, traveller and kind) starts, or when the date moved re-starts, an engine instance of process
 * {@code relocation-key-date} (through {@link KeyDateFollowUp}); that instance asks {@link #plan} when to remind
 * and renew, and {@link #sendReminder} to send. Reminders are engine timers, so they survive restarts and fail
 * over in a cluster; the reminders sent are recorded once per key date, due date, offset and recipient role.
 */
@Service
public class KeyDateService {

    private static final Logger log = LoggerFactory.getLogger(KeyDateService.class);

    /** Cases whose key dates are followed: a completed move still has an assignment running. */
    public static final Set<CaseStatus> FOLLOWED = EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.COMPLETED);

    private static final Map<String, String> WHAT_TO_DO = Map.ofEntries(
            Map.entry("lease-end", "The lease of the family's home ends: renew it or give notice in time, as the lease requires."),
            Map.entry("permit-expiry", "Make sure the permit renewal is filed in time; a renewal task opens for the mobility specialists ahead of the expiry."),
            Map.entry("visa-expiry", "Make sure the visa is renewed or the traveller's status changes in time; a renewal task opens for the mobility specialists."),
            Map.entry("passport-expiry", "The passport needs renewing; permits tied to it may need updating afterwards."),
            Map.entry("biometrics-appointment", "Confirm the traveller will attend the biometrics appointment with the required documents."),
            Map.entry("entry-deadline", "The traveller must enter the host country by this date for the permit or visa to stay valid."),
            Map.entry("assignment-end", "Plan the end of the assignment: extension, repatriation or local transfer."),
            Map.entry("social-security-certificate-end", "Request an extension of the social-security certificate (e.g. EU A1) or arrange host-country cover."),
            Map.entry("right-to-work-recheck", "Recheck and record the right to work before the current permission runs out."),
            Map.entry("tax-return-due", "Make sure the tax provider has what it needs to file this tax return by its filing deadline."),
            Map.entry("presence-threshold", "At the current pace of travel the traveller reaches this number of presence days in the country "
                    + "on this date: review the travel plan, or set up host payroll and the host tax return in time."));

    /** When the follow-up should next act; {@code active} false: the key date or its case is gone. */
    public record Plan(boolean active, ReminderPolicy.Reminder nextReminder, Instant nextReminderAt, Instant renewalAt, Instant dueAt) {
        static Plan inactive() {
            return new Plan(false, null, null, null, null);
        }
    }

    /** A key date as the API receives it. */
    public record Registration(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note) {
    }

    private final KeyDateRepository keyDates;
    private final KeyDateReminderRepository reminders;
    private final KeyDateQueryRepository queries;
    private final CaseService cases;
    private final ReminderPolicy policy;
    private final ObjectProvider<KeyDateFollowUp> followUp;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties notifications;
    private final Clock clock;

    KeyDateService(KeyDateRepository keyDates, KeyDateReminderRepository reminders, KeyDateQueryRepository queries,
                   CaseService cases, ReminderPolicy policy, ObjectProvider<KeyDateFollowUp> followUp,
                   ObjectProvider<JavaMailSender> mail, NotificationProperties notifications, Clock clock) {
        this.keyDates = keyDates;
        this.reminders = reminders;
        this.queries = queries;
        this.cases = cases;
        this.policy = policy;
        this.followUp = followUp;
        this.mail = mail;
        this.notifications = notifications;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ registering

    /**
     * Upserts a traveller's key date (travellerId null: the employee) from a trusted caller (forms, vendor callbacks,
     * workers) and plans its follow-up. A date already past is recorded but not followed. A kind without a rule gets
     * the fallback rule (the API accepts only {@link KeyDateKind}s).
     */
    @Transactional
    public KeyDate register(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note) {
        if (kind == null || !kind.matches("^[a-z0-9]+(-[a-z0-9]+)*$") || kind.length() > 40) {
            throw new IllegalArgumentException("A key date kind is kebab-case and at most 40 characters, was '" + kind + "'");
        }
        if (KeyDateKind.fromStored(kind).isEmpty()) {
            log.warn("Key date kind '{}' has no reminder rule: the fallback rule applies (known kinds: {})", kind, KeyDateKind.codes());
        }
        if (dueDate == null) {
            throw new IllegalArgumentException("A key date needs a due date");
        }
        RelocationCase c = cases.get(caseId);
        Traveller t = traveller(c, travellerId)
                .orElseThrow(() -> new IllegalArgumentException("Case " + caseId + " has no traveller " + travellerId));
        return upsert(c, t.getId(), kind, dueDate, note);
    }

    /** Registers a key date from the API: every bad field is reported at once and nothing is written. */
    @Transactional
    public KeyDate register(Registration r) {
        Map<String, String> errors = new LinkedHashMap<>();
        RelocationCase c = null;
        if (r.caseId() == null) {
            errors.put("caseId", "is required");
        } else {
            try {
                c = cases.get(r.caseId());
                if (!FOLLOWED.contains(c.getStatus())) {
                    errors.put("caseId", "is a case that has ended (" + c.getStatus() + "): its key dates are no longer followed");
                }
            } catch (CaseNotFoundException e) {
                errors.put("caseId", "is not a known case");
            }
        }
        ReminderPolicy.Rule rule = null;
        if (r.kind() == null || r.kind().isBlank()) {
            errors.put("kind", "is required");
        } else if (KeyDateKind.fromCode(r.kind()).isEmpty()) {
            errors.put("kind", "must be one of " + KeyDateKind.codes());
        } else {
            rule = policy.rule(r.kind());
        }
        if (r.dueDate() == null) {
            errors.put("dueDate", "is required (YYYY-MM-DD)");
        } else if (c != null && rule != null && !rule.pastAllowed() && r.dueDate().isBefore(today(c.getHostCountry()))) {
            errors.put("dueDate", "must not be in the past for " + r.kind());
        } else if (r.dueDate().isAfter(LocalDate.now(clock).plusDays(BusinessCalendar.MAX_DAYS))) {
            errors.put("dueDate", "must be within ten years");
        }
        if (c != null && r.travellerId() != null && traveller(c, r.travellerId()).isEmpty()) {
            errors.put("travellerId", "is not a traveller of case " + c.getId());
        }
        if (r.note() != null && (r.note().length() > KeyDate.NOTE_MAX || r.note().chars().anyMatch(ch -> ch < 0x20))) {
            errors.put("note", "must be at most " + KeyDate.NOTE_MAX + " characters on one line");
        }
        if (!errors.isEmpty()) {
            throw new InvalidKeyDateException(errors);
        }
        Traveller t = traveller(c, r.travellerId()).orElseThrow();
        return upsert(c, t.getId(), r.kind(), r.dueDate(), r.note());
    }

    /**
     * At arrival: the assignment end, and, unless the right-to-work check recorded when the next one is due, the
     * employee's right-to-work recheck 30 days before the permit expires.
     */
    @Transactional
    public void registerCaseKeyDates(Long caseId) {
        RelocationCase c = cases.get(caseId);
        Long employee = c.employee().getId();
        if (c.getEndDate() != null) {
            upsert(c, employee, KeyDateKind.ASSIGNMENT_END.code(), c.getEndDate(), "Planned end of the assignment");
        }
        if (keyDates.findByCaseIdAndTravellerIdAndKind(caseId, employee, KeyDateKind.RIGHT_TO_WORK_RECHECK.code()).isPresent()) {
            return; // the check's own next date stands
        }
        keyDates.findByCaseIdAndTravellerIdAndKind(caseId, employee, KeyDateKind.PERMIT_EXPIRY.code()).ifPresent(permit ->
                upsert(c, employee, KeyDateKind.RIGHT_TO_WORK_RECHECK.code(), permit.getDueDate().minusDays(30),
                        "Recheck the right to work before the permit expires"));
    }

    private KeyDate upsert(RelocationCase c, Long travellerId, String kind, LocalDate dueDate, String note) {
        Instant now = clock.instant();
        KeyDate kd = keyDates.findByCaseIdAndTravellerIdAndKind(c.getId(), travellerId, kind)
                .map(existing -> {
                    existing.reschedule(dueDate, note, now);
                    return existing;
                })
                .orElseGet(() -> keyDates.save(new KeyDate(c.getId(), travellerId, kind, dueDate, note, now)));
        follow(kd, c);
        return kd;
    }

    /**
     * A renewal moved the key date (form renew-permit: the renewed permit's new expiry), while the follow-up instance
     * of the old date is completing that renewal: the date is moved and a new follow-up instance is started for it,
     * but the running one is not stopped. Deleting it here would delete the process the renewal task runs in; it ends
     * itself instead once the renewal returns (process relocation-key-date, end event follow-up-handed-over).
     * @throws IllegalArgumentException if there is no such key date
     */
    @Transactional
    public KeyDate renewed(Long keyDateId, LocalDate dueDate) {
        KeyDate kd = keyDates.findById(keyDateId).orElseThrow(() -> new IllegalArgumentException("No key date " + keyDateId));
        RelocationCase c = cases.get(kd.getCaseId());
        kd.reschedule(dueDate, kd.getNote(), clock.instant());
        follow(kd, c, false);
        return kd;
    }

    /**
     * Withdraws a key date that no longer holds (a presence threshold no longer reached within its tax year): its
     * follow-up stops and it is deleted with its reminder records. Nothing happens when there is none.
     * @return whether one was withdrawn
     */
    @Transactional
    public boolean withdraw(Long caseId, Long travellerId, String kind) {
        Optional<KeyDate> found = keyDates.findByCaseIdAndTravellerIdAndKind(caseId, travellerId, kind);
        if (found.isEmpty()) {
            return false;
        }
        KeyDate kd = found.get();
        KeyDateFollowUp engine = followUp.getIfAvailable();
        if (engine != null && kd.getProcessInstanceId() != null) {
            engine.stop(kd.getProcessInstanceId(), "Key date withdrawn");
        }
        reminders.deleteAll(reminders.findByKeyDateIdOrderById(kd.getId()));
        keyDates.delete(kd);
        log.info("Key date {} ({}) of case {} withdrawn", kd.getId(), kind, caseId);
        return true;
    }

    /** Key dates of the case not (or no longer) followed at their current date get their follow-up now. */
    @Transactional
    public void followPending(Long caseId) {
        List<KeyDate> pending = keyDates.findByCaseIdOrderById(caseId).stream().filter(KeyDate::needsPlanning).toList();
        if (!pending.isEmpty()) {
            RelocationCase c = cases.get(caseId);
            pending.forEach(kd -> follow(kd, c));
        }
    }

    /** The case ended early (cancelled, rejected, ineligible): its key dates are no longer followed. */
    @Transactional
    public void caseEnded(Long caseId) {
        RelocationCase c = cases.get(caseId);
        KeyDateFollowUp engine = followUp.getIfAvailable();
        if (FOLLOWED.contains(c.getStatus()) || engine == null) {
            return;
        }
        for (KeyDate kd : keyDates.findByCaseIdOrderById(caseId)) {
            if (kd.getProcessInstanceId() != null) {
                engine.stop(kd.getProcessInstanceId(), "Case ended");
            }
            kd.planned(null);
        }
    }

    private void follow(KeyDate kd, RelocationCase c) {
        follow(kd, c, true);
    }

    /** @param stopRunning whether to stop the instance following the old date (false: it ends itself) */
    private void follow(KeyDate kd, RelocationCase c, boolean stopRunning) {
        if (!kd.needsPlanning()) {
            return;
        }
        KeyDateFollowUp engine = followUp.getIfAvailable();
        if (engine == null) {
            log.debug("Key date {} of case {} waits for the server to plan it", kd.getId(), c.getCaseNumber());
            return;
        }
        if (stopRunning && kd.getProcessInstanceId() != null) {
            engine.stop(kd.getProcessInstanceId(), "Key date rescheduled");
        }
        boolean followed = FOLLOWED.contains(c.getStatus()) && !kd.getDueDate().isBefore(today(c.getHostCountry()));
        kd.planned(followed ? engine.start(c.getCaseNumber(), c.getId(), kd.getId()) : null);
        log.info("Key date {} ({}) of case {} {}", kd.getId(), kd.getKind(), c.getCaseNumber(), followed ? "followed" : "recorded, not followed");
    }

    // ------------------------------------------------------------------------------------------------ the follow-up

    /**
     * What the follow-up does next, as seen at {@code now} (the engine's clock): the next reminder not yet sent (of
     * those already due, only the latest: a date registered late does not fire a burst of stale reminders), the
     * renewal start and the date's own instant. Instants already past are moved to {@code now}.
     */
    @Transactional(readOnly = true)
    public Plan plan(Long keyDateId, Instant now) {
        Optional<KeyDate> found = keyDates.findById(keyDateId);
        if (found.isEmpty()) {
            return Plan.inactive();
        }
        KeyDate kd = found.get();
        RelocationCase c = cases.get(kd.getCaseId());
        if (!FOLLOWED.contains(c.getStatus())) {
            return Plan.inactive();
        }
        ReminderPolicy.Schedule s = policy.schedule(kd.getKind(), kd.getDueDate(), c.getHostCountry());
        Set<Integer> done = reminders.findByKeyDateIdAndDueDate(kd.getId(), kd.getDueDate()).stream()
                .map(KeyDateReminder::getOffsetDays).collect(Collectors.toSet());
        Instant lastDone = s.reminders().stream().filter(r -> done.contains(r.offsetDays()))
                .map(ReminderPolicy.Reminder::at).max(Comparator.naturalOrder()).orElse(null);
        List<ReminderPolicy.Reminder> open = s.reminders().stream()
                .filter(r -> !done.contains(r.offsetDays()))
                .filter(r -> lastDone == null || r.at().isAfter(lastDone))
                .filter(r -> !r.at().isAfter(s.dueAt()))
                .toList();
        boolean before = now.isBefore(s.dueAt());
        ReminderPolicy.Reminder next = null;
        if (before) {
            next = open.stream().filter(r -> !r.at().isAfter(now)).reduce((a, b) -> b)
                    .orElse(open.stream().filter(r -> r.at().isAfter(now)).findFirst().orElse(null));
        }
        Instant renewalAt = before && s.renewalAt() != null ? latest(s.renewalAt(), now) : null;
        return new Plan(true, next, next == null ? null : latest(next.at(), now), renewalAt, s.dueAt());
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Sends the reminder of that offset to the kind's recipients, over SMTP when a mail server is configured
     * (spring.mail.host), else records it; each role once. Subjects carry the case number and kind, nothing personal.
     * A mail failure is technical: the worker fails and the engine retries (roles already reminded are skipped).
     */
    @Transactional
    public void sendReminder(Long keyDateId, int offsetDays) {
        Optional<KeyDate> found = keyDates.findById(keyDateId);
        if (found.isEmpty()) {
            return;
        }
        KeyDate kd = found.get();
        RelocationCase c = cases.get(kd.getCaseId());
        if (!FOLLOWED.contains(c.getStatus())) {
            return;
        }
        ReminderPolicy.Rule rule = policy.rule(kd.getKind());
        String relationship = traveller(c, kd.getTravellerId()).map(t -> t.getRelationship().name().toLowerCase()).orElse("employee");
        long daysLeft = ChronoUnit.DAYS.between(today(c.getHostCountry()), kd.getDueDate());
        String subject = "Key date reminder: " + kd.getKind() + " on case " + c.getCaseNumber();
        String body = """
                Key date reminder for relocation case %s

                What: %s (of the %s)
                Due: %s (%s; host country %s)

                %s

                Open the case in the relocation engine for its details. This reminder was sent %d %sdays ahead.
                """.formatted(c.getCaseNumber(), kd.getKind(), relationship, kd.getDueDate(),
                daysLeft >= 0 ? "in " + daysLeft + " days" : (-daysLeft) + " days ago", c.getHostCountry(),
                KeyDateKind.fromStored(kd.getKind()).map(k -> WHAT_TO_DO.getOrDefault(k.code(), "")).orElse(""), offsetDays, rule.businessDays() ? "business " : "");
        for (ReminderRecipient role : rule.recipients()) {
            String address = role == ReminderRecipient.EMPLOYEE ? c.getEmployeeEmail() : policy.mailbox(role);
            if (address == null || address.isBlank()
                    || reminders.existsByKeyDateIdAndDueDateAndOffsetDaysAndRecipientRole(kd.getId(), kd.getDueDate(), offsetDays, role.name())) {
                continue;
            }
            String status = "RECORDED";
            JavaMailSender sender = mail.getIfAvailable();
            if (sender != null) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(notifications.getFrom());
                message.setTo(address);
                message.setSubject(subject);
                message.setText(body);
                sender.send(message);
                status = "SENT";
            }
            reminders.save(new KeyDateReminder(kd.getId(), c.getId(), kd.getDueDate(), offsetDays, role, address, subject, status, clock.instant()));
        }
        log.info("Key date {} ({}) of case {}: {}-day reminder done", kd.getId(), kd.getKind(), c.getCaseNumber(), offsetDays);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Key dates due in [from, to] on the cases still followed that the scope lets its reader see, soonest first;
     * optionally only a host country, a kind, or the cases a user has worked on (opened, or completed a task of).
     * Without {@code personal}, the kinds that are personal data ({@link KeyDateKind#PERSONAL}) are left out.
     */
    @Transactional(readOnly = true)
    public Page<UpcomingKeyDate> upcoming(LocalDate from, LocalDate to, String country, String kind, CaseScope scope, boolean personal,
                                          String actor, int page, int size) {
        return queries.search(from, to, FOLLOWED, country, kind, personal ? NO_KINDS : KeyDateKind.PERSONAL, actor, scope.all(),
                scope.employeeUserId(), scope.actor(), scope.caseNumbersParameter(), scope.costCentresParameter(), PageRequest.of(page, size));
    }

    /** Never a kind (kinds are kebab-case codes): an empty "not in" list, which not every database takes. */
    private static final List<String> NO_KINDS = List.of("");

    @Transactional(readOnly = true)
    public Optional<KeyDate> find(Long keyDateId) {
        return keyDates.findById(keyDateId);
    }

    @Transactional(readOnly = true)
    public List<KeyDateReminder> reminders(Long keyDateId) {
        return reminders.findByKeyDateIdOrderById(keyDateId);
    }

    /** Today in the host country's zone. */
    public LocalDate today(String country) {
        return LocalDate.now(clock.withZone(policy.zone(country)));
    }

    private static Optional<Traveller> traveller(RelocationCase c, Long travellerId) {
        if (travellerId == null) {
            return Optional.of(c.employee());
        }
        return c.getTravellers().stream().filter(t -> t.getId().equals(travellerId)).findFirst();
    }
}
