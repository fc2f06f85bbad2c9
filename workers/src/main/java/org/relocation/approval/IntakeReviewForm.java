package org.relocation.approval;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Form review-intake: the specialist verified the case details and the cost estimate before the approvals; the review
 * (with the estimate version checked and the notes for the approvers) is kept on the case. Not an approval: the
 * specialist who opened the case reviews it.
 */
@Component
class IntakeReviewForm implements TaskFormHandler {

    private final IntakeReviews reviews;

    IntakeReviewForm(IntakeReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String formId() {
        return "review-intake";
    }

    @Override
    public Set<String> fields() {
        return Set.of("reviewNotes");
    }

    @Override
    public void record(FormSubmission s) {
        reviews.verified(s.caseId(), s.string("reviewNotes"), s.actor());
    }
}
