package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Form renew-permit: the renewal filed, with the renewed permit's new expiry (the traveller's permit validity and the
 * key date move to it) and the application reference, or not needed, with the reason ({@link PermitRenewals}).
 */
@Component
class PermitRenewalForm implements TaskFormHandler {

    private final PermitRenewals renewals;

    PermitRenewalForm(PermitRenewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public String formId() {
        return "renew-permit";
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return renewals.problems(s);
    }

    @Override
    public void record(FormSubmission s) {
        renewals.record(s);
    }
}
