package org.relocation.housing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The kick-off call of a case's housing and move phase. */
@Service
public class KickoffCalls {

    private final KickoffCallRepository calls;
    private final Clock clock;

    KickoffCalls(KickoffCallRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * A call is recorded once it was held: its date is not after today (a day's grace for people east of UTC, whose
     * today may be the clock's tomorrow).
     */
    public Map<String, String> problems(LocalDate heldOn) {
        if (heldOn != null && heldOn.isAfter(LocalDate.now(clock).plusDays(1))) {
            return Map.of("kickoffDate", "must not be in the future: record the kick-off call once it has taken place");
        }
        return Map.of();
    }

    @Transactional
    public KickoffCall record(Long caseId, LocalDate heldOn, String attendees, String notes, String actor) {
        KickoffCall call = calls.findByCaseId(caseId).orElseGet(() -> new KickoffCall(caseId));
        call.record(heldOn, clip(attendees, 500), clip(notes, 4000), actor == null ? "unknown" : actor, clock.instant());
        return calls.save(call);
    }

    @Transactional(readOnly = true)
    public Optional<KickoffCall> ofCase(Long caseId) {
        return calls.findByCaseId(caseId);
    }

    private static String clip(String s, int max) {
        return s == null || s.isBlank() ? null : s.substring(0, Math.min(s.length(), max));
    }
}
