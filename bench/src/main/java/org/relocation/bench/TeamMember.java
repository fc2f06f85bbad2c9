package org.relocation.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person of the simulated team, on one thread: polls /engine-rest/task for the tasks the role may do
 * (its candidate group, or the tasks assigned to it for an employee) and completes them with valid form
 * values, timing each POST /engine-rest/task/{id}/complete. Several threads of one role split the work by
 * task id (a stable hash), so two of them never complete the same task.
 */
final class TeamMember implements Runnable {

    /** Counters the whole team shares. */
    static final class Stats {
        final Latencies completions = new Latencies();
        final Latencies polls = new Latencies();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong gone = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong unknownTasks = new AtomicLong();
        /** Document files uploaded before the employees' documents tasks. */
        final AtomicLong uploads = new AtomicLong();
    }

    private static final int MAX_ATTEMPTS = 6;
    private static final AtomicLong PRINTED_ERRORS = new AtomicLong();

    private final String user;
    private final String taskQuery;
    private final int partition;
    private final int partitions;
    private final EngineClient client;
    private final Pacer pacer;
    private final Stats stats;
    private final AtomicBoolean done;
    private final long idlePollMillis;

    TeamMember(String user, String candidateGroup, int partition, int partitions, int maxResults, EngineClient client,
               Pacer pacer, Stats stats, AtomicBoolean done, long idlePollMillis) {
        this.user = user;
        Map<String, Object> q = new LinkedHashMap<>();
        if (candidateGroup != null) {
            q.put("candidateGroup", candidateGroup);
        } else {
            q.put("assignee", user);
        }
        q.put("sortBy", "created");
        q.put("sortOrder", "asc");
        q.put("firstResult", 0);
        q.put("maxResults", maxResults);
        this.taskQuery = "/engine-rest/task" + EngineClient.query(q);
        this.partition = partition;
        this.partitions = partitions;
        this.client = client;
        this.pacer = pacer;
        this.stats = stats;
        this.done = done;
        this.idlePollMillis = idlePollMillis;
    }

    @Override
    public void run() {
        while (!done.get()) {
            long started = System.nanoTime();
            EngineClient.Reply reply = client.get(user, taskQuery);
            stats.polls.add(null, (System.nanoTime() - started) / 1000);
            int mine = 0;
            if (reply.ok()) {
                for (JsonNode task : reply.json()) {
                    if (done.get()) {
                        return;
                    }
                    String id = task.path("id").asText();
                    if (Math.floorMod(id.hashCode(), partitions) != partition) {
                        continue;
                    }
                    mine++;
                    complete(id, task.path("taskDefinitionKey").asText(), task.path("processInstanceId").asText());
                }
            } else {
                error("task query", reply);
            }
            if (mine == 0) {
                sleep(idlePollMillis);
            }
        }
    }

    private void complete(String id, String key, String processInstanceId) {
        Map<String, Object> body = switch (key) {
            case "choose-housing-quote" -> TaskForms.chooseHousingQuote(client.get(user, "/engine-rest/task/" + id + "/form-variables").json());
            case "confirm-benefits-enrolment" -> TaskForms.confirmBenefitsEnrolment(
                    client.get(user, "/engine-rest/task/" + id + "/form-variables").json());
            default -> TaskForms.completeBody(key, processInstanceId);
        };
        if (body == null) {
            stats.unknownTasks.incrementAndGet();
            return;
        }
        if (key.equals("provide-immigration-documents") && !uploadDocuments(id)) {
            return;
        }
        pacer.acquire();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !done.get(); attempt++) {
            long started = System.nanoTime();
            EngineClient.Reply reply = client.post(user, "/engine-rest/task/" + id + "/complete", body);
            long micros = (System.nanoTime() - started) / 1000;
            if (reply.ok()) {
                stats.completions.add(key, micros);
                stats.completed.incrementAndGet();
                return;
            }
            if (reply.status() == 404 || (reply.status() == 400 && reply.body().contains("Cannot find task"))) {
                stats.gone.incrementAndGet();
                return;
            }
            if (reply.status() == 500 && concurrentUpdate(reply.body()) && attempt < MAX_ATTEMPTS) {
                // as a person would: the engine says "try again"
                stats.retries.incrementAndGet();
                sleep(20L * attempt);
                continue;
            }
            error("complete " + key, reply);
            return;
        }
    }

    /**
     * The employee's documents task is accepted only when every checklist document has a file: uploads a small PDF for
     * each document still requested or rejected (not timed as a completion). False after an error (reported).
     */
    private boolean uploadDocuments(String taskId) {
        EngineClient.Reply variable = client.get(user, "/engine-rest/task/" + taskId + "/variables/caseId");
        if (!variable.ok()) {
            error("caseId of task " + taskId, variable);
            return false;
        }
        long caseId = variable.json().path("value").asLong();
        EngineClient.Reply details = client.get(user, "/api/cases/" + caseId);
        if (!details.ok()) {
            error("documents of case " + caseId, details);
            return false;
        }
        for (JsonNode d : details.json().path("documents")) {
            String status = d.path("status").asText();
            if (status.equals("REQUESTED") || status.equals("REJECTED")) {
                EngineClient.Reply upload = client.postFile(user, "/api/cases/" + caseId + "/documents/" + d.path("id").asLong() + "/file",
                        TaskForms.DOCUMENT_PDF, "document.pdf", "application/pdf");
                if (!upload.ok()) {
                    error("upload of document " + d.path("id").asLong(), upload);
                    return false;
                }
                stats.uploads.incrementAndGet();
            }
        }
        return true;
    }

    /** OptimisticLockingException, which the REST API may wrap ("Cannot complete task ...: ENGINE-03005 ..."). */
    static boolean concurrentUpdate(String body) {
        return body.contains("OptimisticLocking") || body.contains("ENGINE-03005") || body.contains("updated by another transaction concurrently");
    }

    private void error(String what, EngineClient.Reply reply) {
        stats.errors.incrementAndGet();
        if (PRINTED_ERRORS.incrementAndGet() <= 20) {
            System.err.printf("  ! %s as %s: HTTP %d %s%n", what, user, reply.status(), EngineClient.abbreviate(reply.body()));
        }
        sleep(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
