package org.relocation.platform.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.relocation.ServerTest;
import org.relocation.platform.worker.BpmnError;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.platform.worker.WorkerClient;
import org.relocation.platform.worker.WorkerProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both transports of the job workers against the real engine: the server's in-process one and the HTTP one
 * of the standalone workers (long polling this server's /engine-rest as the demo worker user). With each, a
 * task is fetched, worked and completed with the worker's variables; a BpmnError reaches the model's
 * boundary event; a technical failure is retried with backoff and ends as an incident. The topics are
 * this test's own, served only by the transport the test starts; its process has no caseId, so the
 * platform's case timeline listeners leave it alone.
 */
@ServerTest
class WorkerTransportsTest {

    private static final String PROCESS = "in-process-workers-test";

    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Autowired
    org.operaton.bpm.engine.TaskService taskService;
    @Autowired
    RepositoryService repository;

    @LocalServerPort
    int port;

    private final AtomicInteger failingCalls = new AtomicInteger();
    private final AtomicInteger working = new AtomicInteger();
    private final CountDownLatch slowWorkMayEnd = new CountDownLatch(1);
    private SmartLifecycle transport;

    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).operatonHistoryTimeToLive(1)
                .startEvent()
                .exclusiveGateway("route").condition("ok", "${path == 'ok'}")
                  .serviceTask("work").operatonExternalTask("in-process-test-ok")
                  .userTask("check")
                  .endEvent("done")
                .moveToNode("route").condition("business", "${path == 'business'}")
                  .serviceTask("decide").operatonExternalTask("in-process-test-business")
                  .boundaryEvent("rejected").error("not-eligible").endEvent("caught")
                .moveToActivity("decide").endEvent("not-caught")
                .moveToNode("route").condition("fail", "${path == 'fail'}")
                  .serviceTask("fail").operatonExternalTask("in-process-test-fail")
                  .endEvent("never")
                .moveToNode("route").condition("slow", "${path == 'slow'}")
                  .serviceTask("slow").operatonExternalTask("in-process-test-slow")
                  .endEvent("slow-done")
                .done();
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).enableDuplicateFiltering(true).deploy();
    }

    private void start(String transportName, CaseWorker... more) {
        WorkerProperties properties = new WorkerProperties();
        properties.setWorkerId(transportName + "-test");
        properties.setThreads(2);
        properties.setMaxRetries(2);
        properties.setRetryBackoff(Duration.ofMillis(100));
        properties.setLongPolling(Duration.ofSeconds(1));
        List<CaseWorker> workers = new ArrayList<>(List.of(more));
        workers.addAll(List.of(
                worker("in-process-test-ok", t -> Map.of("result", "worked on " + t.requiredString("subject"))),
                worker("in-process-test-business", t -> { throw new BpmnError("not-eligible", "Policy excludes it"); }),
                worker("in-process-test-fail", t -> {
                    failingCalls.incrementAndGet();
                    throw new IllegalStateException("Vendor 'test' is not configured");
                })));
        if (transportName.equals("http")) {
            properties.setTransport(WorkerProperties.Transport.HTTP);
            properties.setEngineUrl("http://localhost:" + port + "/engine-rest");
            properties.setUsername("worker");
            properties.setPassword("demo");
            transport = new WorkerClient(workers, properties);
        } else {
            transport = new InProcessWorkers(externalTasks, workers, properties);
        }
        transport.start();
    }

    @AfterEach
    void stop() {
        slowWorkMayEnd.countDown();
        if (transport != null) {
            transport.stop();
        }
    }

    private static CaseWorker worker(String topic, Function<CaseTask, Map<String, Object>> work) {
        CaseWorker worker = new CaseWorker() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public List<String> inputVariables() {
                return List.of("subject");
            }

            @Override
            protected Map<String, Object> work(CaseTask task) {
                return work.apply(task);
            }
        };
        WorkerProperties properties = new WorkerProperties();
        properties.setMaxRetries(2);
        properties.setRetryBackoff(Duration.ofMillis(100));
        worker.configure(properties);
        return worker;
    }

    private String startCase(String path) {
        return runtime.startProcessInstanceByKey(PROCESS, Map.of("subject", "test order", "path", path)).getId();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void completesTheTaskWithTheWorkersVariables(String transportName) {
        start(transportName);
        String id = startCase("ok");
        // the production history level keeps no variables: the process waits at a user task after the worker's step
        await().atMost(Duration.ofSeconds(20)).until(() -> taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("check").count() == 1);
        assertThat(runtime.getVariable(id, "result")).isEqualTo("worked on test order");
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(id).count()).as("the external task is done").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void aBusinessOutcomeReachesTheBoundaryErrorEvent(String transportName) {
        start(transportName);
        String id = startCase("business");
        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(id).completed().count() == 1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndActivityId())
                .as("ended at the boundary error's end, not the normal one").isEqualTo("caught");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void aTechnicalFailureIsRetriedWithBackoffThenBecomesAnIncident(String transportName) {
        start(transportName);
        String id = startCase("fail");
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createIncidentQuery().processInstanceId(id).count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(id).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
        assertThat(incident.getIncidentMessage()).isEqualTo("in-process-test-fail failed: Vendor 'test' is not configured");
        // first attempt, then 2 retries: max-retries 2 means three deliveries in all
        assertThat(failingCalls).hasValue(3);
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(id).singleResult().getRetries()).isZero();
    }

    @Test
    void inProcessWorkersHoldAtMostFourTasksPerThreadAndFetchAgainWhenThreadsFree() {
        List<String> ids = IntStream.range(0, 16).mapToObj(i -> startCase("slow")).toList();
        start("in-process", worker("in-process-test-slow", t -> {
            working.incrementAndGet();
            try {
                slowWorkMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        })); // 2 threads

        // one fetch of eight: two at work, six waiting for a thread; no more are fetched while eight are held
        await().atMost(Duration.ofSeconds(20)).until(() -> working.get() == 2 && lockedByTheWorkers() == 8);
        assertThat(externalTasks.createExternalTaskQuery().topicName("in-process-test-slow").notLocked().count()).isEqualTo(8);

        slowWorkMayEnd.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(ids)).completed().count() == 16);
        assertThat(working).hasValue(16);
    }

    private long lockedByTheWorkers() {
        return externalTasks.createExternalTaskQuery().topicName("in-process-test-slow").workerId("in-process-test").locked().count();
    }
}
