package org.relocation.platform.worker;

import java.util.Map;

/**
 * Typed access to what a worker may read from an external task: the case id and the task's own local
 * input variables. Process variables hold no personal data, so nothing else is here.
 */
public final class CaseTask {

    public static final String CASE_ID = "caseId";

    private final String id;
    private final String businessKey;
    private final Integer retries;
    private final Map<String, Object> variables;

    /**
     * @param retries the engine's retries left, {@code null} before the first failure
     * @param variables the fetched variables ({@code caseId} and the worker's {@link CaseWorker#inputVariables()})
     */
    public CaseTask(String id, String businessKey, Integer retries, Map<String, Object> variables) {
        this.id = id;
        this.businessKey = businessKey;
        this.retries = retries;
        this.variables = variables;
    }

    public Long caseId() {
        Object value = variables.get(CASE_ID);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("External task " + id + " has no numeric caseId variable");
    }

    /** The external task id: the idempotency key of whatever the worker orders outside. */
    public String taskId() {
        return id;
    }

    /** The case number (the process's business key), for log lines. */
    String businessKey() {
        return businessKey;
    }

    Integer retries() {
        return retries;
    }

    /** A whole-number input, e.g. the {@code loopCounter} of a multi-instance branch. */
    public int requiredInt(String name) {
        Object value = variables.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("External task " + id + " lacks the numeric input variable " + name);
    }

    /** A boolean input that may be absent (a model of an earlier version does not set it): false then. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(variables.get(name));
    }

    /** A text input that may be absent: empty then. */
    public java.util.Optional<String> optionalString(String name) {
        return variables.get(name) instanceof String s && !s.isBlank() ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    public String requiredString(String name) {
        Object value = variables.get(name);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalStateException("External task " + id + " lacks the input variable " + name);
    }
}
