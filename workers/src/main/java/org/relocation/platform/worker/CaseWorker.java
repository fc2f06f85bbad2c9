package org.relocation.platform.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

/**
 * Base of every job worker: one subclass per topic, named after it. A subclass translates the task into
 * a call on a domain service and returns the few routing variables the process needs.
 * <ul>
 *   <li>a {@link BpmnError} becomes a BPMN error the model catches;</li>
 *   <li>any other exception is a technical failure: retried with exponential backoff, then an incident
 *   (retries 0) that operators see in Cockpit. Messages name the case id, never personal data.</li>
 * </ul>
 */
public abstract class CaseWorker {

    private static final Logger log = LoggerFactory.getLogger(CaseWorker.class);

    private WorkerProperties properties = new WorkerProperties();

    /** The topic this worker serves; the model-contract test checks it matches a model. */
    public abstract String topic();

    /** Variables to fetch with the task, besides caseId. */
    public List<String> inputVariables() {
        return List.of();
    }

    /** What a transport fetches with each task: {@link #inputVariables()} and caseId. */
    public final List<String> fetchedVariables() {
        List<String> variables = new java.util.ArrayList<>(inputVariables());
        variables.add(CaseTask.CASE_ID);
        return List.copyOf(variables);
    }

    /** Process variables this worker sets on completion; the model-contract test checks gateways read only known variables. */
    public List<String> outputVariables() {
        return List.of();
    }

    /** Does the work; returns the variables to complete the task with. */
    protected abstract Map<String, Object> work(CaseTask task);

    /** The retry policy (max-retries, retry-backoff); Spring sets it, a worker built by hand keeps the defaults. */
    @Autowired
    public void configure(WorkerProperties properties) {
        this.properties = properties;
    }

    /** Runs the work of one task and reports its outcome; whichever transport delivered the task. */
    public final void execute(CaseTask task, TaskOutcome outcome) {
        Map<String, Object> result;
        try {
            result = work(task);
        } catch (BpmnError e) {
            log.info("{}: business outcome {} for case {}", topic(), e.getErrorCode(), task.businessKey());
            outcome.bpmnError(e.getErrorCode(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(task, outcome, e);
            return;
        }
        outcome.complete(result);
    }

    private void fail(CaseTask task, TaskOutcome outcome, RuntimeException e) {
        int max = properties.getMaxRetries();
        Integer retries = task.retries();
        int attempt = retries == null ? 1 : max - retries + 2;
        int retriesLeft = retries == null ? max : Math.max(retries - 1, 0);
        long backoff = properties.getRetryBackoff().toMillis() * (1L << Math.min(attempt - 1, 10));
        String summary = topic() + " failed: " + safeMessage(e);
        log.warn("{} for case {} (attempt {}, {} retries left)", summary, task.businessKey(), attempt, retriesLeft);
        outcome.failure(summary, e.getClass().getName() + ": " + safeMessage(e), retriesLeft, backoff);
    }

    /** Our own exceptions carry operator-safe messages; third-party ones (SQL, HTTP) may echo data, so only their type is kept. */
    static String safeMessage(Throwable e) {
        boolean ours = e.getClass().getName().startsWith("org.relocation.") || e instanceof IllegalStateException;
        String message = ours && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
