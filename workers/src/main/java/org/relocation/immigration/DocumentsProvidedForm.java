package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

/** Form provide-immigration-documents: the employee's passport data reaches the traveller record, never a variable. */
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
    public void record(FormSubmission s) {
        immigration.documentsProvided(s.caseId(), s.string("pd_passportNumber"), s.date("pd_passportExpiry"));
    }
}
