package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Form arrange-posted-worker-formalities: the A1 certificate and the posting declaration, on the employee's record. */
@Component
class PostedWorkerForm implements TaskFormHandler {

    private final ImmigrationService immigration;

    PostedWorkerForm(ImmigrationService immigration) {
        this.immigration = immigration;
    }

    @Override
    public String formId() {
        return "arrange-posted-worker-formalities";
    }

    @Override
    public Set<String> fields() {
        return Set.of("pd_a1Reference", "a1ValidUntil", "postingDeclarationReference");
    }

    @Override
    public void record(FormSubmission s) {
        immigration.postingArranged(s.caseId(), s.string("pd_a1Reference"), s.date("a1ValidUntil"), s.string("postingDeclarationReference"),
                s.actor());
    }
}
