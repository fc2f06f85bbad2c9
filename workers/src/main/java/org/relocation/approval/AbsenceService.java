package org.relocation.approval;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of approvers' absences: while an approver is away, approval tasks assigned to them go to their
 * delegate (a colleague of the same role). Who belongs to which role is the caller's to check (the identity lives
 * in the engine); this service checks the dates and that the delegate is not away at the same time.
 */
@Service
public class AbsenceService {

    static final int MAX_DAYS = 366;

    private final ApproverAbsenceRepository absences;
    private final Clock clock;

    AbsenceService(ApproverAbsenceRepository absences, Clock clock) {
        this.absences = absences;
        this.clock = clock;
    }

    /** What a registration names; validated field by field. */
    public record Registration(String userId, LocalDate firstDay, LocalDate lastDay, String delegateId, String note) {
    }

    /** Every bad field of a registration (dates, the same person as delegate, a delegate away meanwhile). */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Registration r) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (r.firstDay() == null) {
            errors.put("firstDay", "is required (yyyy-mm-dd)");
        }
        if (r.lastDay() == null) {
            errors.put("lastDay", "is required (yyyy-mm-dd)");
        } else if (r.lastDay().isBefore(today)) {
            errors.put("lastDay", "must not be in the past");
        } else if (r.firstDay() != null && r.lastDay().isBefore(r.firstDay())) {
            errors.put("lastDay", "must not be before firstDay");
        } else if (r.firstDay() != null && ChronoUnit.DAYS.between(r.firstDay(), r.lastDay()) >= MAX_DAYS) {
            errors.put("lastDay", "an absence lasts at most " + MAX_DAYS + " days");
        }
        if (r.delegateId() != null && r.delegateId().equals(r.userId())) {
            errors.put("delegateId", "must be someone else");
        } else if (r.delegateId() != null && r.firstDay() != null && r.lastDay() != null && !errors.containsKey("lastDay")
                && !absences.overlapping(r.delegateId(), r.firstDay(), r.lastDay()).isEmpty()) {
            errors.put("delegateId", "is away during that time too");
        }
        if (r.note() != null && r.note().length() > 500) {
            errors.put("note", "must be at most 500 characters");
        }
        return errors;
    }

    /** Registers an absence that {@link #problems} found nothing wrong with. */
    @Transactional
    public ApproverAbsence register(Registration r, String createdBy) {
        Map<String, String> errors = problems(r);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid absence: " + errors);
        }
        return absences.save(new ApproverAbsence(r.userId(), r.firstDay(), r.lastDay(), r.delegateId(),
                r.note() == null || r.note().isBlank() ? null : r.note().trim(), createdBy, clock.instant()));
    }

    /**
     * Who takes an approver's tasks today: the delegate of their absence, or that delegate's delegate when they are
     * away too (at most a few steps, never in a circle); empty when the approver is here.
     */
    @Transactional(readOnly = true)
    public Optional<String> delegateToday(String userId) {
        LocalDate today = LocalDate.now(clock);
        String current = userId;
        for (int step = 0; step < 5; step++) {
            List<ApproverAbsence> away = absences.covering(current, today);
            if (away.isEmpty()) {
                return current.equals(userId) ? Optional.empty() : Optional.of(current);
            }
            current = away.get(0).getDelegateId();
            if (current.equals(userId)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<ApproverAbsence> currentAndFuture() {
        return absences.currentAndFuture(LocalDate.now(clock));
    }
}
