package org.relocation.platform.form;

import java.util.Map;
import java.util.Set;

/**
 * A form that approves or rejects one record the task names (a task input with the record's id): a decision field
 * ({@code approve} or not) and a comment. The feature says what may not be decided ({@link #problem}: a fragment such
 * as "whoever entered the settlement may not decide it", or null) and records the decision ({@link #decide}); this
 * class puts the sentence on the right field (a fragment starting "a rejection" on the comment, any other on the
 * decision), refuses a task that names no record, and turns the feature's refusal at recording time into the form's.
 */
public abstract class DecisionForm implements TaskFormHandler {

    private final String formId;
    private final String decision;
    private final String comment;
    private final String subjectInput;
    private final String subjectName;
    private final Class<? extends RuntimeException> refusal;

    /**
     * @param subjectInput the task input with the id of the record decided
     * @param subjectName  what the record is, for "This task names no {subjectName} to decide."
     * @param refusal      the feature's exception refusing a decision when it is recorded (its message is a sentence)
     */
    protected DecisionForm(String formId, String decisionField, String commentField, String subjectInput, String subjectName,
                           Class<? extends RuntimeException> refusal) {
        this.formId = formId;
        this.decision = decisionField;
        this.comment = commentField;
        this.subjectInput = subjectInput;
        this.subjectName = subjectName;
        this.refusal = refusal;
    }

    /** Why the decision may not be made (a fragment, lower case, no full stop), or null when it may. */
    protected abstract String problem(FormSubmission s, long subject, boolean approve, String comment);

    /** Records the decision in the case records; may throw the refusal given to the constructor. */
    protected abstract void decide(FormSubmission s, long subject, boolean approve, String comment);

    @Override
    public final String formId() {
        return formId;
    }

    @Override
    public final Set<String> fields() {
        return Set.of(decision, comment);
    }

    @Override
    public final Map<String, String> problems(FormSubmission s) {
        Long subject = s.taskNumber(subjectInput);
        if (subject == null) {
            return Map.of(decision, "This task names no " + subjectName + " to decide.");
        }
        String problem = problem(s, subject, approves(s), s.string(comment));
        if (problem == null) {
            return Map.of();
        }
        return Map.of(problem.startsWith("a rejection") ? comment : decision, sentence(problem));
    }

    @Override
    public final void record(FormSubmission s) {
        try {
            decide(s, s.taskNumber(subjectInput), approves(s), s.string(comment));
        } catch (RuntimeException e) {
            if (!refusal.isInstance(e)) {
                throw e;
            }
            throw new SubmissionRefusedException(Map.of(decision, e.getMessage()));
        }
    }

    private boolean approves(FormSubmission s) {
        return "approve".equals(s.string(decision));
    }

    /** "whoever entered it may not decide it" → "Whoever entered it may not decide it." */
    public static String sentence(String fragment) {
        return Character.toUpperCase(fragment.charAt(0)) + fragment.substring(1) + (fragment.endsWith(".") ? "" : ".");
    }
}
