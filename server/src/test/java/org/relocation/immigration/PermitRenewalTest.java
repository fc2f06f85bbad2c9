package org.relocation.immigration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.PausedJobExecutor;
import org.relocation.ServerTest;
import org.relocation.relocationcase.CaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The permit renewal over HTTP: the renewal task the key date's follow-up opens asks, when the renewal was filed, for
 * the renewed permit's new expiry, and records the renewal; the traveller's permit validity and the key date move to the
 * new expiry and a new follow-up instance plans its reminders and next renewal, while the instance the renewal ran in
 * ends on its own (never deleted under its completing task). Bad input is a 400 naming the field.
 * <p>
 * The job executor is paused while the engine clock is moved (as in KeyDateFollowUpTest); the workers keep running.
 */
@ServerTest
@ExtendWith(PausedJobExecutor.class)
class PermitRenewalTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseService cases;
    @Autowired
    TransactionTemplate tx;


    @Test
    void aFiledRenewalRecordsTheNewExpiryAndReplansTheKeyDate() {
        Api specialist = Api.as(port, "specialist");
        JsonNode opened = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        long caseId = opened.get("id").asLong();
        String caseNumber = opened.get("caseNumber").asText();

        clockAt("2035-06-01T09:00:00Z");
        JsonNode permit = register(specialist, Map.of("caseId", caseId, "kind", "permit-expiry", "dueDate", "2036-03-02"));
        long keyDateId = permit.get("id").asLong();
        String first = permit.get("processInstanceId").asText();
        awaitTimers(first, Map.of("renewal-due", "2035-11-03T07:00:00Z", "reminder-due", "2035-12-03T07:00:00Z",
                "key-date-due", "2036-03-02T07:00:00Z"));
        firesExactlyAt(first, "2035-11-03T07:00:00Z");
        String task = specialist.awaitTask(caseNumber, "renew-permit");

        // filed needs the new expiry, after the current one and within ten years; not needed needs a reason: 400 naming the field
        ResponseEntity<JsonNode> noExpiry = specialist.complete(task, Map.of("renewalAction", "filed"));
        assertThat(noExpiry.getStatusCode().value()).as("%s", noExpiry.getBody()).isEqualTo(400);
        assertThat(noExpiry.getBody().get("fieldErrors").get("pd_newPermitExpiry").asText()).contains("required");
        ResponseEntity<JsonNode> earlier = specialist.complete(task, Map.of("renewalAction", "filed", "pd_newPermitExpiry", "2036-03-02"));
        assertThat(earlier.getStatusCode().value()).isEqualTo(400);
        assertThat(earlier.getBody().get("fieldErrors").get("pd_newPermitExpiry").asText()).contains("after the current expiry")
                .doesNotContain("2036");
        String tooFar = LocalDate.now(ZoneOffset.UTC).plusYears(10).plusDays(2).toString();
        ResponseEntity<JsonNode> far = specialist.complete(task, Map.of("renewalAction", "filed", "pd_newPermitExpiry", tooFar));
        assertThat(far.getStatusCode().value()).isEqualTo(400);
        assertThat(far.getBody().get("fieldErrors").get("pd_newPermitExpiry").asText()).contains("ten years");
        ResponseEntity<JsonNode> notADate = specialist.complete(task, Map.of("renewalAction", "filed", "pd_newPermitExpiry", "next spring"));
        assertThat(notADate.getStatusCode().value()).as("%s", notADate.getBody()).isEqualTo(400);
        assertThat(notADate.getBody().get("fieldErrors").has("pd_newPermitExpiry")).isTrue();
        ResponseEntity<JsonNode> noReason = specialist.complete(task, Map.of("renewalAction", "not-needed"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("fieldErrors").get("renewalNotes").asText()).contains("required");
        assertThat(specialist.caseDetails(caseId).get("permitRenewals")).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(first).count()).as("still followed").isOne();

        // filed with the new expiry: recorded, the traveller's permit and the key date move, a new instance follows the date
        specialist.completeTask(caseNumber, "renew-permit", Map.of("renewalAction", "filed", "pd_newPermitExpiry", "2036-09-01",
                "pd_applicationReference", "REN-DE-2035-77", "renewalNotes", "Filed with counsel by the portal"));
        JsonNode details = specialist.caseDetails(caseId);
        JsonNode renewal = details.get("permitRenewals").get(0);
        assertThat(renewal.get("action").asText()).isEqualTo("FILED");
        assertThat(renewal.get("keyDateKind").asText()).isEqualTo("permit-expiry");
        assertThat(renewal.get("previousExpiry").asText()).isEqualTo("2036-03-02");
        assertThat(renewal.get("newExpiry").asText()).isEqualTo("2036-09-01");
        assertThat(renewal.get("applicationReference").asText()).isEqualTo("REN-DE-2035-77");
        assertThat(renewal.get("notes").asText()).isEqualTo("Filed with counsel by the portal");
        assertThat(renewal.get("recordedBy").asText()).isEqualTo("specialist");
        long employee = tx.execute(s -> cases.get(caseId).employee().getId());
        assertThat(renewal.get("travellerId").asLong()).isEqualTo(employee);
        assertThat(permitValidUntil(caseId)).hasToString("2036-09-01");
        assertThat(details.get("keyDates")).anySatisfy(k -> {
            assertThat(k.get("kind").asText()).isEqualTo("permit-expiry");
            assertThat(k.get("dueDate").asText()).isEqualTo("2036-09-01");
        });

        // the instance the renewal ran in ended itself with its timers; the new one plans the new date
        HistoricProcessInstance old = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(first).singleResult();
        assertThat(old.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(old.getEndActivityId()).isEqualTo("follow-up-handed-over");
        assertThat(management().createJobQuery().processInstanceId(first).count()).isZero();
        String second = specialist.get("/api/key-dates/" + keyDateId).getBody().get("processInstanceId").asText();
        assertThat(second).isNotEqualTo(first);
        // 2036-09-01 less 120 days is 2036-05-04, less 90 days 2036-06-03; 08:00 CEST = 06:00Z
        awaitTimers(second, Map.of("renewal-due", "2036-05-04T06:00:00Z", "reminder-due", "2036-06-03T06:00:00Z",
                "key-date-due", "2036-09-01T06:00:00Z"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("renew-permit").count())
                .isZero();

        // the employee reads their own renewal (field group PERSONAL) without the specialist's notes (NOTES)
        JsonNode own = Api.as(port, "employee").caseDetails(caseId).get("permitRenewals").get(0);
        assertThat(own.get("newExpiry").asText()).isEqualTo("2036-09-01");
        assertThat(own.has("notes")).isFalse();
    }

    @Test
    void noRenewalNeededIsRecordedWithItsReasonAndTheDateStaysFollowed() {
        Api specialist = Api.as(port, "specialist");
        JsonNode opened = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        long caseId = opened.get("id").asLong();
        String caseNumber = opened.get("caseNumber").asText();

        clockAt("2035-06-01T09:00:00Z");
        JsonNode permit = register(specialist, Map.of("caseId", caseId, "kind", "permit-expiry", "dueDate", "2036-03-02"));
        String instance = permit.get("processInstanceId").asText();
        awaitTimers(instance, Map.of("renewal-due", "2035-11-03T07:00:00Z", "reminder-due", "2035-12-03T07:00:00Z",
                "key-date-due", "2036-03-02T07:00:00Z"));
        firesExactlyAt(instance, "2035-11-03T07:00:00Z");
        specialist.completeTask(caseNumber, "renew-permit", Map.of("renewalAction", "not-needed",
                "renewalNotes", "The assignment ends before the expiry"));

        JsonNode renewal = specialist.caseDetails(caseId).get("permitRenewals").get(0);
        assertThat(renewal.get("action").asText()).isEqualTo("NOT_NEEDED");
        assertThat(renewal.has("newExpiry")).isFalse();
        assertThat(renewal.get("notes").asText()).isEqualTo("The assignment ends before the expiry");
        assertThat(permitValidUntil(caseId)).isNull();
        // the same instance still follows the date: its reminders and the date itself
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
        assertThat(specialist.get("/api/key-dates/" + permit.get("id").asLong()).getBody().get("processInstanceId").asText()).isEqualTo(instance);
        awaitTimers(instance, Map.of("reminder-due", "2035-12-03T07:00:00Z", "key-date-due", "2036-03-02T07:00:00Z"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private JsonNode register(Api api, Map<String, Object> body) {
        ResponseEntity<JsonNode> r = api.post("/api/key-dates", body);
        assertThat(r.getStatusCode().value()).as("POST /api/key-dates: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    private LocalDate permitValidUntil(long caseId) {
        return tx.execute(s -> cases.get(caseId).employee().getPermitValidUntil());
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

    /** Moves the engine clock to the instant and fires the instance's one timer due then (the renewal). */
    private void firesExactlyAt(String instance, String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
        List<Job> due = management().createJobQuery().processInstanceId(instance).timers().executable().list();
        assertThat(due).as("timers due at %s", instant).hasSize(1);
        management().executeJob(due.get(0).getId());
        List<Job> jobs;
        while (!(jobs = management().createJobQuery().processInstanceId(instance).messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> management().executeJob(job.getId()));
        }
    }

    private ManagementService management() {
        return engine.getManagementService();
    }
}
