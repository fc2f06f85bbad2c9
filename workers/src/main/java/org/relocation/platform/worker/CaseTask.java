package org.relocation.platform.worker;

import org.camunda.bpm.client.task.ExternalTask;

/**
 * Typed access to what a worker may read from an external task: the case id and the task's own local
 * input variables. Process variables hold no personal data, so nothing else is here.
 */
public final class CaseTask {

    public static final String CASE_ID = "caseId";

    private final ExternalTask task;

    CaseTask(ExternalTask task) {
        this.task = task;
    }

    public Long caseId() {
        Object value = task.getVariable(CASE_ID);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("External task " + task.getId() + " has no numeric caseId variable");
    }

    /** The external task id: the idempotency key of whatever the worker orders outside. */
    public String taskId() {
        return task.getId();
    }

    public String requiredString(String name) {
        Object value = task.getVariable(name);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalStateException("External task " + task.getId() + " lacks the input variable " + name);
    }
}
