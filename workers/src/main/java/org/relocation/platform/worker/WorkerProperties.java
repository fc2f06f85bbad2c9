package org.relocation.platform.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How job workers reach the engine. {@code transport: in-process} (the server's default) fetches and
 * completes external tasks through the engine's Java API in the server's own JVM; {@code transport: http}
 * long-polls {@code /engine-rest}: a remote server's at engine-url (standalone workers), or without
 * engine-url the server's own port. Either way the same worker code runs.
 */
@ConfigurationProperties("relocation.workers")
public class WorkerProperties {

    /** How tasks reach the workers. */
    public enum Transport { IN_PROCESS, HTTP }

    private boolean enabled = true;
    private Transport transport = Transport.IN_PROCESS;
    private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private String engineUrl;
    private String username;
    private String password;
    private String workerId;
    private int maxTasks = 10;
    private Duration longPolling = Duration.ofSeconds(20);
    private Duration lockDuration = Duration.ofMinutes(2);
    private int maxRetries = 3;
    private Duration retryBackoff = Duration.ofSeconds(10);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Transport getTransport() { return transport; }
    public void setTransport(Transport transport) { this.transport = transport; }
    /**
     * In-process transport: worker threads running tasks at the same time (the HTTP client runs one at a time). Default:
     * one per core, at least two: more threads than cores only take CPU from the people's requests while the server is
     * busy (on 2 cores, 4 threads made user task completions twice as slow as 2 at full load, docs/benchmarks.md).
     */
    public int getThreads() { return threads; }
    public void setThreads(int threads) { this.threads = threads; }
    public String getEngineUrl() { return engineUrl; }
    public void setEngineUrl(String engineUrl) { this.engineUrl = engineUrl; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getWorkerId() { return workerId; }
    /** The configured worker id, else host name plus a random suffix (fixed for this properties object). */
    public synchronized String resolvedWorkerId() {
        if (workerId == null) {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "worker";
            }
            workerId = host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
        return workerId;
    }
    public void setWorkerId(String workerId) { this.workerId = workerId; }
    public int getMaxTasks() { return maxTasks; }
    public void setMaxTasks(int maxTasks) { this.maxTasks = maxTasks; }
    public Duration getLongPolling() { return longPolling; }
    public void setLongPolling(Duration longPolling) { this.longPolling = longPolling; }
    public Duration getLockDuration() { return lockDuration; }
    public void setLockDuration(Duration lockDuration) { this.lockDuration = lockDuration; }
    public int getMaxRetries() { return maxRetries; }
    public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
    public Duration getRetryBackoff() { return retryBackoff; }
    public void setRetryBackoff(Duration retryBackoff) { this.retryBackoff = retryBackoff; }
}
