package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

/**
 * The forms of the counsel branch (one per traveller needing a permit): each submission is a {@link CounselNote} on
 * the traveller's counsel order. The form's own schema already requires the texts.
 */
final class CounselForms {

    private CounselForms() {
    }

    /** Form answer-counsel-request: what the specialist provided on counsel's request, which is sent to counsel. */
    @Component
    static class AnswerCounselRequestForm implements TaskFormHandler {

        private final CounselNotes notes;

        AnswerCounselRequestForm(CounselNotes notes) {
            this.notes = notes;
        }

        @Override
        public String formId() {
            return "answer-counsel-request";
        }

        @Override
        public void record(FormSubmission s) {
            notes.record(s, CounselNote.Kind.INFORMATION_PROVIDED, null, s.string("informationSummary"));
        }
    }

    /** Form follow-up-counsel: counsel is late; who was contacted and what they said. */
    @Component
    static class FollowUpCounselForm implements TaskFormHandler {

        private final CounselNotes notes;

        FollowUpCounselForm(CounselNotes notes) {
            this.notes = notes;
        }

        @Override
        public String formId() {
            return "follow-up-counsel";
        }

        @Override
        public void record(FormSubmission s) {
            notes.record(s, CounselNote.Kind.FOLLOW_UP, null, s.string("followUpNotes"));
        }
    }

    /** Form handle-permit-refusal: the next step after a refused permit and why. */
    @Component
    static class HandlePermitRefusalForm implements TaskFormHandler {

        private final CounselNotes notes;

        HandlePermitRefusalForm(CounselNotes notes) {
            this.notes = notes;
        }

        @Override
        public String formId() {
            return "handle-permit-refusal";
        }

        @Override
        public void record(FormSubmission s) {
            notes.record(s, CounselNote.Kind.REFUSAL_HANDLING, CounselNote.RefusalAction.of(s.string("refusalAction")), s.string("refusalNotes"));
        }
    }
}
