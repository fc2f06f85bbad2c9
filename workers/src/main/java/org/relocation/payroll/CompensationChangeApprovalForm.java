package org.relocation.payroll;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.DecisionForm;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Form approve-compensation-change (process {@value CompensationChangeProcess#PROCESS_KEY}): finance approves or rejects
 * the compensation change the task names ({@value CompensationChangeProcess#CHANGE_VERSION}, a task input). The version
 * in force and the change are shown side by side as a table built from the instructions when the form opens (context
 * {@value #CONTEXT} and {@value #ITEMS}), never stored with the task. Whoever asked for the change may not decide it; a
 * rejection needs its reason.
 */
@Component
class CompensationChangeApprovalForm extends DecisionForm {

    static final String FORM_ID = "approve-compensation-change";
    static final String CONTEXT = "change";
    static final String ITEMS = "changeItems";
    static final String DECISION = "changeDecision";
    static final String COMMENT = "changeComment";

    private final PayrollInstructions instructions;

    CompensationChangeApprovalForm(PayrollInstructions instructions) {
        super(FORM_ID, DECISION, COMMENT, CompensationChangeProcess.CHANGE_VERSION, "compensation change",
                CompensationChangeRefusedException.class);
        this.instructions = instructions;
    }

    @Override
    public boolean approval() {
        return true;
    }

    @Override
    protected String problem(FormSubmission s, long version, boolean approve, String comment) {
        return instructions.changeDecisionProblem(s.caseId(), (int) version, approve, comment, s.actor());
    }

    @Override
    protected void decide(FormSubmission s, long version, boolean approve, String comment) {
        instructions.decideChange(s.caseId(), (int) version, approve, comment, s.actor());
    }

    @Override
    public Map<String, Object> context(FormContext context) {
        Long version = context.taskNumber(CompensationChangeProcess.CHANGE_VERSION);
        Optional<PayrollInstruction> change = version == null ? Optional.empty() : instructions.changeOf(context.caseId(), version.intValue());
        if (change.isEmpty()) {
            return Map.of();
        }
        PayrollInstruction pi = change.get();
        Optional<PayrollInstruction> inForce = instructions.inForce(context.caseId());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("reference", pi.getReference());
        head.put("reason", pi.getReason().name());
        head.put("effectiveFrom", pi.getEffectiveFrom().toString());
        head.put("requestedBy", pi.getCreatedBy());
        head.put("inForce", inForce.map(PayrollInstruction::getReference).orElse("none"));
        head.put("note", pi.getNote() == null ? "" : "Note: " + pi.getNote() + ".");
        return Map.of(CONTEXT, head, ITEMS, rows(inForce.map(PayrollInstruction::getItems).orElse(List.of()), pi.getItems()));
    }

    /** One row per payroll and component of either version: what the version in force pays and what the change pays. */
    static List<Map<String, String>> rows(List<PayrollInstructionItem> before, List<PayrollInstructionItem> after) {
        Map<String, String[]> byKey = new LinkedHashMap<>();
        for (PayrollInstructionItem i : before) {
            byKey.computeIfAbsent(i.getPayroll() + " " + i.getComponent(), k -> new String[4])[0] = amount(i);
            byKey.get(i.getPayroll() + " " + i.getComponent())[2] = i.getFrequency().name();
        }
        for (PayrollInstructionItem i : after) {
            String[] r = byKey.computeIfAbsent(i.getPayroll() + " " + i.getComponent(), k -> new String[4]);
            r[1] = amount(i);
            r[2] = i.getFrequency().name();
            r[3] = i.getStart() + " to " + (i.getEnd() == null ? "open" : i.getEnd().toString());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        byKey.forEach((key, r) -> {
            Map<String, String> row = new LinkedHashMap<>();
            String[] k = key.split(" ");
            row.put("payroll", k[0]);
            row.put("component", k[1]);
            row.put("frequency", r[2]);
            row.put("inForce", r[0] == null ? "none" : r[0]);
            row.put("change", r[1] == null ? "not in the change" : r[1]);
            row.put("period", r[3] == null ? "" : r[3]);
            rows.add(row);
        });
        return rows;
    }

    private static String amount(PayrollInstructionItem i) {
        return i.getAmount().toPlainString() + " " + i.getCurrency();
    }
}
