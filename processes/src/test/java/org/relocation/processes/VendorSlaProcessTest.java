package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;

/**
 * The vendor SLA models: the watcher (relocation-vendor-sla-watch.bpmn) starts on its timer's cycle (the model setting
 * vendor-sla-watch-cycle, default every 15 minutes) and hands its worker the engine's time; an escalation
 * (relocation-vendor-escalation.bpmn) gives the case's specialists resolve-vendor-delay, which knows its order (a task
 * variable), and ends when they decide. Variables are ids and the check time only.
 */
class VendorSlaProcessTest extends ProcessTestSupport {

  @Test
  void theWatcherRunsEveryCycleAndGivesItsWorkerTheEngineTime() {
    Job timer = ENGINE.getManagementService().createJobQuery().timers().activityId("vendor-sla-watch-due").singleResult();
    assertThat(timer).as("the timer start event's job, created with the deployment").isNotNull();

    ClockUtil.setCurrentTime(timer.getDuedate());
    ENGINE.getManagementService().executeJob(timer.getId());
    java.util.List<LockedExternalTask> tasks = ENGINE.getExternalTaskService().fetchAndLock(10, "test")
        .topic("check-vendor-slas", 60_000).variables("slaCheckAt").execute();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).getVariables().getValue("slaCheckAt", String.class)).isEqualTo(timer.getDuedate().toInstant().toString());
    ENGINE.getExternalTaskService().complete(tasks.get(0).getId(), "test");
    assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery().activityId("vendor-slas-checked").count()).isEqualTo(1);

    Job next = ENGINE.getManagementService().createJobQuery().timers().activityId("vendor-sla-watch-due").singleResult();
    assertThat(Duration.between(timer.getDuedate().toInstant(), next.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void anEscalationAsksTheSpecialistsAboutItsOrderAndEndsWithTheirChoice() {
    JourneyDriver escalation = newCase();
    escalation.start("relocation-vendor-escalation", Map.of("caseId", 4711L, "serviceOrderId", 42L));
    var task = escalation.userTask("resolve-vendor-delay").hasCandidateGroup("mobility-specialist");
    assertThat(ENGINE.getRuntimeService().getVariableLocal(task.task().getExecutionId(), "serviceOrderId")).as("the task's order").isEqualTo(42L);
    task.complete(Map.of("vendorDelayChoice", "wait", "newConfirmationDate", "2026-03-20"));
    escalation.assertEndedAt("relocation-vendor-escalation", "vendor-delay-resolved");
  }

  @Test
  void aReQuoteEndsTheEscalationToo() {
    JourneyDriver escalation = newCase();
    escalation.start("relocation-vendor-escalation", Map.of("caseId", 4712L, "serviceOrderId", 43L));
    escalation.userTask("resolve-vendor-delay").complete(Map.of("vendorDelayChoice", "requote"));
    escalation.assertEndedAt("relocation-vendor-escalation", "vendor-delay-resolved");
  }
}
