package org.relocation.audit;

/** What a decision-log entry records. Stored by name: never rename a constant, only add. */
public enum DecisionKind {
    /** A business rule (DMN decision) was evaluated: subject is the decision key, details its inputs and outputs. */
    RULE_DECISION,
    /** A version of the cost estimate: subject names the estimate, details its figures and the rates used. */
    ESTIMATE,
    /** An approval step was decided (approved, rejected, sent back): subject is the step, e.g. approve-budget. */
    APPROVAL,
    /** A policy exception was requested, granted or refused. */
    POLICY_EXCEPTION,
    /** The journey took a path because of a decision (gateway, escalation, re-routing of a task). */
    ROUTING,
    /** A change of the case's own record that matters for audit (start date moved, case cancelled, closed). */
    CASE_CHANGE
}
