package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tax provider's services of a case (relocation-tax-services.bpmn), every path: the briefing is ordered and its
 * answer awaited; answered in time, the returns are ordered; silent for 7 days, the specialist follows up while the
 * wait goes on, and the late answer still orders the returns. Its only variable is the case id.
 */
class TaxServicesProcessTest extends ProcessTestSupport {

  static final String PROCESS = "relocation-tax-services";

  @Test
  @DisplayName("the provider confirms the briefing in time: the returns are ordered")
  void briefingAnsweredInTimeThenReturnsOrdered() {
    JourneyDriver tax = newCase();
    tax.start(PROCESS, Map.of("caseId", 4711L));
    tax.completeExternalTask("order-tax-briefing");
    tax.assertWaitingAt("await-tax-briefing-answer").assertRunning(PROCESS);

    tax.moveClockBy(Duration.ofDays(6));
    assertThat(tax.executeDueTimers()).as("timers due after 6 days").isZero();
    tax.correlate("tax-briefing-answered");
    tax.completeExternalTask("order-tax-returns");

    tax.assertEndedAt(PROCESS, "tax-returns-ordered")
        .assertPassed("await-tax-briefing-answer", "order-tax-returns")
        .assertNotReached("tax-briefing-sla-breached", "follow-up-tax-briefing")
        .assertCaseFinished();
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(tax.historicInstance(PROCESS).getId()).list())
        .extracting(v -> v.getName()).as("the case id only").containsOnly("caseId");
  }

  @Test
  @DisplayName("the provider silent for 7 days: follow-up task, the wait goes on, the late answer orders the returns")
  void briefingSlaBreachedThenAnswered() {
    JourneyDriver tax = newCase();
    tax.start(PROCESS, Map.of("caseId", 4712L));
    tax.completeExternalTask("order-tax-briefing");
    tax.moveClockBy(Duration.ofDays(7).plusMinutes(1));
    assertThat(tax.executeDueTimers()).as("timers due after 7 days").isEqualTo(1);

    tax.assertPassed("tax-briefing-sla-breached").assertWaitingAt("await-tax-briefing-answer", "follow-up-tax-briefing");
    tax.userTask("follow-up-tax-briefing").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("taxBriefingFollowUpNotes", "Provider chased, briefing next Tuesday"));
    tax.assertPassed("tax-briefing-followed-up").assertWaitingAt("await-tax-briefing-answer").assertRunning(PROCESS);

    tax.correlate("tax-briefing-answered");
    tax.completeExternalTask("order-tax-returns");
    tax.assertEndedAt(PROCESS, "tax-returns-ordered").assertCaseFinished();
  }

  @Test
  @DisplayName("the answer arrives while the follow-up task is open: the returns are ordered, the task stays for the specialist")
  void briefingAnsweredWhileTheFollowUpIsOpen() {
    JourneyDriver tax = newCase();
    tax.start(PROCESS, Map.of("caseId", 4713L));
    tax.completeExternalTask("order-tax-briefing");
    tax.moveClockBy(Duration.ofDays(8));
    assertThat(tax.executeDueTimers()).isEqualTo(1);

    tax.correlate("tax-briefing-answered");
    tax.completeExternalTask("order-tax-returns");
    tax.assertPassed("tax-returns-ordered").assertWaitingAt("follow-up-tax-briefing").assertRunning(PROCESS);
    tax.userTask("follow-up-tax-briefing").complete(Map.of("taxBriefingFollowUpNotes", "Provider answered meanwhile"));
    tax.assertEndedAt(PROCESS, "tax-briefing-followed-up").assertCaseFinished();
  }
}
