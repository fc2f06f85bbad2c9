package org.relocation.approval;

import org.relocation.audit.DecisionKind;
import org.relocation.audit.DecisionLog;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.TaskSubmissions;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Form revise-intake: the requester's answer to a send-back (an approver's, or the specialist's review). It shows the comment (from the
 * approval decisions, never a variable); the revision must leave a valid intake; the case is revised and the change
 * logged.
 */
@Component
class IntakeRevisionForm implements TaskFormHandler {

    static final String SEND_BACK_COMMENT = "sendBackComment";

    private final CaseService cases;
    private final ApprovalService approvals;
    private final DecisionLog log;
    private final TaskSubmissions submissions;

    IntakeRevisionForm(CaseService cases, ApprovalService approvals, DecisionLog log, TaskSubmissions submissions) {
        this.cases = cases;
        this.approvals = approvals;
        this.log = log;
        this.submissions = submissions;
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

    /**
     * The latest send-back's comment: an approver's (approval decisions) or the specialist's own review of the intake
     * (its submission), whichever came last.
     */
    @Override
    public Map<String, Object> display(FormContext context) {
        Optional<ApprovalDecision> approver = approvals.decisions(context.caseId()).stream()
                .filter(d -> "send-back".equals(d.getDecision()) && d.getComment() != null)
                .max(Comparator.comparing(ApprovalDecision::getDecidedAt).thenComparing(ApprovalDecision::getId));
        Optional<TaskSubmissions.Submitted> review = submissions.latest(context.caseId(), IntakeReviewForm.FORM, Map.of())
                .filter(IntakeReviewForm::sentBack);
        if (review.isPresent() && (approver.isEmpty() || review.get().submittedAt().isAfter(approver.get().getDecidedAt()))) {
            return Map.of(SEND_BACK_COMMENT, "Review of the intake by " + review.get().submittedBy() + ": "
                    + review.get().fields().get(IntakeReviewForm.COMMENT));
        }
        return approver.<Map<String, Object>>map(d -> Map.of(SEND_BACK_COMMENT, d.getComment())).orElse(Map.of());
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
