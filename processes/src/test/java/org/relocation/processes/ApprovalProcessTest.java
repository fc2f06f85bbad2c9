package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.processes.JourneyDriver.ApprovalStep;
import org.relocation.processes.JourneyDriver.Routing;
import org.relocation.processes.JourneyDriver.UserTaskStep;

/**
 * Every path of the approval process {@code relocation-approval}, started on its own: the routing worker says which
 * approvals the case needs; each approver approves, rejects or sends back; each step is reminded after 2 days and
 * escalated after 3 without interrupting the approver. The rejections, whose BPMN error the main process catches,
 * and the send-back loop through the main process are in {@link RelocationProcessTest}.
 */
class ApprovalProcessTest extends ProcessTestSupport {

  private static final String[] ALL_STEPS_AND_TASKS = {"approve-policy-exception", "update-estimate", "approve-budget",
      "approve-transfer"};

  @Test
  @DisplayName("manager only: approved, recorded, granted; the manager's timers are removed with the task")
  void managerOnlyApproves() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.assertWaitingAt("route-approval");
    journey.routeApproval(Routing.MANAGER_ONLY);

    journey.assertWaitingAt("approve-relocation");
    assertThat(journey.timerJobs()).extracting(Job::getDuedate).containsExactlyInAnyOrder(
        Date.from(TEST_START.plus(Duration.ofDays(2))), Date.from(TEST_START.plus(Duration.ofDays(3))));
    journey.decide(ApprovalStep.MANAGER, "approve");
    assertThat(journey.timerJobs()).as("timers once the manager decided").isEmpty();
    journey.assertWaitingAt("record-approval");
    journey.recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassed("manager-decision-gateway", "exceptions-gateway", "exceptions-merge", "finance-gateway",
            "finance-merge", "second-level-gateway", "second-level-merge", "record-approval")
        .assertNotReached(ALL_STEPS_AND_TASKS)
        .assertNotReached("remind-approve-relocation", "escalate-approve-relocation")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-approval")).containsEntry("approvalOutcome", "approved")
        .containsEntry("managerDecision", "approve");
  }

  @Test
  @DisplayName("manager sends back: ends at approval-sent-back-by-manager with the outcome and the comment for intake")
  void managerSendsBack() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.everything("7")).decide(ApprovalStep.MANAGER, "send-back");

    journey.assertEndedAt("relocation-approval", "approval-sent-back-by-manager")
        .assertNotReached("approval-rejected-by-manager", "exceptions-gateway", "record-approval", "approval-granted")
        .assertNotReached(ALL_STEPS_AND_TASKS)
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-approval")).containsEntry("approvalOutcome", "sent-back")
        .as("the approver's comment is kept in the case records, never copied into a variable")
        .doesNotContainKey("sendBackComment");
  }

  @Test
  @DisplayName("policy exceptions 7 and 9: one HR-lead task each (local exceptionId), then the estimate is updated")
  void policyExceptionsAreDecidedByTheHrLead() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.exceptions("7", "9")).decide(ApprovalStep.MANAGER, "approve");

    List<UserTaskStep> tasks = journey.userTasks("approve-policy-exception", 2);
    tasks.forEach(task -> task.hasCandidateGroup("hr-lead"));
    assertThat(tasks).extracting(task -> ENGINE.getRuntimeService().getVariableLocal(task.task().getExecutionId(), "exceptionId"))
        .containsExactlyInAnyOrder("7", "9");
    assertThat(tasks).extracting(task -> ENGINE.getTaskService().getVariable(task.task().getId(), "exceptionId"))
        .as("the task form sees its exception").containsExactlyInAnyOrder("7", "9");
    assertThat(journey.variable("relocation-approval", "exceptionId")).as("exceptionId stays local").isNull();

    UserTaskStep first = tasks.stream()
        .filter(t -> "7".equals(ENGINE.getRuntimeService().getVariableLocal(t.task().getExecutionId(), "exceptionId")))
        .findFirst().orElseThrow();
    first.complete(Map.of("exceptionDecision", "approve", "exceptionComment", "Housing cap exceeded for a reason"));
    journey.assertWaitingAt("approve-policy-exception").assertNotReached("update-estimate");
    journey.userTask("approve-policy-exception").hasCandidateGroup("hr-lead")
        .complete(Map.of("exceptionDecision", "reject", "exceptionComment", "Second car not covered"));

    journey.assertWaitingAt("update-estimate").assertNotWaitingAt("approve-policy-exception");
    journey.completeExternalTaskWithLocals("estimate-relocation-cost", Map.of("estimateReason", "policy exceptions decided"),
        Map.of("estimateExceedsBudget", false));
    journey.recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassedTimes("approve-policy-exception", 2)
        .assertPassed("exceptions-gateway", "update-estimate", "exceptions-merge", "finance-merge", "second-level-merge")
        .assertNotReached("approve-budget", "approve-transfer")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("finance needed and approves: granted after the manager and finance")
  void financeApproves() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.FINANCE).decide(ApprovalStep.MANAGER, "approve");
    journey.assertWaitingAt("approve-budget").assertNotReached("approve-policy-exception");
    journey.decide(ApprovalStep.FINANCE, "approve").recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassed("finance-gateway", "approve-budget", "finance-decision-gateway", "finance-merge", "record-approval")
        .assertNotReached("approve-policy-exception", "update-estimate", "approve-transfer")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("finance sends back: ends at approval-sent-back-by-finance with finance's comment")
  void financeSendsBack() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(new Routing(true, true, List.of())).decide(ApprovalStep.MANAGER, "approve")
        .decide(ApprovalStep.FINANCE, "send-back");

    journey.assertEndedAt("relocation-approval", "approval-sent-back-by-finance")
        .assertNotReached("approval-rejected-by-finance", "finance-merge", "approve-transfer", "record-approval")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-approval")).containsEntry("approvalOutcome", "sent-back")
        .as("the approver's comment is kept in the case records, never copied into a variable")
        .doesNotContainKey("sendBackComment");
  }

  @Test
  @DisplayName("second level needed and approves: granted after the manager and the senior manager")
  void secondLevelApproves() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.SECOND_LEVEL).decide(ApprovalStep.MANAGER, "approve");
    journey.assertWaitingAt("approve-transfer").assertNotReached("approve-budget");
    journey.decide(ApprovalStep.SECOND_LEVEL, "approve").recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassed("second-level-gateway", "approve-transfer", "second-level-decision-gateway", "second-level-merge")
        .assertNotReached("approve-policy-exception", "update-estimate", "approve-budget")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("second level sends back: ends at approval-sent-back-by-second-level with its comment")
  void secondLevelSendsBack() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.SECOND_LEVEL).decide(ApprovalStep.MANAGER, "approve")
        .decide(ApprovalStep.SECOND_LEVEL, "send-back");

    journey.assertEndedAt("relocation-approval", "approval-sent-back-by-second-level")
        .assertNotReached("approval-rejected-by-second-level", "second-level-merge", "record-approval")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-approval")).containsEntry("approvalOutcome", "sent-back")
        .as("the approver's comment is kept in the case records, never copied into a variable")
        .doesNotContainKey("sendBackComment");
  }

  @Test
  @DisplayName("everything needed: manager, HR lead, estimate update, finance, second level, in this order")
  void allApprovalsInOrder() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.everything("12"));

    assertOnlyOpenTask(journey, "approve-relocation");
    journey.decide(ApprovalStep.MANAGER, "approve");
    assertOnlyOpenTask(journey, "approve-policy-exception");
    assertThat(ENGINE.getRuntimeService().getVariableLocal(
        journey.userTask("approve-policy-exception").task().getExecutionId(), "exceptionId")).isEqualTo("12");
    journey.decide(ApprovalStep.POLICY_EXCEPTION, "approve");
    journey.assertWaitingAt("update-estimate");
    journey.estimate("policy exceptions decided", true);
    assertOnlyOpenTask(journey, "approve-budget");
    journey.decide(ApprovalStep.FINANCE, "approve");
    assertOnlyOpenTask(journey, "approve-transfer");
    journey.decide(ApprovalStep.SECOND_LEVEL, "approve");
    journey.assertWaitingAt("record-approval");
    journey.recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted").assertCaseFinished();
    assertThat(journey.activityHistory()).extracting(HistoricActivityInstance::getActivityId)
        .containsSubsequence("route-approval", "approve-relocation", "approve-policy-exception", "update-estimate",
            "approve-budget", "approve-transfer", "record-approval", "approval-granted");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ApprovalStep.class)
  @DisplayName("SLA: reminded after 2 days, escalated after 3, the approver still decides and the approval is granted")
  void approvalStepIsRemindedThenEscalated(ApprovalStep step) {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(routingTo(step));
    if (step != ApprovalStep.MANAGER) {
      journey.decide(ApprovalStep.MANAGER, "approve");
    }
    assertOnlyOpenTask(journey, step.task);
    String task = step.task;
    assertThat(journey.timerJobs()).as("reminder and overdue timers of %s", task).hasSize(2);

    journey.moveClockBy(Duration.ofDays(2).minusMinutes(1));
    assertThat(journey.executeDueTimers()).as("timers due before 2 days").isZero();
    journey.moveClockBy(Duration.ofMinutes(2));
    assertThat(journey.executeDueTimers()).as("timers due after 2 days").isEqualTo(1);
    journey.assertWaitingAt(task, "remind-" + task).assertNotWaitingAt("escalate-" + task);
    journey.completeExternalTaskWithLocals("remind-approver", Map.of("approvalStep", task), Map.of());
    journey.assertPassed(task + "-reminder", "remind-" + task, task + "-reminded").assertWaitingAt(task);

    journey.moveClockBy(Duration.ofDays(1));
    assertThat(journey.executeDueTimers()).as("timers due after 3 days").isEqualTo(1);
    journey.assertWaitingAt(task, "escalate-" + task);
    journey.completeExternalTaskWithLocals("escalate-approval", Map.of("approvalStep", task), Map.of());
    journey.assertPassed(task + "-overdue", "escalate-" + task, task + "-escalated").assertWaitingAt(task);
    assertThat(journey.timerJobs()).as("timers left on %s", task).isEmpty();

    journey.decide(step, "approve");
    if (step == ApprovalStep.POLICY_EXCEPTION) {
      journey.estimate("policy exceptions decided", false);
    }
    journey.recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassedTimes("remind-" + task, 1)
        .assertPassedTimes("escalate-" + task, 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("SLA: a reminder still being sent when finance approves does not hold the approval: granting ends it")
  void grantingTheApprovalEndsAPendingReminder() {
    JourneyDriver journey = newCase();
    journey.start("relocation-approval", eligibleCase());
    journey.routeApproval(Routing.FINANCE).decide(ApprovalStep.MANAGER, "approve");
    journey.moveClockBy(Duration.ofDays(2).plusHours(1));
    assertThat(journey.executeDueTimers()).isEqualTo(1);
    journey.assertWaitingAt("approve-budget", "remind-approve-budget");

    journey.decide(ApprovalStep.FINANCE, "approve").recordApproval();
    journey.assertPassed("approval-granted");
    assertThat(journey.historicInstance("relocation-approval").getEndTime()).as("approval-granted terminates the approval").isNotNull();
    assertThat(journey.timerJobs()).as("the overdue timer went with the task").isEmpty();
    journey.assertNotReached("escalate-approve-budget", "approve-budget-reminded").assertCaseFinished();
  }

  // ------------------------------------------------------------------------------------------------ steps

  /** The routing that needs the manager and the given step only (one policy exception, 7, for the HR lead). */
  private static Routing routingTo(ApprovalStep step) {
    return switch (step) {
      case MANAGER -> Routing.MANAGER_ONLY;
      case POLICY_EXCEPTION -> Routing.exceptions("7");
      case FINANCE -> Routing.FINANCE;
      case SECOND_LEVEL -> Routing.SECOND_LEVEL;
    };
  }

  private static void assertOnlyOpenTask(JourneyDriver journey, String taskDefinitionKey) {
    assertThat(journey.openUserTasks()).extracting(t -> t.getTaskDefinitionKey()).containsExactly(taskDefinitionKey);
  }
}
