package org.relocation.payroll;

import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Form confirm-payroll-setup: finance's confirmation (a required tick) and the payroll reference, as the case's set-up. */
@Component
class PayrollSetupForm implements TaskFormHandler {

    private final PayrollSetups setups;

    PayrollSetupForm(PayrollSetups setups) {
        this.setups = setups;
    }

    @Override
    public String formId() {
        return "confirm-payroll-setup";
    }

    @Override
    public Set<String> fields() {
        return Set.of("payrollReference");
    }

    @Override
    public void record(FormSubmission s) {
        setups.confirmed(s.caseId(), s.string("payrollReference"), s.actor());
    }
}
