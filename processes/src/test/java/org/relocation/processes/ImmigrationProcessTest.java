package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;

/** Every path of {@code relocation-immigration}, started on its own as the main process's call activity does. */
class ImmigrationProcessTest extends ProcessTestSupport {

  private static final String PROCESS = "relocation-immigration";

  @Test
  @DisplayName("no permit needed: ends at immigration-not-required")
  void visaNotRequired() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("determine-immigration-requirements", Map.of("visaRequired", false));

    journey.assertEndedAt(PROCESS, "immigration-not-required")
        .assertNotReached("provide-immigration-documents")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("documents incomplete: back to the employee, then valid and the permit is granted")
  void invalidDocumentsLoopBackToTheEmployee() {
    JourneyDriver journey = startWithPermitNeeded();
    journey.userTask("provide-immigration-documents").hasAssignee(EMPLOYEE).complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("documentsDecision", "invalid"));

    journey.assertWaitingAt("provide-immigration-documents");
    journey.userTask("provide-immigration-documents").hasAssignee(EMPLOYEE).complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").complete(Map.of("documentsDecision", "valid"));
    journey.completeExternalTask("request-immigration-counsel");
    journey.correlate("immigration-decision", Map.of("permitGranted", true));

    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("provide-immigration-documents", 2)
        .assertPassedTimes("validate-immigration-documents", 2)
        .assertPassedTimes("request-immigration-counsel", 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("counsel silent for 10 days: follow-up task, and the decision is still awaited")
  void counselSlaTimerCreatesFollowUpWhileTheWaitStays() {
    JourneyDriver journey = startWithPermitNeeded();
    passDocumentsAndRequestCounsel(journey);
    journey.assertWaitingAt("await-counsel-decision");

    assertThat(journey.timerJobs()).singleElement()
        .extracting(Job::getDuedate)
        .isEqualTo(java.util.Date.from(TEST_START.plus(Duration.ofDays(10))));
    journey.moveClockBy(Duration.ofDays(9));
    assertThat(journey.executeDueTimers()).as("timers due after 9 days").isZero();
    journey.moveClockBy(Duration.ofDays(1).plusMinutes(1));
    assertThat(journey.executeDueTimers()).as("timers due after 10 days").isEqualTo(1);

    journey.assertPassed("counsel-sla-breached").assertWaitingAt("await-counsel-decision", "follow-up-counsel");
    journey.userTask("follow-up-counsel").hasCandidateGroup("mobility-specialist").complete(Map.of("followUpNotes", "chased"));
    journey.assertPassed("counsel-followed-up").assertWaitingAt("await-counsel-decision").assertRunning(PROCESS);

    journey.correlate("immigration-decision", Map.of("permitGranted", true));
    journey.assertEndedAt(PROCESS, "immigration-cleared").assertCaseFinished();
  }

  @Test
  @DisplayName("permit refused, re-apply: counsel is asked again and the permit is granted")
  void permitRefusedThenReappliedAndGranted() {
    JourneyDriver journey = startWithPermitNeeded();
    passDocumentsAndRequestCounsel(journey);
    journey.correlate("immigration-decision", Map.of("permitGranted", false));
    journey.userTask("handle-permit-refusal").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("refusalAction", "reapply"));

    journey.completeExternalTask("request-immigration-counsel");
    journey.assertWaitingAt("await-counsel-decision");
    assertThat(journey.timerJobs()).as("a fresh SLA timer for the new request").hasSize(1);
    journey.correlate("immigration-decision", Map.of("permitGranted", true));

    journey.assertEndedAt(PROCESS, "immigration-cleared")
        .assertPassedTimes("request-immigration-counsel", 2)
        .assertPassedTimes("await-counsel-decision", 2)
        .assertPassedTimes("handle-permit-refusal", 1)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("permit refused, cancel: the error end event immigration-cancelled (caught by the main process)")
  void permitRefusedThenCancelled() {
    JourneyDriver journey = startWithPermitNeeded();
    passDocumentsAndRequestCounsel(journey);
    journey.correlate("immigration-decision", Map.of("permitGranted", false));
    journey.userTask("handle-permit-refusal").complete(Map.of("refusalAction", "cancel"));

    journey.assertEndedAt(PROCESS, "immigration-cancelled")
        .assertPassed("refusal-gateway")
        .assertCaseFinished();
  }

  private static JourneyDriver startWithPermitNeeded() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("determine-immigration-requirements", Map.of("visaRequired", true));
    return journey;
  }

  private static void passDocumentsAndRequestCounsel(JourneyDriver journey) {
    journey.userTask("provide-immigration-documents").complete(Map.of("documentsProvided", true));
    journey.userTask("validate-immigration-documents").complete(Map.of("documentsDecision", "valid"));
    journey.completeExternalTask("request-immigration-counsel");
  }
}
