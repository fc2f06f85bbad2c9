package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.engine.runtime.Job;

/** Every path of {@code relocation-immigration}, started on its own as the main process's call activity does. */
class ImmigrationProcessTest extends ProcessTestSupport {

  private static final String PROCESS = "relocation-immigration";
  /** When the start date becomes at risk in these tests: 40 days after the test clock's start. */
  private static final java.util.Date RISK_AT = java.util.Date.from(TEST_START.plus(Duration.ofDays(40)));

  @Test
  @DisplayName("no permit needed: ends at immigration-not-required")
  void visaNotRequired() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("determine-immigration-requirements",
        Map.of("visaRequired", false, "permitTravellerCount", 0, "postedWorker", false));

    journey.assertEndedAt(PROCESS, "immigration-not-required")
        .assertNotReached("provide-immigration-documents", "arrange-posted-worker-formalities")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("posted worker within the EU, no permit: the specialist arranges A1 and posting declaration, then done")
  void postedWorkerWithoutPermit() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("determine-immigration-requirements",
        Map.of("visaRequired", false, "permitTravellerCount", 0, "postedWorker", true));

    journey.userTask("arrange-posted-worker-formalities").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("a1ValidUntil", "2027-12-31", "postingDeclarationReference", "MELD-123", "postingDeclarationFiled", true));
    journey.assertEndedAt(PROCESS, "immigration-not-required")
        .assertPassed("arrange-posted-worker-formalities")
        .assertNotReached("provide-immigration-documents")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("posted worker with a family member who needs a permit: formalities first, then the permit path")
  void postedWorkerWithAPermitForAFamilyMember() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("determine-immigration-requirements",
        Map.of("visaRequired", true, "permitTravellerCount", 1, "postedWorker", true, "startDateRiskAt", RISK_AT));
    journey.userTask("arrange-posted-worker-formalities").complete(Map.of("postingDeclarationFiled", true));
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.counselAnswers(0, "approved");
    journey.assertEndedAt(PROCESS, "immigration-cleared").assertPassed("arrange-posted-worker-formalities").assertCaseFinished();
  }

  @Test
  @DisplayName("documents incomplete: back to the employee, then valid and the one traveller's permit is granted")
  void invalidDocumentsLoopBackToTheEmployee() {
    JourneyDriver journey = startWithPermitsNeeded(1);
    journey.userTask("provide-immigration-documents").hasAssignee(EMPLOYEE).complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("documentsDecision", "invalid"));

    journey.assertWaitingAt("provide-immigration-documents");
    journey.userTask("provide-immigration-documents").hasAssignee(EMPLOYEE).complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").complete(Map.of("documentsDecision", "valid"));
    assertThat(journey.completeExternalTasks("request-immigration-counsel", 1)).containsExactly(0);
    journey.counselAnswers(0, "approved");

    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("provide-immigration-documents", 2)
        .assertPassedTimes("validate-immigration-documents", 2)
        .assertPassedTimes("request-immigration-counsel", 1)
        .assertPassedTimes("traveller-permit-granted", 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("three travellers: one counsel branch each, each answer reaches its own branch, cleared when all are granted")
  void oneCounselBranchPerTraveller() {
    JourneyDriver journey = startWithPermitsNeeded(3);
    passDocuments(journey);
    assertThat(journey.completeExternalTasks("request-immigration-counsel", 3)).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(journey.timerJobs()).as("an SLA timer per branch, and the start date watch").hasSize(4);

    journey.counselAnswers(2, "approved");
    journey.counselAnswers(0, "approved");
    journey.assertWaitingAt("await-counsel-decision").assertRunning(PROCESS);
    assertThat(journey.timerJobs()).as("only the waiting branch keeps its SLA timer, and the watch").hasSize(2);

    journey.counselAnswers(1, "approved");
    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("traveller-permit-granted", 3)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("counsel asks for more information: the specialist answers, counsel is told, the branch waits again")
  void requestForInformationLoop() {
    JourneyDriver journey = startWithPermitsNeeded(2);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 2);

    journey.counselAnswers(1, "information-requested");
    journey.userTask("answer-counsel-request").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("informationSummary", "Uploaded the signed assignment letter", "informationProvided", true));
    assertThat(journey.completeExternalTasks("send-counsel-information", 1)).containsExactly(1);
    journey.assertWaitingAt("await-counsel-decision");

    journey.counselAnswers(1, "approved");
    journey.counselAnswers(0, "approved");
    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("answer-counsel-request", 1)
        .assertPassedTimes("send-counsel-information", 1)
        .assertPassedTimes("await-counsel-decision", 3)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("counsel silent for 10 days: follow-up task, and the decision is still awaited")
  void counselSlaTimerCreatesFollowUpWhileTheWaitStays() {
    JourneyDriver journey = startWithPermitsNeeded(1);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.assertWaitingAt("await-counsel-decision");

    assertThat(journey.timerJobs()).extracting(Job::getDuedate)
        .containsExactlyInAnyOrder(java.util.Date.from(TEST_START.plus(Duration.ofDays(10))), RISK_AT);
    journey.moveClockBy(Duration.ofDays(9));
    assertThat(journey.executeDueTimers()).as("timers due after 9 days").isZero();
    journey.moveClockBy(Duration.ofDays(1).plusMinutes(1));
    assertThat(journey.executeDueTimers()).as("timers due after 10 days").isEqualTo(1);

    journey.assertPassed("counsel-sla-breached").assertWaitingAt("await-counsel-decision", "follow-up-counsel");
    journey.userTask("follow-up-counsel").hasCandidateGroup("mobility-specialist").complete(Map.of("followUpNotes", "chased"));
    journey.assertPassed("counsel-followed-up").assertWaitingAt("await-counsel-decision").assertRunning(PROCESS);

    journey.counselAnswers(0, "approved");
    journey.assertEndedAt(PROCESS, "immigration-cleared").assertCaseFinished();
  }

  @ParameterizedTest(name = "refused, then {0}: counsel is asked again and the permit is granted")
  @ValueSource(strings = {"appeal", "other-permit"})
  void permitRefusedThenAskedAgainAndGranted(String action) {
    JourneyDriver journey = startWithPermitsNeeded(1);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.counselAnswers(0, "refused");
    journey.userTask("handle-permit-refusal").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("refusalAction", action));

    assertThat(journey.completeExternalTasks("request-immigration-counsel", 1)).containsExactly(0);
    journey.assertWaitingAt("await-counsel-decision");
    assertThat(journey.timerJobs()).as("a fresh SLA timer for the new request, and the watch").hasSize(2);
    journey.counselAnswers(0, "approved");

    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("request-immigration-counsel", 2)
        .assertPassedTimes("await-counsel-decision", 2)
        .assertPassedTimes("handle-permit-refusal", 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("one traveller refused and withdrawn from the move: the others go ahead, immigration cleared")
  void permitRefusedAndTravellerWithdrawn() {
    JourneyDriver journey = startWithPermitsNeeded(2);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 2);
    journey.counselAnswers(0, "approved");
    journey.counselAnswers(1, "refused");
    journey.userTask("handle-permit-refusal").complete(Map.of("refusalAction", "withdraw"));

    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("traveller-permit-granted", 1)
        .assertPassedTimes("traveller-withdrawn", 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("permit refused, cancel: the error end event immigration-cancelled (RelocationProcessTest: the main process catches it)")
  void permitRefusedThenCancelled() {
    JourneyDriver journey = startWithPermitsNeeded(1);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.counselAnswers(0, "refused");
    journey.userTask("handle-permit-refusal").complete(Map.of("refusalAction", "cancel"));

    // started on its own nothing catches the error: the branch ends there, and with it the phase
    journey.assertPassed("refusal-gateway", "immigration-cancelled")
        .assertNotReached("traveller-permit-granted", "traveller-withdrawn");
  }

  @Test
  @DisplayName("permits still missing when the start date becomes at risk: alert, the specialist moves the date, the watch re-arms, then keeps it")
  void startDateAtRiskIsMovedThenKept() {
    JourneyDriver journey = startWithPermitsNeeded(1);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.moveClockBy(Duration.ofDays(15));
    assertThat(journey.executeDueTimers()).as("the counsel SLA on the way").isEqualTo(1);
    journey.userTask("follow-up-counsel").complete(Map.of("followUpNotes", "chased"));

    journey.moveClockBy(Duration.ofDays(24));
    assertThat(journey.executeDueTimers()).as("nothing due before the risk date").isZero();
    journey.moveClockBy(Duration.ofDays(1).plusMinutes(1));
    assertThat(journey.executeDueTimers()).as("the watch fires on the risk date").isEqualTo(1);
    journey.completeExternalTask("alert-start-date-risk");
    journey.userTask("decide-start-date").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("startDateDecision", "move", "newStartDate", "2026-06-01"));
    java.util.Date rearmed = java.util.Date.from(TEST_START.plus(Duration.ofDays(70)));
    journey.completeExternalTask("move-start-date", Map.of("startDateRiskAt", rearmed));
    assertThat(journey.timerJobs()).extracting(Job::getDuedate).contains(rearmed);

    journey.moveClockBy(Duration.ofDays(31));
    assertThat(journey.executeDueTimers()).isEqualTo(1);
    journey.completeExternalTask("alert-start-date-risk");
    journey.userTask("decide-start-date").complete(Map.of("startDateDecision", "keep"));
    journey.assertPassed("start-date-kept").assertWaitingAt("await-counsel-decision");

    journey.counselAnswers(0, "approved");
    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("alert-start-date-risk", 2)
        .assertPassedTimes("move-start-date", 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("permits granted before the risk date: immigration cleared ends the start date watch and its timer")
  void permitsInTimeEndTheWatch() {
    JourneyDriver journey = startWithPermitsNeeded(1);
    passDocuments(journey);
    journey.completeExternalTasks("request-immigration-counsel", 1);
    journey.counselAnswers(0, "approved");

    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertNotReached("alert-start-date-risk", "decide-start-date")
        .assertCaseFinished();
    assertThat(journey.timerJobs()).isEmpty();
  }

  private static JourneyDriver startWithPermitsNeeded(int travellers) {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("determine-immigration-requirements",
        Map.of("visaRequired", true, "permitTravellerCount", travellers, "postedWorker", false, "startDateRiskAt", RISK_AT));
    return journey;
  }

  private static void passDocuments(JourneyDriver journey) {
    journey.userTask("provide-immigration-documents").complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").complete(Map.of("documentsDecision", "valid"));
  }
}
