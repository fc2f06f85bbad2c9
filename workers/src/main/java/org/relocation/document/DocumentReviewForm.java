package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Form validate-immigration-documents: the specialist's review of the provided documents. They cannot be declared valid
 * while one is rejected or has no file.
 */
@Component
class DocumentReviewForm implements TaskFormHandler {

    private final ImmigrationService immigration;

    DocumentReviewForm(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String formId() {
        return "validate-immigration-documents";
    }

    @Override
    public Set<String> fields() {
        return Set.of("documentsDecision", "validationComment");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return "valid".equals(s.string("documentsDecision")) ? immigration.documentsValidProblems(s.caseId()) : Map.of();
    }

    @Override
    public void record(FormSubmission s) {
        immigration.documentsReviewed(s.caseId(), "valid".equals(s.string("documentsDecision")), s.string("validationComment"));
    }
}
