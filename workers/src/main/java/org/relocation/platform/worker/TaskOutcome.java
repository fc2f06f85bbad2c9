package org.relocation.platform.worker;

import java.util.Map;

/**
 * Where a {@link CaseWorker} reports the outcome of one external task. Two transports implement it: the
 * external task client over {@code /engine-rest} ({@link WorkerClient}) and the server's in-process engine
 * API; the worker code is the same for both.
 */
public interface TaskOutcome {

    void complete(Map<String, Object> variables);

    void bpmnError(String errorCode, String message);

    /** A technical failure: the engine keeps the task for {@code retryTimeoutMillis}, then offers it again; retries 0 is an incident. */
    void failure(String errorMessage, String errorDetails, int retriesLeft, long retryTimeoutMillis);
}
