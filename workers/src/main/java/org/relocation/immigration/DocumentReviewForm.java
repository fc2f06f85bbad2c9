package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Form validate-immigration-documents: the specialist's review of the provided documents. They cannot be declared valid
 * while one is rejected or missing.
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
    public Map<String, String> problems(FormSubmission s) {
        if (!"valid".equals(s.string("documentsDecision"))) {
            return Map.of();
        }
        List<String> open = immigration.documentsNotAcceptable(s.caseId());
        return open.isEmpty() ? Map.of() : Map.of("documentsDecision",
                "documents rejected or missing: " + String.join(", ", open) + "; choose invalid to ask the employee for them again");
    }

    @Override
    public void record(FormSubmission s) {
        immigration.documentsReviewed(s.caseId(), "valid".equals(s.string("documentsDecision")), s.string("validationComment"));
    }
}
