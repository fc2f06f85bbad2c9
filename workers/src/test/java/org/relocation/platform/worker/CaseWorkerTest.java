package org.relocation.platform.worker;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** How every worker reports: completion with variables, business outcomes as BPMN errors, failures with retries. */
class CaseWorkerTest {

    private final TaskOutcome service = mock(TaskOutcome.class);

    /** retries null: the engine's value until the first failure */
    private static CaseTask task(Integer retries, Object caseId) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("caseId", caseId);
        return new CaseTask("task-1", "RC-2026-000042", retries, variables);
    }

    private final CaseTask task = task(null, 42L);

    private static CaseWorker worker(Function<CaseTask, Map<String, Object>> work) {
        CaseWorker w = new CaseWorker() {
            @Override
            public String topic() {
                return "test-topic";
            }

            @Override
            protected Map<String, Object> work(CaseTask t) {
                return work.apply(t);
            }
        };
        WorkerProperties p = new WorkerProperties();
        p.setMaxRetries(3);
        p.setRetryBackoff(Duration.ofSeconds(10));
        w.configure(p);
        return w;
    }

    @Test
    void completesWithTheVariablesTheWorkReturns() {
        worker(t -> Map.of("estimateExceedsBudget", t.caseId() == 42L)).execute(task, service);
        verify(service).complete(Map.of("estimateExceedsBudget", true));
    }

    @Test
    void aBusinessOutcomeBecomesABpmnError() {
        worker(t -> { throw new BpmnError("no-host-coverage", "No plan in XX"); }).execute(task, service);
        verify(service).bpmnError("no-host-coverage", "No plan in XX");
        verify(service, never()).complete(anyMap());
    }

    @Test
    void aFirstTechnicalFailureKeepsAllRetriesWithTheBaseBackoff() {
        worker(t -> { throw new IllegalStateException("Vendor 'housing' is not configured"); }).execute(task, service);
        verify(service).failure(eq("test-topic failed: Vendor 'housing' is not configured"), anyString(), eq(3), eq(10_000L));
    }

    @Test
    void theLastRetryFailingLeavesAnIncidentWithExponentialBackoff() {
        worker(t -> { throw new IllegalStateException("down"); }).execute(task(1, 42L), service);
        verify(service).failure(anyString(), anyString(), eq(0), eq(80_000L));
    }

    @Test
    void thirdPartyExceptionMessagesThatMayEchoDataAreNotReported() {
        worker(t -> { throw new DataIntegrityViolationException("Duplicate entry 'X1234567' for key passport"); }).execute(task(3, 42L), service);
        verify(service).failure(eq("test-topic failed: DataIntegrityViolationException"),
                eq("org.springframework.dao.DataIntegrityViolationException: DataIntegrityViolationException"), eq(2), eq(20_000L));
        assertThat(CaseWorker.safeMessage(new RuntimeException("passport X1234567"))).doesNotContain("X1234567");
    }

    @Test
    void aTaskWithoutCaseIdIsATechnicalFailure() {
        worker(t -> Map.of("x", t.caseId())).execute(task(null, null), service);
        verify(service).failure(eq("test-topic failed: External task task-1 has no numeric caseId variable"), anyString(), eq(3), eq(10_000L));
    }
}
