package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A compensation change (relocation-compensation-change.bpmn), every path: finance's task knows its change (a task
 * variable); rejected it ends; approved it is sent to the providers, whose aggregated answer (payrollOutcome: every
 * provider confirmed, or one refused) applies it or reports the refusal; an SLA breach tells the specialists and the
 * answer is still awaited; a refusal goes to finance, who corrects the change (resent, as a new version, to every
 * provider) or withdraws it. The change's amounts never reach the process: its variables are ids and flags only.
 */
class CompensationChangeProcessTest extends ProcessTestSupport {

  static final String PROCESS = "relocation-compensation-change";
  static final Map<String, Object> START = Map.of("caseId", 4711L, "changeVersion", 2);

  private JourneyDriver approved() {
    JourneyDriver change = newCase();
    change.start(PROCESS, START);
    var task = change.userTask("approve-compensation-change").hasCandidateGroup("finance");
    assertThat(ENGINE.getRuntimeService().getVariableLocal(task.task().getExecutionId(), "changeVersion")).as("the task's change").isEqualTo(2);
    task.complete(Map.of("changeDecision", "approve"));
    change.completeExternalTask("send-compensation-change");
    change.assertWaitingAt("await-compensation-change-answer").assertRunning(PROCESS);
    return change;
  }

  private void idsAndFlagsOnly(JourneyDriver change, String... more) {
    java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("caseId", "changeVersion", "changeDecision"));
    expected.addAll(java.util.List.of(more));
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(change.historicInstance(PROCESS).getId()).list())
        .extracting(v -> v.getName()).as("ids and flags only").containsOnlyElementsOf(expected);
  }

  @Test
  @DisplayName("finance rejects the change: it ends, nothing is sent")
  void rejectedByFinance() {
    JourneyDriver change = newCase();
    change.start(PROCESS, START);
    change.userTask("approve-compensation-change").complete(Map.of("changeDecision", "reject", "changeComment", "Salary review not signed"));

    change.assertEndedAt(PROCESS, "compensation-change-rejected").assertNotReached("send-compensation-change", "correct-compensation-change");
    idsAndFlagsOnly(change, "changeComment");
  }

  @Test
  @DisplayName("finance approves, every provider confirms: the change applies (ledger follows)")
  void approvedAndConfirmed() {
    JourneyDriver change = approved();
    change.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    change.completeExternalTask("apply-compensation-change");

    change.assertEndedAt(PROCESS, "compensation-change-in-force")
        .assertNotReached("report-compensation-change-refusal", "remind-compensation-change-provider");
    idsAndFlagsOnly(change, "payrollOutcome");
  }

  /** Approved, sent, one provider refuses: the specialists are told and finance's correction task knows the refused change. */
  private JourneyDriver refused() {
    JourneyDriver change = approved();
    change.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "rejected"));
    change.completeExternalTask("report-payroll-refusal");
    change.assertPassed("report-compensation-change-refusal").assertNotReached("apply-compensation-change");
    var task = change.userTask("correct-compensation-change").hasCandidateGroup("finance");
    assertThat(ENGINE.getRuntimeService().getVariableLocal(task.task().getExecutionId(), "changeVersion")).as("the refused change").isEqualTo(2);
    return change;
  }

  @Test
  @DisplayName("one provider refuses, finance corrects: the new version is sent to the providers again and takes effect")
  void refusedCorrectedAndConfirmed() {
    JourneyDriver change = refused();
    change.userTask("correct-compensation-change").complete(Map.of("correctionDecision", "correct",
        "correctionNote", "Effective date moved to the first of the month"));
    // the send worker names the version it sent: the corrected change is version 3
    change.completeExternalTask("send-compensation-change", Map.of("changeVersion", 3));
    change.assertWaitingAt("await-compensation-change-answer").assertRunning(PROCESS);
    assertThat(change.variable(PROCESS, "changeVersion")).as("the corrected version").isEqualTo(3);
    change.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    change.completeExternalTask("apply-compensation-change");

    change.assertEndedAt(PROCESS, "compensation-change-in-force").assertNotReached("compensation-change-withdrawn");
    idsAndFlagsOnly(change, "payrollOutcome", "correctionDecision", "correctionNote");
  }

  @Test
  @DisplayName("refused, corrected, refused again: the correction task names the corrected version, then it is withdrawn")
  void refusedTwiceThenWithdrawn() {
    JourneyDriver change = refused();
    change.userTask("correct-compensation-change").complete(Map.of("correctionDecision", "correct", "correctionNote", "Corrected date"));
    change.completeExternalTask("send-compensation-change", Map.of("changeVersion", 3));
    change.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "rejected"));
    change.completeExternalTask("report-payroll-refusal");
    var again = change.userTask("correct-compensation-change");
    assertThat(ENGINE.getRuntimeService().getVariableLocal(again.task().getExecutionId(), "changeVersion")).isEqualTo(3);
    again.complete(Map.of("correctionDecision", "withdraw", "correctionNote", "The salary review is postponed"));

    change.assertEndedAt(PROCESS, "compensation-change-withdrawn").assertNotReached("apply-compensation-change");
  }

  @Test
  @DisplayName("one provider refuses, finance withdraws the change: it ends, nothing is applied")
  void refusedAndWithdrawn() {
    JourneyDriver change = refused();
    change.userTask("correct-compensation-change").complete(Map.of("correctionDecision", "withdraw",
        "correctionNote", "The salary review is postponed"));

    change.assertEndedAt(PROCESS, "compensation-change-withdrawn").assertNotReached("apply-compensation-change");
    idsAndFlagsOnly(change, "payrollOutcome", "correctionDecision", "correctionNote");
  }

  @Test
  @DisplayName("the providers silent for 5 days: the specialists are told, the answers are still awaited")
  void providerSlaBreached() {
    JourneyDriver change = approved();
    change.moveClockBy(Duration.ofDays(4));
    assertThat(change.executeDueTimers()).as("timers due after 4 days").isZero();
    change.moveClockBy(Duration.ofDays(1).plusMinutes(1));
    assertThat(change.executeDueTimers()).as("timers due after 5 days").isEqualTo(1);
    change.completeExternalTask("remind-payroll-provider");
    change.assertPassed("compensation-change-provider-sla-breached", "compensation-change-provider-reminded")
        .assertWaitingAt("await-compensation-change-answer");

    change.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    change.completeExternalTask("apply-compensation-change");
    change.assertEndedAt(PROCESS, "compensation-change-in-force");
  }
}
