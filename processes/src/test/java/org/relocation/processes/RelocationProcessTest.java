package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.relocation.processes.JourneyDriver.ApprovalStep;
import org.relocation.processes.JourneyDriver.Routing;

/** The main process {@code relocation} end to end, through its phase processes (call activities). */
class RelocationProcessTest extends ProcessTestSupport {

  @Test
  @DisplayName("eligible, within budget, permit granted: every phase runs and the case completes")
  void happyPathCompletesTheCase() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());

    journey.passIntake(false);
    journey.assertEndedAt("relocation-intake", "intake-done");
    journey.approve();
    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassed("approval-outcome-gateway")
        .assertNotReached("approve-policy-exception", "approve-budget", "approve-transfer", "revise-intake");
    assertThat(journey.variable("relocation", "approvalOutcome")).isEqualTo("approved");

    journey.assertWaitingAt("immigration", "housing", "payroll", "benefits", "destination-services");
    passImmigrationWithPermit(journey);
    passHousing(journey);
    passPayroll(journey);
    passBenefits(journey);
    journey.assertNotReached("arrival");
    passDestinationServices(journey);
    journey.assertPassed("approved-work-join");

    journey.userTask("confirm-arrival").hasCandidateGroup("mobility-specialist").complete(Map.of("arrivalDate", "2026-05-04"));
    journey.completeExternalTask("verify-right-to-work");
    journey.completeExternalTask("register-key-dates");
    journey.completeExternalTask("summarise-final-costs");
    journey.userTask("approve-case-closure").hasCandidateGroup("mobility-specialist").complete(Map.of("closureConfirmed", true));
    journey.completeExternalTask("close-case");

    journey.assertEndedAt("relocation", "case-completed")
        .assertEndedAt("relocation-immigration", "immigration-cleared")
        .assertEndedAt("relocation-housing", "move-arranged")
        .assertEndedAt("relocation-payroll", "payroll-set-up")
        .assertEndedAt("relocation-benefits", "benefits-enrolled")
        .assertEndedAt("relocation-destination-services", "destination-services-arranged")
        .assertEndedAt("relocation-arrival", "arrival-completed")
        .assertEndedAt("relocation-closure", "case-closed")
        .assertPassed("case-received", "intake", "approval", "approved-work-split", "immigration", "housing", "payroll",
            "benefits", "destination-services", "approved-work-join", "arrival", "closure", "case-completed")
        .assertNotReached("record-ineligible-outcome", "record-rejected-outcome", "record-cancelled-outcome")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("not eligible: the intake error ends the case at case-ineligible-end after recording the outcome")
  void ineligibleCaseEndsAfterRecordingTheOutcome() {
    JourneyDriver journey = newCase();
    journey.start("relocation", caseVariables("SHORT_TERM", 13, true));
    journey.applyPolicy(false);

    journey.assertPassed("apply-relocation-policy", "eligible-gateway", "intake-ineligible")
        .assertNotReached("estimate-relocation-cost", "review-intake", "approval");
    recordOutcome(journey, "INELIGIBLE");

    journey.assertEndedAt("relocation", "case-ineligible-end")
        .assertPassed("case-ineligible-caught", "record-ineligible-outcome")
        .assertCaseFinished();
    journey.assertErrorThrownToCaller("relocation-intake", "intake-ineligible");
  }

  @Test
  @DisplayName("rejected by the manager: the case ends at case-rejected-end")
  void rejectedByManager() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(false);

    journey.routeApproval(Routing.everything("7")).decide(ApprovalStep.MANAGER, "reject");
    journey.assertErrorThrownToCaller("relocation-approval", "approval-rejected-by-manager")
        .assertNotReached("exceptions-gateway", "approve-policy-exception", "finance-gateway", "approve-budget",
            "approve-transfer", "record-approval", "approval-outcome-gateway");
    recordOutcome(journey, "REJECTED");

    journey.assertEndedAt("relocation", "case-rejected-end")
        .assertPassed("relocation-rejected-caught", "record-rejected-outcome")
        .assertNotReached("approved-work-split", "immigration")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("over budget, approved by finance: the approved work starts")
  void overBudgetApprovedByFinance() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(true);

    journey.routeApproval(Routing.FINANCE).decide(ApprovalStep.MANAGER, "approve").decide(ApprovalStep.FINANCE, "approve")
        .recordApproval();

    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassed("finance-gateway", "approve-budget", "finance-decision-gateway", "approval-outcome-gateway",
            "approved-work-split")
        .assertWaitingAt("immigration", "housing", "payroll", "benefits", "destination-services")
        .assertWaitingAt("determine-immigration-requirements", "record-kickoff-call", "prepare-payroll-instruction",
            "determine-benefits-coverage");
  }

  @Test
  @DisplayName("over budget, rejected by finance: the case ends at case-rejected-end")
  void overBudgetRejectedByFinance() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(true);

    journey.routeApproval(Routing.FINANCE).decide(ApprovalStep.MANAGER, "approve").decide(ApprovalStep.FINANCE, "reject");
    journey.assertErrorThrownToCaller("relocation-approval", "approval-rejected-by-finance")
        .assertNotReached("second-level-gateway", "record-approval");
    recordOutcome(journey, "REJECTED");

    journey.assertEndedAt("relocation", "case-rejected-end")
        .assertNotReached("approved-work-split")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("rejected at the second level: the case ends at case-rejected-end")
  void rejectedAtTheSecondLevel() {
    JourneyDriver journey = newCase();
    journey.start("relocation", caseVariables("PERMANENT_TRANSFER", null, true));
    journey.passIntake(true);

    journey.routeApproval(Routing.everything()).decide(ApprovalStep.MANAGER, "approve").decide(ApprovalStep.FINANCE, "approve")
        .decide(ApprovalStep.SECOND_LEVEL, "reject");
    journey.assertErrorThrownToCaller("relocation-approval", "approval-rejected-by-second-level")
        .assertNotReached("second-level-merge", "record-approval");
    recordOutcome(journey, "REJECTED");

    journey.assertEndedAt("relocation", "case-rejected-end")
        .assertNotReached("approval-outcome-gateway", "approved-work-split")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("sent back by the manager: intake again (revised, re-estimated), approval again, then the approved work starts")
  void sentBackByTheManagerLoopsToIntake() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(false);
    journey.routeApproval(Routing.MANAGER_ONLY).decide(ApprovalStep.MANAGER, "send-back");

    journey.assertPassed("approval-sent-back-by-manager", "approval-outcome-gateway")
        .assertNotReached("approved-work-split", "record-approval")
        .assertWaitingAt("intake", "revise-intake");
    assertThat(journey.variable("relocation", "approvalOutcome")).isEqualTo("sent-back");
    assertThat(journey.variable("relocation", "sendBackComment"))
        .as("the approver's comment is shown from the case records (the server's revise-intake handler), never a variable")
        .isNull();

    journey.passRevisedIntake();
    journey.assertWaitingAt("approval", "route-approval");
    journey.approve();

    journey.assertPassedTimes("intake", 2)
        .assertPassedTimes("approval", 2)
        .assertPassedTimes("approval-outcome-gateway", 2)
        .assertPassedTimes("apply-relocation-policy", 2)
        .assertPassedTimes("estimate-relocation-cost", 2)
        .assertPassedTimes("revise-intake", 1)
        .assertPassedTimes("approval-granted", 1)
        .assertPassed("approved-work-split")
        .assertNotReached("record-ineligible-outcome", "record-rejected-outcome")
        .assertWaitingAt("immigration", "housing", "payroll", "benefits", "destination-services");
    assertThat(journey.variable("relocation", "approvalOutcome")).isEqualTo("approved");
  }

  @Test
  @DisplayName("sent back by finance: intake again, then approved by the manager alone the second time")
  void sentBackByFinanceLoopsToIntake() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(true);
    journey.routeApproval(Routing.FINANCE).decide(ApprovalStep.MANAGER, "approve").decide(ApprovalStep.FINANCE, "send-back");

    journey.assertPassed("approval-sent-back-by-finance").assertWaitingAt("revise-intake");
    journey.passRevisedIntake().approve();

    journey.assertPassedTimes("intake", 2).assertPassedTimes("approve-budget", 1)
        .assertPassed("approved-work-split")
        .assertWaitingAt("immigration", "housing", "payroll", "benefits", "destination-services");
  }

  @Test
  @DisplayName("manager SLA: reminded after 2 days, escalated after 3, still approves and the approved work starts")
  void managerIsRemindedThenEscalatedAndStillApproves() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(false).routeApproval(Routing.MANAGER_ONLY);

    journey.moveClockBy(java.time.Duration.ofDays(2).plusMinutes(1));
    assertThat(journey.executeDueTimers()).isEqualTo(1);
    journey.assertWaitingAt("approve-relocation", "remind-approve-relocation");
    journey.completeExternalTaskWithLocals("remind-approver", Map.of("approvalStep", "approve-relocation"), Map.of());
    journey.moveClockBy(java.time.Duration.ofDays(1));
    assertThat(journey.executeDueTimers()).isEqualTo(1);
    journey.assertWaitingAt("approve-relocation", "escalate-approve-relocation");
    journey.completeExternalTaskWithLocals("escalate-approval", Map.of("approvalStep", "approve-relocation"), Map.of());
    journey.assertWaitingAt("approve-relocation").assertNotReached("approved-work-split");

    journey.decide(ApprovalStep.MANAGER, "approve").recordApproval();
    journey.assertEndedAt("relocation-approval", "approval-granted")
        .assertPassed("approve-relocation-reminded", "approve-relocation-escalated", "approved-work-split")
        .assertWaitingAt("immigration", "housing", "payroll", "benefits", "destination-services");
  }

  @Test
  @DisplayName("permit refused and the move cancelled: the terminate end stops housing, payroll and benefits too")
  void cancelledMoveTerminatesAllPhases() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    journey.passIntake(false).approve();
    // the other phases are under way
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.assertWaitingAt("book-temporary-housing", "book-household-shipment", "await-payroll-provider-answer",
        "determine-benefits-coverage");

    // two travellers: one still awaits counsel when the other's refusal cancels the move
    journey.completeExternalTask("determine-immigration-requirements", Map.of("visaRequired", true, "permitTravellerCount", 2, "postedWorker", false,
        "startDateRiskAt", java.util.Date.from(TEST_START.plus(java.time.Duration.ofDays(40)))));
    journey.userTask("provide-immigration-documents").hasAssignee(EMPLOYEE).complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").complete(Map.of("documentsDecision", "valid"));
    journey.completeExternalTasks("request-immigration-counsel", 2);
    journey.counselAnswers(0, "refused");
    journey.userTask("handle-permit-refusal").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("refusalAction", "cancel"));

    journey.assertErrorThrownToCaller("relocation-immigration", "immigration-cancelled")
        .assertWaitingAt("record-cancelled-outcome", "housing", "payroll", "benefits", "destination-services");
    recordOutcome(journey, "CANCELLED");

    journey.assertEndedAt("relocation", "case-cancelled-end")
        .assertNotReached("approved-work-join", "arrival", "closure")
        .assertCaseFinished();
    for (String phase : new String[] {"relocation-housing", "relocation-payroll", "relocation-benefits", "relocation-destination-services"}) {
      assertThat(journey.historicInstance(phase).getEndTime()).as("end of %s", phase).isNotNull();
      assertThat(journey.historicInstance(phase).getState()).as("state of %s", phase)
          .isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
    }
  }

  @Test
  @DisplayName("forms: the start form and a task form resolve from the same deployment (formRefBinding=deployment)")
  void formsResolveFromTheDeployment() throws Exception {
    JourneyDriver journey = newCase();
    String definitionId = journey.start("relocation", eligibleCase()).getProcessDefinitionId();
    try (InputStream startForm = ENGINE.getFormService().getDeployedStartForm(definitionId)) {
      assertThat(new String(startForm.readAllBytes(), StandardCharsets.UTF_8)).contains("\"start-relocation\"");
    }
    journey.applyPolicy(true).estimate("intake", false);
    String taskId = journey.userTask("review-intake").task().getId();
    try (InputStream taskForm = ENGINE.getFormService().getDeployedTaskForm(taskId)) {
      assertThat(new String(taskForm.readAllBytes(), StandardCharsets.UTF_8)).contains("\"review-intake\"");
    }
  }

  // ------------------------------------------------------------------------------------------------ steps

  private static void passImmigrationWithPermit(JourneyDriver journey) {
    journey.completeExternalTask("determine-immigration-requirements", Map.of("visaRequired", true, "permitTravellerCount", 1, "postedWorker", false,
        "startDateRiskAt", java.util.Date.from(TEST_START.plus(java.time.Duration.ofDays(40)))));
    journey.userTask("provide-immigration-documents").hasAssignee(EMPLOYEE).complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("documentsDecision", "valid"));
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.counselAnswers(0, "approved");
  }

  private static void passHousing(JourneyDriver journey) {
    journey.userTask("record-kickoff-call").hasCandidateGroup("mobility-specialist").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", PhaseProcessesTest.ONE_HOUSING_VENDOR);
    journey.completeExternalTask("book-household-shipment", Map.of("shipmentQuotes", false, "serviceQuoteWait", "PT48H"));
    journey.correlate("housing-confirmed", PhaseProcessesTest.WITHIN_QUOTE);
    journey.correlate("shipment-confirmed");
  }

  private static void passPayroll(JourneyDriver journey) {
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    journey.userTask("confirm-payroll-setup").hasCandidateGroup("finance").complete(Map.of("payrollConfirmed", true));
    journey.completeExternalTask("schedule-payroll-payments");
    journey.completeExternalTask("request-tax-briefing");
  }

  private static void passBenefits(JourneyDriver journey) {
    journey.completeExternalTask("determine-benefits-coverage");
    journey.userTask("confirm-benefits-enrolment").hasAssignee(EMPLOYEE).complete(Map.of("enrolmentConfirmed", true));
    journey.completeExternalTask("order-benefits-enrolment", Map.of("benefitsConfirmationDue", benefitsConfirmationDue()));
    journey.correlate("benefits-enrolment-confirmed", Map.of());
    journey.completeExternalTask("record-benefits-confirmation", Map.of("coverStartLate", false));
  }

  /** The services policy decides a home search and EAP: both confirmed, the lease recorded within the cap. */
  private static void passDestinationServices(JourneyDriver journey) {
    journey.completeExternalTask("decide-destination-services", Map.of("destinationServices", "home-search,eap-enrolment"));
    journey.completeExternalTasks("order-destination-service", 2);
    journey.correlate("eap-enrolment-confirmed");
    journey.correlate("home-search-confirmed");
    journey.userTask("record-lease").hasCandidateGroup("mobility-specialist").complete();
    journey.completeExternalTask("check-lease-rent", Map.of("leaseWithinCap", true));
  }

  /** The record-case-outcome worker gets the outcome as a local input variable of its external task. */
  private static void recordOutcome(JourneyDriver journey, String outcome) {
    LockedExternalTask task = journey.fetchExternalTask("record-case-outcome");
    assertThat(task.getVariables().getValue("outcome", String.class)).isEqualTo(outcome);
    assertThat(ENGINE.getRuntimeService().getVariableLocal(task.getExecutionId(), "outcome")).isEqualTo(outcome);
    assertThat(ENGINE.getRuntimeService().getVariable(task.getProcessInstanceId(), "outcome"))
        .as("outcome stays local to the task").isNull();
    ENGINE.getExternalTaskService().complete(task.getId(), JourneyDriver.WORKER_ID);
  }

  /** What the order worker sets: the start of the day after the vendor's confirmation deadline; here five days on. */
  private static String benefitsConfirmationDue() {
    return org.operaton.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(5)).toString();
  }
}
