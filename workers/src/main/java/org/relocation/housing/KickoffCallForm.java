package org.relocation.housing;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** Form record-kickoff-call: the call held with the employee, on the case; it cannot be dated in the future. */
@Component
class KickoffCallForm implements TaskFormHandler {

    private final KickoffCalls calls;

    KickoffCallForm(KickoffCalls calls) {
        this.calls = calls;
    }

    @Override
    public String formId() {
        return "record-kickoff-call";
    }

    @Override
    public Set<String> fields() {
        return Set.of("kickoffDate", "kickoffAttendees", "kickoffNotes");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return calls.problems(heldOn(s));
    }

    @Override
    public void record(FormSubmission s) {
        calls.record(s.caseId(), heldOn(s), s.string("kickoffAttendees"), s.string("kickoffNotes"), s.actor());
    }

    private static LocalDate heldOn(FormSubmission s) {
        try {
            return s.date("kickoffDate");
        } catch (DateTimeParseException e) {
            return null; // the form's schema names the field
        }
    }
}
