package org.relocation.platform.worker;

import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.topic.TopicSubscriptionBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP transport ({@code relocation.workers.transport: http}): subscribes every {@link CaseWorker} to
 * its topic with the external task client (long polling /engine-rest with HTTP basic auth). The standalone
 * workers use it against relocation.workers.engine-url; inside the server without an engine-url it polls
 * the server's own port once that is known.
 */
public class WorkerClient implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerClient.class);

    private final List<CaseWorker> workers;
    private final WorkerProperties properties;
    private volatile ExternalTaskClient client;
    private volatile int localPort = -1;

    public WorkerClient(List<CaseWorker> workers, WorkerProperties properties) {
        this.workers = workers;
        this.properties = properties;
    }

    @EventListener
    public void onWebServer(WebServerInitializedEvent event) {
        if ("server".equals(event.getApplicationContext().getServerNamespace()) || event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
            if (properties.getEngineUrl() == null) {
                open("http://localhost:" + localPort + "/engine-rest");
            }
        }
    }

    @Override
    public void start() {
        if (properties.getEngineUrl() != null) {
            open(properties.getEngineUrl());
        }
    }

    private synchronized void open(String baseUrl) {
        if (client != null) {
            return;
        }
        if (properties.getUsername() == null || properties.getPassword() == null) {
            throw new IllegalStateException("relocation.workers.username and .password are required to reach " + baseUrl);
        }
        client = ExternalTaskClient.create()
                .baseUrl(baseUrl)
                .workerId(properties.resolvedWorkerId())
                .maxTasks(properties.getMaxTasks())
                .asyncResponseTimeout(properties.getLongPolling().toMillis())
                .lockDuration(properties.getLockDuration().toMillis())
                .addInterceptor(new BasicAuthProvider(properties.getUsername(), properties.getPassword()))
                .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2, 30_000)) // only after errors; long polling otherwise
                .build();
        List<String> topics = new ArrayList<>();
        for (CaseWorker worker : workers) {
            TopicSubscriptionBuilder subscription = client.subscribe(worker.topic())
                    .lockDuration(properties.getLockDuration().toMillis())
                    .variables(worker.fetchedVariables().toArray(String[]::new))
                    .handler((task, service) -> worker.execute(
                            new CaseTask(task.getId(), task.getBusinessKey(), task.getRetries(), task.getAllVariables()),
                            new ClientOutcome(task, service)));
            subscription.open();
            topics.add(worker.topic());
        }
        log.info("Job workers polling {} for {} topics: {}", baseUrl, topics.size(), topics);
    }

    /** Reports to the engine through the external task client. */
    private record ClientOutcome(ExternalTask task, ExternalTaskService service) implements TaskOutcome {

        @Override
        public void complete(Map<String, Object> variables) {
            service.complete(task, variables, Map.of());
        }

        @Override
        public void bpmnError(String errorCode, String message) {
            service.handleBpmnError(task, errorCode, message);
        }

        @Override
        public void failure(String errorMessage, String errorDetails, int retriesLeft, long retryTimeoutMillis) {
            service.handleFailure(task, errorMessage, errorDetails, retriesLeft, retryTimeoutMillis);
        }
    }

    @Override
    public synchronized void stop() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    @Override
    public int getPhase() {
        // stop before the web server and the engine go down
        return Integer.MAX_VALUE - 100;
    }
}
