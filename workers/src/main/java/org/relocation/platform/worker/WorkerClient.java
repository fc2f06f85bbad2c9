package org.relocation.platform.worker;

import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.topic.TopicSubscriptionBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Subscribes every {@link CaseWorker} to its topic with the external task client (long polling
 * /engine-rest with HTTP basic auth). Embedded mode starts once the server's port is known; standalone
 * mode starts against relocation.workers.engine-url.
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
        workers.forEach(w -> w.configure(properties));
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
                .workerId(properties.getWorkerId() != null ? properties.getWorkerId() : defaultWorkerId())
                .maxTasks(properties.getMaxTasks())
                .asyncResponseTimeout(properties.getLongPolling().toMillis())
                .lockDuration(properties.getLockDuration().toMillis())
                .addInterceptor(new BasicAuthProvider(properties.getUsername(), properties.getPassword()))
                .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2, 30_000)) // only after errors; long polling otherwise
                .build();
        List<String> topics = new ArrayList<>();
        for (CaseWorker worker : workers) {
            List<String> variables = new ArrayList<>(worker.inputVariables());
            variables.add(CaseTask.CASE_ID);
            TopicSubscriptionBuilder subscription = client.subscribe(worker.topic())
                    .lockDuration(properties.getLockDuration().toMillis())
                    .variables(variables.toArray(String[]::new))
                    .handler(worker);
            subscription.open();
            topics.add(worker.topic());
        }
        log.info("Job workers polling {} for {} topics: {}", baseUrl, topics.size(), topics);
    }

    private static String defaultWorkerId() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        } catch (Exception e) {
            return "worker-" + UUID.randomUUID().toString().substring(0, 8);
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
