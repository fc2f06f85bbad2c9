package org.relocation.immigration;

import org.relocation.keydate.KeyDate;
import org.relocation.keydate.KeyDateKind;
import org.relocation.keydate.KeyDateService;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.SubmissionRefusedException;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Traveller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renewals of travellers' permits and visas (form renew-permit of process relocation-permit-renewal, which the
 * follow-up of one key date starts its renewal lead time ahead of the expiry). A filed renewal carries the renewed
 * permit's new expiry: it becomes the traveller's permit validity (for a permit) and the key date's due date, whose
 * reminders and next renewal are planned again by a new follow-up instance (the one the renewal ran in hands over).
 */
@Service
public class PermitRenewals {

    /** Task variable (input of the renew-permit task): the key date the renewal is for, as a string. */
    static final String KEY_DATE_ID = "keyDateId";
    static final String ACTION = "renewalAction";
    static final String NEW_EXPIRY = "pd_newPermitExpiry";
    static final String REFERENCE = "pd_applicationReference";
    static final String NOTES = "renewalNotes";
    /** The furthest a renewed permit's expiry may lie ahead. */
    static final int MAX_YEARS = 10;

    private final PermitRenewalRepository renewals;
    private final KeyDateService keyDates;
    private final CaseService cases;
    private final Clock clock;

    PermitRenewals(PermitRenewalRepository renewals, KeyDateService keyDates, CaseService cases, Clock clock) {
        this.renewals = renewals;
        this.keyDates = keyDates;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Field → problem of a renew-permit submission, in plain sentences without the dates themselves (personal data):
     * a filed renewal needs the new expiry, after the current one (the key date's due date) and within ten years; "no
     * renewal needed" needs a note saying why. Empty for a renewal task started before the key date was passed to it
     * (nothing to record against).
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(FormSubmission s) {
        Optional<KeyDate> keyDate = keyDate(s);
        if (keyDate.isEmpty()) {
            return Map.of();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String action = s.string(ACTION);
        if ("filed".equals(action)) {
            LocalDate expiry;
            try {
                expiry = s.date(NEW_EXPIRY);
            } catch (DateTimeParseException e) {
                return Map.of(NEW_EXPIRY, "must be a date (yyyy-mm-dd)");
            }
            if (expiry == null) {
                problems.put(NEW_EXPIRY, "is required when the renewal was filed: enter the expiry date of the renewed permit");
            } else if (!expiry.isAfter(keyDate.get().getDueDate())) {
                problems.put(NEW_EXPIRY, "must be after the current expiry of the permit");
            } else if (expiry.isAfter(LocalDate.now(clock).plusYears(MAX_YEARS))) {
                problems.put(NEW_EXPIRY, "must be within ten years");
            }
        } else if ("not-needed".equals(action) && s.string(NOTES) == null) {
            problems.put(NOTES, "is required when no renewal is needed: say why (for example, the assignment ends before the expiry)");
        }
        return problems;
    }

    /**
     * Records the renewal against its key date and traveller; a filed one moves the traveller's permit validity (key
     * date kind permit-expiry) and the key date to the new expiry and starts following the new date.
     * @throws SubmissionRefusedException naming the fields, while {@link #problems} has any
     */
    @Transactional
    public void record(FormSubmission s) {
        Optional<KeyDate> found = keyDate(s);
        if (found.isEmpty()) {
            return;
        }
        Map<String, String> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new SubmissionRefusedException(problems);
        }
        KeyDate kd = found.get();
        PermitRenewal.Action action = PermitRenewal.Action.of(s.string(ACTION));
        boolean filed = action == PermitRenewal.Action.FILED;
        LocalDate expiry = filed ? s.date(NEW_EXPIRY) : null;
        RelocationCase c = cases.get(s.caseId());
        Traveller traveller = c.getTravellers().stream().filter(t -> t.getId().equals(kd.getTravellerId())).findFirst().orElse(c.employee());
        renewals.save(new PermitRenewal(s.caseId(), kd.getId(), traveller.getId(), kd.getKind(), kd.getDueDate(), expiry, action,
                filed ? s.string(REFERENCE) : null, s.string(NOTES), s.actor() == null ? "unknown" : s.actor(), clock.instant()));
        if (filed) {
            if (KeyDateKind.PERMIT_EXPIRY.code().equals(kd.getKind())) {
                traveller.permitRenewed(expiry);
            }
            keyDates.renewed(kd.getId(), expiry);
        }
    }

    /** The case's permit renewals, oldest first. */
    @Transactional(readOnly = true)
    public List<PermitRenewal> ofCase(Long caseId) {
        return renewals.findByCaseIdOrderById(caseId);
    }

    /** The key date of the task's renewal, if the task knows it and it is the case's. */
    private Optional<KeyDate> keyDate(FormSubmission s) {
        Long id = s.taskNumber(KEY_DATE_ID);
        return id == null ? Optional.empty() : keyDates.find(id).filter(kd -> kd.getCaseId().equals(s.caseId()));
    }
}
