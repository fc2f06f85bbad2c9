package org.relocation.approval;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.relocationcase.TaskSubmissions;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Form review-intake: the specialist verified the case details and the cost estimate before the approvals; the review
 * (with the estimate version checked and the notes for the approvers) is kept on the case. Or they send the intake
 * back with a comment: the process goes to revise-intake, whose form shows the comment. Not an approval: the
 * specialist who opened the case reviews it.
 */
@Component
class IntakeReviewForm implements TaskFormHandler {

    static final String FORM = "review-intake";
    static final String DECISION = "reviewDecision";
    static final String COMMENT = "reviewComment";
    private static final String SEND_BACK = "send-back";

    private final IntakeReviews reviews;

    IntakeReviewForm(IntakeReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String formId() {
        return FORM;
    }

    @Override
    public Set<String> fields() {
        return Set.of("reviewNotes", DECISION, COMMENT);
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        if (SEND_BACK.equals(s.string(DECISION)) && s.string(COMMENT) == null) {
            return Map.of(COMMENT, "is required to send the intake back: say what must change");
        }
        return Map.of();
    }

    /** Accepted: the review is kept on the case. Sent back: the submission (with the comment) is the record; revise-intake shows it. */
    @Override
    public void record(FormSubmission s) {
        if (!SEND_BACK.equals(s.string(DECISION))) {
            reviews.verified(s.caseId(), s.string("reviewNotes"), s.actor());
        }
    }

    static boolean sentBack(TaskSubmissions.Submitted s) {
        return SEND_BACK.equals(s.fields().get(DECISION)) && s.fields().get(COMMENT) != null;
    }
}
