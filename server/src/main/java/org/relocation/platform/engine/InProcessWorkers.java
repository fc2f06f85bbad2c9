package org.relocation.platform.engine;

import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.ProcessEngineImpl;
import org.operaton.bpm.engine.impl.util.SingleConsumerCondition;
import org.relocation.platform.worker.CaseTask;
import org.relocation.platform.worker.CaseWorker;
import org.relocation.platform.worker.TaskOutcome;
import org.relocation.platform.worker.WorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The in-process transport of the job workers ({@code relocation.workers.transport: in-process}, the
 * server's default): one dispatcher thread fetches and locks external tasks of every worker's topic through
 * the engine's Java API and hands them to a pool of {@code relocation.workers.threads}; the workers report
 * through the same API. It holds at most four tasks per thread (so a fetched task waits for at most about three
 * tasks' work before a thread takes it), and it fetches again only when no more than two tasks per thread are left:
 * under load every fetch brings a batch (up to {@code relocation.workers.max-tasks}) instead of one task per freed
 * thread, because each fetch reads all open external tasks and builds a query naming every topic. Tasks are
 * fetched without ordering by priority (the models set none). When idle it sleeps until the engine signals a new
 * external task created in this JVM (the signal the REST API's long polling uses too) or, at the latest,
 * {@code relocation.workers.long-polling} later (tasks created on another node of a cluster, retries whose backoff
 * ran out).
 * <p>
 * The same {@link CaseWorker} beans run over HTTP in the standalone workers; here no HTTP, security filter
 * chain or password check sits between the engine and its workers. Without an authenticated user in these
 * threads the engine checks no authorizations: the workers act as the system.
 */
class InProcessWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InProcessWorkers.class);
    private static final int COMPLETE_ATTEMPTS = 5;
    private static final int HELD_PER_THREAD = 4;

    private final ExternalTaskService externalTasks;
    private final Map<String, CaseWorker> workersByTopic;
    private final WorkerProperties properties;
    private final String workerId;
    private final int threads;
    /** Tasks this node may still take: four per thread, less the tasks fetched and not yet done. */
    private final Semaphore slots;
    /** Free slots a fetch waits for: two per thread, so at most two per thread are left when it fetches. */
    private final int fetchWhenFree;
    private volatile ExecutorService pool;
    private volatile Thread dispatcher;
    private volatile SingleConsumerCondition wakeUp;
    private volatile boolean running;

    InProcessWorkers(ExternalTaskService externalTasks, List<CaseWorker> workers, WorkerProperties properties) {
        this.externalTasks = externalTasks;
        this.workersByTopic = workers.stream().collect(Collectors.toMap(CaseWorker::topic, Function.identity()));
        this.properties = properties;
        this.workerId = properties.resolvedWorkerId();
        this.threads = Math.max(1, properties.getThreads());
        this.slots = new Semaphore(HELD_PER_THREAD * threads);
        this.fetchWhenFree = HELD_PER_THREAD / 2 * threads;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "job-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        dispatcher = new Thread(this::dispatch, "job-worker-dispatcher");
        dispatcher.setDaemon(true);
        wakeUp = new SingleConsumerCondition(dispatcher);
        ProcessEngineImpl.EXT_TASK_CONDITIONS.addConsumer(wakeUp);
        dispatcher.start();
        log.info("Job workers polling in-process as {} with {} threads for {} topics: {}",
                workerId, properties.getThreads(), workersByTopic.size(), workersByTopic.keySet());
    }

    private void dispatch() {
        long idleWait = properties.getLongPolling().toMillis();
        int failures = 0;
        while (running) {
            try {
                slots.acquire(fetchWhenFree);
                int free = fetchWhenFree + slots.drainPermits();
                List<LockedExternalTask> tasks;
                try {
                    tasks = fetch(Math.min(free, Math.max(1, properties.getMaxTasks())));
                } catch (RuntimeException e) {
                    slots.release(free);
                    throw e;
                }
                slots.release(free - tasks.size()); // one slot stays with each task until its thread is done
                for (LockedExternalTask task : tasks) {
                    pool.execute(() -> {
                        try {
                            run(task);
                        } finally {
                            slots.release();
                        }
                    });
                }
                failures = 0;
                if (tasks.isEmpty()) {
                    wakeUp.await(idleWait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is down or the engine is stopping: back off like the HTTP client does (0.5 s doubling to 30 s)
                long backoff = Math.min(30_000L, 500L << Math.min(failures++, 6));
                log.warn("Fetching external tasks failed ({}); next attempt in {} ms", e.getClass().getSimpleName(), backoff);
                wakeUp.await(backoff);
            }
        }
    }

    private List<LockedExternalTask> fetch(int max) {
        ExternalTaskQueryBuilder query = externalTasks.fetchAndLock(max, workerId, false);
        long lock = properties.getLockDuration().toMillis();
        for (CaseWorker worker : workersByTopic.values()) {
            query = query.topic(worker.topic(), lock).variables(worker.fetchedVariables());
        }
        return query.execute();
    }

    private void run(LockedExternalTask task) {
        CaseWorker worker = workersByTopic.get(task.getTopicName());
        Map<String, Object> variables = new HashMap<>(task.getVariables());
        try {
            worker.execute(new CaseTask(task.getId(), task.getBusinessKey(), task.getRetries(), variables), new EngineOutcome(task.getId()));
        } catch (RuntimeException e) {
            // reporting failed (the task was deleted because its case ended, or the lock expired and another worker has it):
            // nothing to undo, the workers are idempotent and the task is offered again if it still exists
            log.warn("{}: reporting the outcome of external task {} failed: {}", task.getTopicName(), task.getId(), e.getClass().getSimpleName());
        }
    }

    /** Reports to the engine through its Java API; a completion that meets a concurrent change of the same process is retried. */
    private final class EngineOutcome implements TaskOutcome {

        private final String taskId;

        EngineOutcome(String taskId) {
            this.taskId = taskId;
        }

        @Override
        public void complete(Map<String, Object> variables) {
            ConcurrentChanges.retry(COMPLETE_ATTEMPTS, 20, () -> {
                externalTasks.complete(taskId, workerId, variables);
                return null;
            });
        }

        @Override
        public void bpmnError(String errorCode, String message) {
            externalTasks.handleBpmnError(taskId, workerId, errorCode, message);
        }

        @Override
        public void failure(String errorMessage, String errorDetails, int retriesLeft, long retryTimeoutMillis) {
            externalTasks.handleFailure(taskId, workerId, errorMessage, errorDetails, retriesLeft, retryTimeoutMillis);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ProcessEngineImpl.EXT_TASK_CONDITIONS.removeConsumer(wakeUp);
        dispatcher.interrupt();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start last (after the engine and the web server the demo vendors answer through), stop first
        return Integer.MAX_VALUE;
    }
}
