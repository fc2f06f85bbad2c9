package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Form provide-immigration-documents: the employee confirms the documents provided (each needs a file on record) and
 * their passport data reaches the traveller record, never a variable.
 */
@Component
class DocumentsProvidedForm implements TaskFormHandler {

    private final ImmigrationService immigration;

    DocumentsProvidedForm(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String formId() {
        return "provide-immigration-documents";
    }

    @Override
    public Set<String> fields() {
        return Set.of("pd_passportNumber", "pd_passportExpiry");
    }

    /** Every requested document needs a file on record (an upload or a registered paper original) first. */
    @Override
    public Map<String, String> problems(FormSubmission s) {
        return immigration.documentsProvidedProblems(s.caseId());
    }

    @Override
    public void record(FormSubmission s) {
        immigration.documentsProvided(s.caseId(), s.string("pd_passportNumber"), s.date("pd_passportExpiry"));
    }
}
