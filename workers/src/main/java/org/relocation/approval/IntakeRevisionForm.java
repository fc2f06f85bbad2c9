package org.relocation.approval;

import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.relocationcase.CaseService;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Form revise-intake: the requester's answer to an approver's send-back. It shows the approver's comment (from the
 * approval decisions, never a variable); the revision must leave a valid intake; the case is revised and the change
 * logged.
 */
@Component
class IntakeRevisionForm implements TaskFormHandler {

    static final String SEND_BACK_COMMENT = "sendBackComment";

    private final CaseService cases;
    private final ApprovalService approvals;
    private final DecisionLog log;

    IntakeRevisionForm(CaseService cases, ApprovalService approvals, DecisionLog log) {
        this.cases = cases;
        this.approvals = approvals;
        this.log = log;
    }

    @Override
    public String formId() {
        return "revise-intake";
    }

    @Override
    public Set<String> fields() {
        return Set.of("revisedStartDate", "revisedEndDate", "revisedHostCity", "revisedBudgetAmount", "revisionNote");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return cases.revisionProblems(s.caseId(), revision(s));
    }

    @Override
    public void record(FormSubmission s) {
        List<String> changed = cases.revise(s.caseId(), revision(s));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", changed);
        details.put("note", s.string("revisionNote"));
        log.append(s.caseId(), DecisionKind.CASE_CHANGE, "revise-intake",
                "Intake revised after a send-back: " + (changed.isEmpty() ? "nothing changed" : String.join(", ", changed)), details, s.actor());
    }

    @Override
    public Set<String> displayFields() {
        return Set.of(SEND_BACK_COMMENT);
    }

    @Override
    public Map<String, Object> display(FormContext context) {
        return approvals.decisions(context.caseId()).stream()
                .filter(d -> "send-back".equals(d.getDecision()) && d.getComment() != null)
                .max(Comparator.comparing(ApprovalDecision::getDecidedAt).thenComparing(ApprovalDecision::getId))
                .<Map<String, Object>>map(d -> Map.of(SEND_BACK_COMMENT, d.getComment()))
                .orElse(Map.of());
    }

    private static CaseService.Revision revision(FormSubmission s) {
        return new CaseService.Revision(date(s, "revisedStartDate"), date(s, "revisedEndDate"), s.string("revisedHostCity"),
                s.decimal("revisedBudgetAmount"));
    }

    private static java.time.LocalDate date(FormSubmission s, String field) {
        try {
            return s.date(field);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // the form's schema names the field
        }
    }
}
