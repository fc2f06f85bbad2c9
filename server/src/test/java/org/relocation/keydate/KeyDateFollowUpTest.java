package org.relocation.keydate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.relocation.Api;
import org.relocation.PausedJobExecutor;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Key dates end to end on the server: the API registers a date, the in-process job workers plan it with the real
 * host-country calendar (jollyday), and the reminders and the renewal are engine timers in ACT_RU_JOB that fire at
 * exactly the expected instants as the engine clock moves, across Easter's public holidays and weekend.
 * <p>
 * The job executor is paused while the engine clock is moved (so timers of other tests' cases do not fire) and the
 * test fires this case's due jobs itself, as the job executor would; the workers keep running in-process.
 */
@ServerTest
@ExtendWith(PausedJobExecutor.class)
class KeyDateFollowUpTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    KeyDateReminderRepository reminders;


    @Test
    void biometricsRemindersFireFiveAndOneBusinessDaysAheadAcrossEasterInGermany() {
        Api specialist = Api.as(port, "specialist");
        JsonNode opened = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        long caseId = opened.get("id").asLong();

        clockAt("2036-03-20T10:00:00Z");
        JsonNode keyDate = register(specialist, Map.of("caseId", caseId, "kind", "biometrics-appointment", "dueDate", "2036-04-15"));
        long keyDateId = keyDate.get("id").asLong();
        String instance = keyDate.get("processInstanceId").asText();
        assertThat(runtime().createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey())
                .isEqualTo(opened.get("caseNumber").asText());

        // Tuesday 2036-04-15: 5 business days ahead is Friday 04-04 and 1 is Thursday 04-10 (Good Friday 04-11, the
        // weekend and Easter Monday 04-14 are no business days in Germany), at 08:00 Berlin time (CEST, UTC+2)
        awaitTimers(instance, Map.of("reminder-due", "2036-04-04T06:00:00Z", "key-date-due", "2036-04-15T06:00:00Z"));
        JsonNode details = specialist.get("/api/key-dates/" + keyDateId).getBody();
        assertThat(details.get("timers").toString()).contains("reminder-due", "2036-04-04T06:00:00Z", "key-date-due", "2036-04-15T06:00:00Z");

        firesExactlyAt(instance, "reminder-due", "2036-04-04T06:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders.findByKeyDateIdOrderById(keyDateId).size() == 2);
        assertThat(reminders.findByKeyDateIdOrderById(keyDateId)).allSatisfy(r -> {
            assertThat(r.getOffsetDays()).isEqualTo(5);
            assertThat(r.getStatus()).isEqualTo("RECORDED"); // no mail server in the tests
            assertThat(r.getSubject()).isEqualTo("Key date reminder: biometrics-appointment on case " + opened.get("caseNumber").asText());
        }).extracting(KeyDateReminder::getRecipientRole).containsExactlyInAnyOrder("SPECIALIST", "EMPLOYEE");
        awaitTimers(instance, Map.of("reminder-due", "2036-04-10T06:00:00Z", "key-date-due", "2036-04-15T06:00:00Z"));

        for (String day : List.of("2036-04-05T06:00:00Z", "2036-04-06T06:00:00Z", "2036-04-07T06:00:00Z", "2036-04-08T06:00:00Z", "2036-04-09T06:00:00Z")) {
            clockAt(day);
            assertThat(dueJobs(instance)).as("jobs due at %s", day).isEmpty();
        }
        firesExactlyAt(instance, "reminder-due", "2036-04-10T06:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders.findByKeyDateIdOrderById(keyDateId).size() == 4);
        assertThat(reminders.findByKeyDateIdOrderById(keyDateId)).extracting(KeyDateReminder::getOffsetDays).containsExactly(5, 5, 1, 1);
        awaitTimers(instance, Map.of("key-date-due", "2036-04-15T06:00:00Z"));

        for (String day : List.of("2036-04-11T06:00:00Z", "2036-04-12T06:00:00Z", "2036-04-13T06:00:00Z", "2036-04-14T06:00:00Z")) {
            clockAt(day);
            assertThat(dueJobs(instance)).as("jobs due at %s", day).isEmpty();
        }
        firesExactlyAt(instance, "key-date-due", "2036-04-15T06:00:00Z"); // then the asynchronous join
        HistoricProcessInstance done = history().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(done.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(done.getEndActivityId()).isEqualTo("key-date-passed");
        assertThat(reminders.findByKeyDateIdOrderById(keyDateId)).hasSize(4);
    }

    @Test
    void thePermitRenewalStartsOnItsOwnAndAMovedExpiryReplansEverything() {
        Api specialist = Api.as(port, "specialist");
        JsonNode opened = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        long caseId = opened.get("id").asLong();
        String caseNumber = opened.get("caseNumber").asText();

        clockAt("2035-06-01T09:00:00Z");
        JsonNode permit = register(specialist, Map.of("caseId", caseId, "kind", "permit-expiry", "dueDate", "2036-03-02"));
        String first = permit.get("processInstanceId").asText();
        // calendar days: renewal 120 days ahead (Saturday 2035-11-03), reminders 90, 60, 30 and 7 days ahead; 08:00 CET = 07:00Z
        awaitTimers(first, Map.of("renewal-due", "2035-11-03T07:00:00Z", "reminder-due", "2035-12-03T07:00:00Z",
                "key-date-due", "2036-03-02T07:00:00Z"));

        firesExactlyAt(first, "renewal-due", "2035-11-03T07:00:00Z");
        Task renewal = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("renew-permit").singleResult();
        assertThat(renewal).as("renewal task of case %s", caseNumber).isNotNull();
        assertThat(renewal.getDueDate().toInstant()).isEqualTo(Instant.parse("2036-03-02T07:00:00Z"));
        assertThat(tasks().getIdentityLinksForTask(renewal.getId())).extracting(IdentityLink::getGroupId).contains("mobility-specialist");
        assertThat(specialist.caseDetails(caseId).get("openTasks").toString()).contains("renew-permit");
        // in the specialists' Tasklist (engine authorizations), not in the employee's; the form's rules hold
        String taskId = specialist.awaitTask(caseNumber, "renew-permit");
        assertThat(Api.as(port, "employee").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=renew-permit")
                .getBody()).isEmpty();
        assertThat(specialist.complete(taskId, Map.of("renewalAction", "maybe")).getStatusCode().value()).isEqualTo(400);

        // the renewed permit's expiry is registered: the old follow-up (and its renewal task) go, a new one is planned
        JsonNode moved = register(specialist, Map.of("caseId", caseId, "kind", "permit-expiry", "dueDate", "2036-09-01"));
        assertThat(moved.get("id").asLong()).isEqualTo(permit.get("id").asLong());
        String second = moved.get("processInstanceId").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(history().createHistoricProcessInstanceQuery().processInstanceId(first).singleResult().getDeleteReason())
                .isEqualTo("Key date rescheduled");
        assertThat(tasks().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("renew-permit").count()).isZero();
        // 2036-09-01 less 120 days is 2036-05-04, less 90 days 2036-06-03; 08:00 CEST = 06:00Z
        awaitTimers(second, Map.of("renewal-due", "2036-05-04T06:00:00Z", "reminder-due", "2036-06-03T06:00:00Z",
                "key-date-due", "2036-09-01T06:00:00Z"));

        // registering the same date again changes nothing
        JsonNode same = register(specialist, Map.of("caseId", caseId, "kind", "permit-expiry", "dueDate", "2036-09-01"));
        assertThat(same.get("processInstanceId").asText()).isEqualTo(second);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private JsonNode register(Api api, Map<String, Object> body) {
        ResponseEntity<JsonNode> r = api.post("/api/key-dates", body);
        assertThat(r.getStatusCode().value()).as("POST /api/key-dates: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    private static void clockAt(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    /** Waits until the instance's timers (activity -> due instant) are exactly these: the workers planned. */
    private void awaitTimers(String instance, Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, String> timers = new java.util.TreeMap<>();
            for (String activity : List.of("reminder-due", "renewal-due", "key-date-due")) {
                for (Job job : management().createJobQuery().processInstanceId(instance).activityId(activity).list()) {
                    timers.put(activity, job.getDuedate().toInstant().toString());
                }
            }
            assertThat(timers).isEqualTo(new java.util.TreeMap<>(expected));
        });
    }

    /** The instance's timers due at the engine clock (asynchronous continuations are run first, as the job executor would). */
    private List<Job> dueJobs(String instance) {
        runAsyncContinuations(instance);
        return management().createJobQuery().processInstanceId(instance).timers().executable().list();
    }

    /** One second before the instant no timer of the instance is due; at the instant exactly that one is, and it fires. */
    private void firesExactlyAt(String instance, String timer, String instant) {
        Instant at = Instant.parse(instant);
        ClockUtil.setCurrentTime(Date.from(at.minusSeconds(1)));
        assertThat(dueJobs(instance)).as("timers due a second before %s", instant).isEmpty();
        ClockUtil.setCurrentTime(Date.from(at));
        List<Job> due = dueJobs(instance);
        assertThat(due).as("timers due at %s", instant).hasSize(1);
        assertThat(management().createJobQuery().processInstanceId(instance).activityId(timer).timers().executable().count())
                .as("%s due at %s", timer, instant).isOne();
        management().executeJob(due.get(0).getId());
        runAsyncContinuations(instance);
    }

    private void runAsyncContinuations(String instance) {
        List<Job> jobs;
        while (!(jobs = management().createJobQuery().processInstanceId(instance).messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> management().executeJob(job.getId()));
        }
    }

    private ManagementService management() {
        return engine.getManagementService();
    }

    private RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    private HistoryService history() {
        return engine.getHistoryService();
    }

    private TaskService tasks() {
        return engine.getTaskService();
    }
}
