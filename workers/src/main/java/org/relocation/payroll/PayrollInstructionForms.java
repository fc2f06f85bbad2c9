package org.relocation.payroll;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payroll instruction as the forms of the payroll phase show it, built from the case records each time a form
 * opens (never stored in the task): {@code instruction} (reference, version, approach, delivery, the provider's note) and
 * {@code instructionItems} (one row per item, amounts as plain text) and {@code providerAnswers} (one row per payroll's
 * provider: its order, its answer and note).
 */
final class PayrollInstructionForms {

    static final String INSTRUCTION = "instruction";
    static final String ITEMS = "instructionItems";
    static final String ANSWERS = "providerAnswers";

    private PayrollInstructionForms() {
    }

    static Map<String, Object> context(PayrollInstructions instructions, Long caseId, boolean withItems) {
        List<PayrollInstruction> all = instructions.ofCase(caseId);
        Optional<PayrollInstruction> latest = all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        Map<String, Object> head = new LinkedHashMap<>();
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        List<Map<String, String>> answers = new java.util.ArrayList<>();
        latest.ifPresent(pi -> {
            head.put("reference", pi.getReference());
            head.put("version", pi.getInstructionVersion());
            head.put("effectiveFrom", pi.getEffectiveFrom().toString());
            head.put("compensationApproach", pi.getCompensationApproach().name());
            head.put("taxApproach", pi.getTaxApproach());
            head.put("payrollDelivery", pi.getPayrollDelivery().name());
            head.put("hostSharePercent", pi.getHostSharePercent());
            head.put("shadowPayroll", pi.isShadowPayroll() ? "yes" : "no");
            head.put("status", pi.getStatus().name());
            head.put("note", pi.getNote() == null ? "" : "Note: " + pi.getNote() + ".");
            head.put("providerNote", pi.getProviderNote() == null ? "(no note)" : pi.getProviderNote());
            for (PayrollProviderOrder o : instructions.providerOrders(pi.getId())) {
                Map<String, String> answer = new LinkedHashMap<>();
                answer.put("payroll", o.getPayroll().name());
                answer.put("country", o.getCountry());
                answer.put("order", o.getOrderReference());
                answer.put("answer", switch (o.getStatus()) {
                    case SENT -> "awaited";
                    case CONFIRMED -> "confirmed";
                    case REFUSED -> "refused";
                });
                answer.put("answeredAt", o.getAnsweredAt() == null ? "" : o.getAnsweredAt().toString());
                answer.put("note", o.getNote() == null ? "" : o.getNote());
                answers.add(answer);
            }
            if (withItems) {
                for (PayrollInstructionItem i : pi.getItems()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("payroll", i.getPayroll().name());
                    row.put("component", i.getComponent().name());
                    row.put("amount", i.getAmount().toPlainString());
                    row.put("currency", i.getCurrency());
                    row.put("frequency", i.getFrequency().name());
                    row.put("start", i.getStart().toString());
                    row.put("end", i.getEnd() == null ? "open" : i.getEnd().toString());
                    rows.add(row);
                }
            }
        });
        return withItems ? Map.of(INSTRUCTION, head, ITEMS, rows, ANSWERS, answers) : Map.of(INSTRUCTION, head, ANSWERS, answers);
    }

    /** Form follow-up-payroll-provider: the provider is late; the specialist records the follow-up (kept with the submission). */
    @Component
    static class FollowUpPayrollProviderForm implements TaskFormHandler {

        private final PayrollInstructions instructions;

        FollowUpPayrollProviderForm(PayrollInstructions instructions) {
            this.instructions = instructions;
        }

        @Override
        public String formId() {
            return "follow-up-payroll-provider";
        }

        @Override
        public Map<String, Object> context(FormContext context) {
            return PayrollInstructionForms.context(instructions, context.caseId(), false);
        }
    }

    /** Form correct-payroll-instruction: the provider rejected the instruction; shows its note. */
    @Component
    static class CorrectPayrollInstructionForm implements TaskFormHandler {

        private final PayrollInstructions instructions;

        CorrectPayrollInstructionForm(PayrollInstructions instructions) {
            this.instructions = instructions;
        }

        @Override
        public String formId() {
            return "correct-payroll-instruction";
        }

        @Override
        public Map<String, Object> context(FormContext context) {
            return PayrollInstructionForms.context(instructions, context.caseId(), false);
        }
    }
}
