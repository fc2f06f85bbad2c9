package org.relocation.payroll;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Form confirm-payroll-setup: finance's confirmation (a required tick) and the payroll reference, as the case's set-up
 * and the finance confirmation of the current payroll instruction; the form shows the instruction as a table
 * ({@code instructionItems}), built when it opens.
 */
@Component
class PayrollSetupForm implements TaskFormHandler {

    private final PayrollSetups setups;
    private final PayrollInstructions instructions;

    PayrollSetupForm(PayrollSetups setups, PayrollInstructions instructions) {
        this.setups = setups;
        this.instructions = instructions;
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
        instructions.financeConfirmed(s.caseId(), s.string("payrollReference"), s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        return PayrollInstructionForms.context(instructions, context.caseId(), true);
    }
}
