package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.history.HistoricProcessInstance;

/** The main process {@code relocation} end to end, through its phase processes (call activities). */
class RelocationProcessTest extends ProcessTestSupport {

  @Test
  @DisplayName("eligible, within budget, permit granted: every phase runs and the case completes")
  void happyPathCompletesTheCase() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());

    passIntake(journey, false);
    journey.assertEndedAt("relocation-intake", "intake-done");
    journey.userTask("approve-relocation").hasCandidateGroup("manager").complete(Map.of("managerDecision", "approve"));
    journey.assertEndedAt("relocation-approval", "approval-granted").assertNotReached("approve-budget");

    journey.assertWaitingAt("immigration", "housing", "payroll", "benefits");
    passImmigrationWithPermit(journey);
    passHousing(journey);
    passPayroll(journey);
    passBenefits(journey);
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
        .assertEndedAt("relocation-arrival", "arrival-completed")
        .assertEndedAt("relocation-closure", "case-closed")
        .assertPassed("case-received", "intake", "approval", "approved-work-split", "immigration", "housing", "payroll",
            "benefits", "approved-work-join", "arrival", "closure", "case-completed")
        .assertNotReached("record-ineligible-outcome", "record-rejected-outcome", "record-cancelled-outcome")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("not eligible: the intake error ends the case at case-ineligible-end after recording the outcome")
  void ineligibleCaseEndsAfterRecordingTheOutcome() {
    JourneyDriver journey = newCase();
    journey.start("relocation", caseVariables("SHORT_TERM", 13, true));

    journey.assertPassed("check-eligibility", "eligible-gateway", "intake-ineligible")
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
    passIntake(journey, false);

    journey.userTask("approve-relocation").hasCandidateGroup("manager").complete(Map.of("managerDecision", "reject"));
    journey.assertErrorThrownToCaller("relocation-approval", "approval-rejected-by-manager").assertNotReached("budget-gateway", "approve-budget");
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
    passIntake(journey, true);

    journey.userTask("approve-relocation").hasCandidateGroup("manager").complete(Map.of("managerDecision", "approve"));
    journey.userTask("approve-budget").hasCandidateGroup("finance").complete(Map.of("financeDecision", "approve"));

    journey.assertEndedAt("relocation-approval", "budget-approved")
        .assertPassed("budget-gateway", "approve-budget", "finance-decision-gateway", "approved-work-split")
        .assertWaitingAt("immigration", "housing", "payroll", "benefits")
        .assertWaitingAt("determine-immigration-requirements", "record-kickoff-call", "prepare-payroll-instruction",
            "determine-benefits-coverage");
  }

  @Test
  @DisplayName("over budget, rejected by finance: the case ends at case-rejected-end")
  void overBudgetRejectedByFinance() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    passIntake(journey, true);

    journey.userTask("approve-relocation").hasCandidateGroup("manager").complete(Map.of("managerDecision", "approve"));
    journey.userTask("approve-budget").hasCandidateGroup("finance").complete(Map.of("financeDecision", "reject"));
    journey.assertErrorThrownToCaller("relocation-approval", "approval-rejected-by-finance");
    recordOutcome(journey, "REJECTED");

    journey.assertEndedAt("relocation", "case-rejected-end")
        .assertNotReached("approved-work-split")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("permit refused and the move cancelled: the terminate end stops housing, payroll and benefits too")
  void cancelledMoveTerminatesAllPhases() {
    JourneyDriver journey = newCase();
    journey.start("relocation", eligibleCase());
    passIntake(journey, false);
    journey.userTask("approve-relocation").complete(Map.of("managerDecision", "approve"));
    // the other phases are under way
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.assertWaitingAt("book-temporary-housing", "book-household-shipment", "confirm-payroll-setup",
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
        .assertWaitingAt("record-cancelled-outcome", "housing", "payroll", "benefits");
    recordOutcome(journey, "CANCELLED");

    journey.assertEndedAt("relocation", "case-cancelled-end")
        .assertNotReached("approved-work-join", "arrival", "closure")
        .assertCaseFinished();
    for (String phase : new String[] {"relocation-housing", "relocation-payroll", "relocation-benefits"}) {
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
    journey.completeExternalTask("estimate-relocation-cost", Map.of("estimateExceedsBudget", false));
    String taskId = journey.userTask("review-intake").task().getId();
    try (InputStream taskForm = ENGINE.getFormService().getDeployedTaskForm(taskId)) {
      assertThat(new String(taskForm.readAllBytes(), StandardCharsets.UTF_8)).contains("\"review-intake\"");
    }
  }

  // ------------------------------------------------------------------------------------------------ steps

  private static void passIntake(JourneyDriver journey, boolean estimateExceedsBudget) {
    journey.assertPassed("check-eligibility", "eligible-gateway");
    journey.completeExternalTask("estimate-relocation-cost", Map.of("estimateExceedsBudget", estimateExceedsBudget));
    journey.userTask("review-intake").hasCandidateGroup("mobility-specialist").complete(Map.of("intakeVerified", true));
  }

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
    journey.completeExternalTask("book-temporary-housing");
    journey.completeExternalTask("book-household-shipment");
    journey.correlate("housing-confirmed");
    journey.correlate("shipment-confirmed");
  }

  private static void passPayroll(JourneyDriver journey) {
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.userTask("confirm-payroll-setup").hasCandidateGroup("finance").complete(Map.of("payrollConfirmed", true));
    journey.completeExternalTask("request-tax-briefing");
  }

  private static void passBenefits(JourneyDriver journey) {
    journey.completeExternalTask("determine-benefits-coverage");
    journey.userTask("confirm-benefits-enrolment").hasAssignee(EMPLOYEE).complete(Map.of("enrolmentConfirmed", true));
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
}
