package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * The key-date process (relocation-key-date.bpmn) and its renewal sub-process (relocation-permit-renewal.bpmn):
 * the reminders, the renewal and the date itself are engine timers that fire at exactly the instants the
 * plan-key-date worker sets, not a second earlier, as the engine clock moves; and they are rows in the engine's
 * database, so a restart between scheduling and firing loses nothing.
 * <p>
 * The instants below are what the worker computes for a biometrics appointment on Tuesday 2036-04-15 in Germany
 * (reminders 5 and 1 business days ahead at 08:00 Berlin time: Friday 04-04 and Thursday 04-10, because Good Friday
 * 04-11, the weekend and Easter Monday 04-14 are no business days; see ReminderPolicyTest in the workers), with a
 * renewal lead added to exercise the renewal branch.
 */
class KeyDateProcessTest extends ProcessTestSupport {

  static final String PROCESS = "relocation-key-date";
  static final Instant REGISTERED = Instant.parse("2036-03-20T10:00:00Z");
  static final Instant RENEWAL = Instant.parse("2036-04-01T06:00:00Z");
  static final Instant FIVE_DAYS_AHEAD = Instant.parse("2036-04-04T06:00:00Z");
  static final Instant ONE_DAY_AHEAD = Instant.parse("2036-04-10T06:00:00Z");
  static final Instant DUE = Instant.parse("2036-04-15T06:00:00Z");

  static Map<String, Object> startVariables() {
    return Map.of("caseId", 4711L, "keyDateId", "42");
  }

  /** What the plan-key-date worker completes with. */
  static Map<String, Object> plan(boolean active, Instant nextReminder, Integer offset, Instant renewal, Instant due) {
    Map<String, Object> v = new HashMap<>();
    v.put("keyDateActive", active);
    v.put("reminderPending", nextReminder != null);
    v.put("nextReminderAt", nextReminder == null ? null : nextReminder.toString());
    v.put("reminderOffsetDays", offset == null ? null : offset.toString());
    v.put("renewalRequired", renewal != null);
    v.put("renewalAt", renewal == null ? null : renewal.toString());
    v.put("dueAt", due == null ? null : due.toString());
    return v;
  }

  static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static Instant due(Job job) {
    return job.getDuedate().toInstant();
  }

  /** Moves the clock to one second before the instant (nothing fires), then to the instant (exactly one timer fires). */
  static void firesExactlyAt(JourneyDriver keyDate, Instant instant, String timerId) {
    clockAt(instant.minusSeconds(1));
    assertThat(keyDate.executeDueTimers()).as("timers due a second before %s", instant).isZero();
    clockAt(instant);
    assertThat(ENGINE.getManagementService().createJobQuery().timers().executable().activityId(timerId).count())
        .as("%s executable at %s", timerId, instant).isOne();
    assertThat(keyDate.executeDueTimers()).as("timers due at %s", instant).isOne();
    keyDate.executeAsyncContinuations();
  }

  @Test
  void remindersRenewalAndTheDateFireAtTheirInstantsAsTheClockMovesAcrossEaster() {
    clockAt(REGISTERED);
    JourneyDriver keyDate = newCase();
    keyDate.start(PROCESS, startVariables());

    LockedExternalTask planning = keyDate.fetchExternalTask("plan-key-date");
    assertThat(planning.getVariables().get("plannedAt")).as("the engine clock, for the worker").isEqualTo(REGISTERED.toString());
    assertThat(planning.getVariables().get("keyDateId")).isEqualTo("42");
    ENGINE.getExternalTaskService().complete(planning.getId(), JourneyDriver.WORKER_ID, plan(true, FIVE_DAYS_AHEAD, 5, RENEWAL, DUE));

    // three timers wait in ACT_RU_JOB, one per branch, at the planned instants
    List<Job> timers = keyDate.timerJobs();
    assertThat(timers).extracting(KeyDateProcessTest::due).containsExactlyInAnyOrder(FIVE_DAYS_AHEAD, RENEWAL, DUE);
    keyDate.assertWaitingAt("reminder-due", "renewal-due", "key-date-due");

    // the renewal starts on its own at its lead time: a task for the specialists, due when the permit expires
    firesExactlyAt(keyDate, RENEWAL, "renewal-due");
    Task renewal = keyDate.userTask("renew-permit").hasCandidateGroup("mobility-specialist").task();
    assertThat(renewal.getDueDate().toInstant()).isEqualTo(DUE);
    keyDate.assertRunning("relocation-permit-renewal");

    // the 5-business-day reminder
    firesExactlyAt(keyDate, FIVE_DAYS_AHEAD, "reminder-due");
    LockedExternalTask send = keyDate.fetchExternalTask("send-key-date-reminder");
    assertThat(send.getVariables().get("reminderOffsetDays")).isEqualTo("5");
    ENGINE.getExternalTaskService().complete(send.getId(), JourneyDriver.WORKER_ID);
    LockedExternalTask next = keyDate.fetchExternalTask("plan-key-date");
    assertThat(next.getActivityId()).isEqualTo("plan-next-reminder");
    assertThat(next.getVariables().get("plannedAt")).isEqualTo(FIVE_DAYS_AHEAD.toString());
    ENGINE.getExternalTaskService().complete(next.getId(), JourneyDriver.WORKER_ID, plan(true, ONE_DAY_AHEAD, 1, null, DUE));

    // nothing fires over the weekend and the days before the 1-business-day reminder
    for (Instant day = FIVE_DAYS_AHEAD.plus(Duration.ofHours(12)); day.isBefore(ONE_DAY_AHEAD); day = day.plus(Duration.ofHours(12))) {
      clockAt(day);
      assertThat(keyDate.executeDueTimers()).as("timers due at %s", day).isZero();
    }
    firesExactlyAt(keyDate, ONE_DAY_AHEAD, "reminder-due");
    keyDate.completeExternalTask("send-key-date-reminder");
    keyDate.completeExternalTask("plan-key-date", plan(true, null, null, null, DUE));
    keyDate.assertWaitingAt("key-date-due", "renew-permit").assertNotWaitingAt("reminder-due");

    // no renewal needed: the date itself is still followed
    keyDate.userTask("renew-permit").complete(Map.of("renewalAction", "not-needed"));
    keyDate.assertEndedAt("relocation-permit-renewal", "permit-renewal-done");
    keyDate.assertPassed("permit-renewed-gateway").assertNotReached("follow-up-handed-over");

    // Good Friday, the Easter weekend and Easter Monday: nothing happens until the date itself
    for (String day : List.of("2036-04-11T06:00:00Z", "2036-04-12T06:00:00Z", "2036-04-13T06:00:00Z", "2036-04-14T06:00:00Z")) {
      clockAt(Instant.parse(day));
      assertThat(keyDate.executeDueTimers()).as("timers due at %s", day).isZero();
    }
    firesExactlyAt(keyDate, DUE, "key-date-due");
    keyDate.assertEndedAt(PROCESS, "key-date-passed");
    keyDate.assertPassedTimes("send-key-date-reminder", 2);
    keyDate.assertCaseFinished();
  }

  /**
   * A renewal filed with the new expiry: the renew-permit form's handler moved the key date and started a new instance
   * for it, so this instance ends (terminate end event) with its reminder and due-date timers; nothing is deleted while
   * the renewal task completes. The renewal task knows its key date.
   */
  @Test
  void aFiledRenewalHandsTheFollowUpOverAndEndsWithItsTimers() {
    clockAt(REGISTERED);
    JourneyDriver keyDate = newCase();
    keyDate.start(PROCESS, startVariables());
    keyDate.completeExternalTask("plan-key-date", plan(true, FIVE_DAYS_AHEAD, 5, RENEWAL, DUE));
    firesExactlyAt(keyDate, RENEWAL, "renewal-due");
    Task renewal = keyDate.userTask("renew-permit").task();
    assertThat(ENGINE.getTaskService().getVariable(renewal.getId(), "keyDateId")).as("the task's key date").isEqualTo("42");
    keyDate.assertWaitingAt("reminder-due", "key-date-due", "renew-permit");

    keyDate.userTask("renew-permit").complete(Map.of("renewalAction", "filed"));
    keyDate.assertEndedAt("relocation-permit-renewal", "permit-renewal-done");
    keyDate.assertEndedAt(PROCESS, "follow-up-handed-over");
    keyDate.assertNotReached("renewal-merge", "follow-join", "key-date-passed", "send-key-date-reminder");
    assertThat(keyDate.timerJobs()).as("the old date's timers").isEmpty();
    keyDate.assertCaseFinished();
  }

  @Test
  void aKeyDateNoLongerFollowedEndsAtOnce() {
    JourneyDriver keyDate = newCase();
    keyDate.start(PROCESS, startVariables());
    keyDate.completeExternalTask("plan-key-date", plan(false, null, null, null, null));
    keyDate.assertEndedAt(PROCESS, "key-date-dropped");
    keyDate.assertNotReached("follow-split");
    keyDate.assertCaseFinished();
  }

  @Test
  void withoutRemindersOrRenewalLeftOnlyTheDateIsAwaited() {
    clockAt(REGISTERED);
    JourneyDriver keyDate = newCase();
    keyDate.start(PROCESS, startVariables());
    keyDate.completeExternalTask("plan-key-date", plan(true, null, null, null, DUE));
    assertThat(keyDate.timerJobs()).extracting(KeyDateProcessTest::due).containsExactly(DUE);
    keyDate.assertNotReached("reminder-due", "renewal-due", "permit-renewal");
    firesExactlyAt(keyDate, DUE, "key-date-due");
    keyDate.assertEndedAt(PROCESS, "key-date-passed");
  }

  @Test
  void aRestartBetweenSchedulingAndFiringLosesNothing(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("engine").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    clockAt(REGISTERED);
    ProcessEngine before = engine(url, "key-date-before-restart");
    String instanceId;
    List<Instant> scheduled;
    try {
      before.getRepositoryService().createDeployment().name("key-date-restart")
          .addClasspathResource("processes/relocation-key-date.bpmn")
          .addClasspathResource("processes/relocation-permit-renewal.bpmn")
          .addClasspathResource("forms/renew-permit.form")
          .deploy();
      ProcessInstance instance = before.getRuntimeService().startProcessInstanceByKey(PROCESS, "RC-2036-000001", startVariables());
      instanceId = instance.getId();
      LockedExternalTask planning = before.getExternalTaskService().fetchAndLock(1, "worker").topic("plan-key-date", 60_000).execute().get(0);
      before.getExternalTaskService().complete(planning.getId(), "worker", plan(true, FIVE_DAYS_AHEAD, 5, RENEWAL, DUE));
      scheduled = before.getManagementService().createJobQuery().processInstanceId(instanceId).timers().list().stream()
          .map(KeyDateProcessTest::due).toList();
      assertThat(scheduled).containsExactlyInAnyOrder(FIVE_DAYS_AHEAD, RENEWAL, DUE);
    } finally {
      before.close(); // the node goes down: nothing of the schedule lives in its memory
    }

    ProcessEngine after = engine(url, "key-date-after-restart");
    try {
      var jobs = after.getManagementService();
      assertThat(jobs.createJobQuery().processInstanceId(instanceId).timers().list()).extracting(KeyDateProcessTest::due)
          .containsExactlyInAnyOrderElementsOf(scheduled);
      clockAt(FIVE_DAYS_AHEAD.minusSeconds(1));
      assertThat(jobs.createJobQuery().processInstanceId(instanceId).activityId("reminder-due").executable().count()).isZero();
      clockAt(FIVE_DAYS_AHEAD);
      // the renewal (due 04-01) and the 5-day reminder are both due now
      List<Job> due = jobs.createJobQuery().processInstanceId(instanceId).executable().list();
      assertThat(due).hasSize(2);
      due.forEach(job -> jobs.executeJob(job.getId()));
      assertThat(after.getExternalTaskService().createExternalTaskQuery().topicName("send-key-date-reminder").count()).isOne();
      assertThat(after.getTaskService().createTaskQuery().taskDefinitionKey("renew-permit").count()).isOne();
      assertThat(jobs.createJobQuery().processInstanceId(instanceId).timers().list()).extracting(KeyDateProcessTest::due)
          .containsExactly(DUE);
    } finally {
      after.close();
    }
  }

  /** A process engine of its own on a database file, as a server node would run it (no job executor: the test fires jobs). */
  private static ProcessEngine engine(String jdbcUrl, String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.getProcessEnginePlugins().add(new ModelFunctionsPlugin());
    return configuration
        .setProcessEngineName(name)
        .setJdbcUrl(jdbcUrl)
        .setJdbcDriver("org.h2.Driver")
        .setJdbcUsername("sa")
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .buildProcessEngine();
  }
}
