package org.relocation.platform.form;

import java.util.Map;
import java.util.Set;

/**
 * What a feature does with the form of one user task: checks a submission against its own rules and the case records,
 * records it in the case, and builds what the form shows. One implementation per form id, in the feature that owns the
 * form; the engine boundary finds it by the task's form ({@code camunda:formRef}) and knows no feature.
 * <p>
 * Every submission is also kept as it was submitted ({@code task_submission}), with or without a handler: a handler
 * adds the domain record (an approval decision, a passport's data, a right-to-work check).
 */
public interface TaskFormHandler {

    /** The form id ({@code camunda:formRef} key) this handler owns. */
    String formId();

    /**
     * Whether the form decides an approval of the case: segregation of duties then forbids it to the person who opened
     * the case and to its employee.
     */
    default boolean approval() {
        return false;
    }

    /**
     * Field → problem of a submission whose fields already obey the form's own schema: rules that tie fields to one
     * another or to the case records. Empty when it may be completed. Plain sentences: the person reads them.
     */
    default Map<String, String> problems(FormSubmission submission) {
        return Map.of();
    }

    /** Writes the submission's domain fields into the case records, in the transaction of the completion. */
    default void record(FormSubmission submission) {
    }

    /**
     * The submitted fields this handler reads ({@link #problems}, {@link #record}): each must be a field of its form, so
     * that a changed form cannot drop or rename one unnoticed (the model contract checks it). Fields the form has and
     * no handler reads are kept with the submission only.
     */
    default Set<String> fields() {
        return Set.of();
    }

    /** The display-only fields of the form, built by {@link #display}: never submitted, never stored. */
    default Set<String> displayFields() {
        return Set.of();
    }

    /** Values of {@link #displayFields()} for a task of the case, built from the case records each time the form opens. */
    default Map<String, Object> display(FormContext context) {
        return Map.of();
    }

    /**
     * Read-time context of the form (unkeyed data its text and table components read, e.g. {@code brief}): built from
     * the case records each time the form opens, never submitted, never stored; a map or list reaches the form as JSON.
     */
    default Map<String, Object> context(FormContext context) {
        return Map.of();
    }
}
