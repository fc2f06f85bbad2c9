package org.relocation.platform.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How job workers reach the engine. Without engine-url they poll the server they run in (embedded mode);
 * with it, they poll a remote server's /engine-rest (standalone mode). Either way the same code runs.
 */
@ConfigurationProperties("relocation.workers")
public class WorkerProperties {

    private boolean enabled = true;
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
    public String getEngineUrl() { return engineUrl; }
    public void setEngineUrl(String engineUrl) { this.engineUrl = engineUrl; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getWorkerId() { return workerId; }
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
