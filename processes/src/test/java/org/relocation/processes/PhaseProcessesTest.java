package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every path of the phase processes other than immigration, each started on its own. */
class PhaseProcessesTest extends ProcessTestSupport {

  /** What book-household-shipment answers when it ordered the shipment (no quotes). */
  private static final Map<String, Object> SHIPMENT_ORDERED = Map.of("shipmentQuotes", false, "serviceQuoteWait", "PT48H");

  @Test
  @DisplayName("household shipment quoted: relocation-service-quotes is called for household-goods, the mover chosen and ordered, then confirmed")
  void householdShipmentQuoted() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", false, "housingQuoteWait", "PT48H"));
    journey.completeExternalTask("book-household-shipment", Map.of("shipmentQuotes", true, "serviceQuoteWait", "PT48H"));
    journey.assertWaitingAt("await-service-quotes").assertNotWaitingAt("await-shipment-confirmation");
    assertThat(journey.variable("relocation-service-quotes", "quotedItem")).isEqualTo("household-goods");
    journey.correlate("service-quotes-answered", Map.of("serviceQuoteReceived", true));
    journey.userTask("choose-service-quote").hasCandidateGroup("mobility-specialist").complete(Map.of("chosenQuote", "Q-1"));
    journey.completeExternalTask("order-quoted-service");
    journey.assertWaitingAt("await-shipment-confirmation");
    journey.correlate("housing-confirmed", WITHIN_QUOTE);
    journey.correlate("shipment-confirmed");

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertEndedAt("relocation-service-quotes", "service-ordered")
        .assertPassed("quote-household-shipment", "choose-service-quote", "order-quoted-service")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("intake, eligible: policy, estimate (reason 'intake') and review, ends at intake-done")
  void intakeEligible() {
    JourneyDriver journey = newCase();
    journey.start("relocation-intake", caseVariables("PERMANENT_TRANSFER", 1, false));
    journey.assertPassed("intake-started", "sent-back-gateway").assertWaitingAt("apply-relocation-policy");
    journey.applyPolicy(true);
    journey.estimate("intake", true);
    journey.userTask("review-intake").hasCandidateGroup("mobility-specialist").complete(Map.of("intakeVerified", true));

    journey.assertEndedAt("relocation-intake", "intake-done")
        .assertPassed("apply-relocation-policy", "eligible-gateway", "estimate-relocation-cost", "review-intake")
        .assertNotReached("revise-intake", "intake-ineligible")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-intake")).containsEntry("eligible", true)
        .containsEntry("estimateExceedsBudget", true);
  }

  @Test
  @DisplayName("intake, sent back by the specialist's review: revised, estimated again, reviewed again, ends at intake-done")
  void intakeSentBackByTheReview() {
    JourneyDriver journey = newCase();
    journey.start("relocation-intake", eligibleCase());
    journey.applyPolicy(true);
    journey.estimate("intake", false);
    journey.userTask("review-intake").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("intakeVerified", true, "reviewDecision", "send-back", "reviewComment", "The host city is wrong"));
    journey.assertWaitingAt("revise-intake").assertPassed("review-gateway").assertNotReached("intake-done");
    journey.userTask("revise-intake").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("revisedHostCity", "Munich", "revisionNote", "Host city corrected"));
    journey.applyPolicy(true);
    journey.estimate("intake", false);
    // no decision sent: the task's own default ('accept') completes the intake
    journey.userTask("review-intake").complete(Map.of("intakeVerified", true));

    journey.assertEndedAt("relocation-intake", "intake-done")
        .assertPassedTimes("review-intake", 2)
        .assertPassedTimes("apply-relocation-policy", 2)
        .assertNotReached("intake-ineligible")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-intake")).containsEntry("reviewDecision", "accept");
  }

  @Test
  @DisplayName("intake, not eligible: ends at the error end event intake-ineligible, no estimate")
  void intakeIneligible() {
    JourneyDriver journey = newCase();
    journey.start("relocation-intake", caseVariables("LOCAL_HIRE", 24, false));
    journey.applyPolicy(false);

    journey.assertEndedAt("relocation-intake", "intake-ineligible")
        .assertPassed("apply-relocation-policy", "eligible-gateway")
        .assertNotReached("revise-intake", "estimate-relocation-cost", "review-intake", "intake-done")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-intake")).containsEntry("eligible", false)
        .containsEntry("ineligibilityReason", JourneyDriver.INELIGIBILITY_REASON);
  }

  @Test
  @DisplayName("intake, sent back by an approver: the specialist revises it first; the estimate reason is 'revised intake'")
  void intakeSentBack() {
    JourneyDriver journey = newCase();
    Map<String, Object> variables = new HashMap<>(eligibleCase());
    variables.put("approvalOutcome", "sent-back");
    journey.start("relocation-intake", variables);

    journey.assertWaitingAt("revise-intake").assertNotWaitingAt("apply-relocation-policy");
    journey.passRevisedIntake();

    journey.assertEndedAt("relocation-intake", "intake-done")
        .assertPassed("sent-back-gateway", "revise-intake", "apply-relocation-policy", "eligible-gateway",
            "estimate-relocation-cost", "review-intake")
        .assertPassedTimes("apply-relocation-policy", 1)
        .assertNotReached("intake-ineligible")
        .assertCaseFinished();
    assertThat(journey.historicVariables("relocation-intake")).containsEntry("revisionNote", "Budget raised as asked");
  }

  @Test
  @DisplayName("intake, sent back, then not eligible after the revision: ends at intake-ineligible")
  void intakeSentBackThenIneligible() {
    JourneyDriver journey = newCase();
    Map<String, Object> variables = new HashMap<>(eligibleCase());
    variables.put("approvalOutcome", "sent-back");
    journey.start("relocation-intake", variables);
    journey.userTask("revise-intake").complete(Map.of("revisionNote", "Now a local hire"));
    journey.applyPolicy(false);

    journey.assertEndedAt("relocation-intake", "intake-ineligible")
        .assertPassed("revise-intake")
        .assertNotReached("estimate-relocation-cost", "review-intake")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("housing: kick-off, both bookings, both vendor confirmations in either order")
  void housing() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").hasCandidateGroup("mobility-specialist").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.assertWaitingAt("book-temporary-housing", "book-household-shipment");
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    journey.completeExternalTask("book-temporary-housing", ONE_HOUSING_VENDOR);
    journey.assertWaitingAt("await-housing-confirmation").assertRunning("relocation-housing");
    journey.correlate("housing-confirmed", WITHIN_QUOTE);

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("housing-split", "housing-join", "await-housing-confirmation", "await-shipment-confirmation")
        .assertNotReached("await-housing-quotes", "choose-housing-quote", "order-chosen-housing")
        .assertCaseFinished();
  }

  /** What book-temporary-housing answers with one housing vendor (or none) for the host city: it ordered the stay. */
  static final Map<String, Object> ONE_HOUSING_VENDOR = Map.of("housingQuotes", false, "housingQuoteWait", "PT48H");
  /** What a housing vendor's confirmation carries when its invoice is within the accepted quote, or there is no quote. */
  static final Map<String, Object> WITHIN_QUOTE = Map.of("invoiceAboveQuote", false);

  @Test
  @DisplayName("housing quotes: all answered, the specialist chooses, the chosen vendor is ordered and confirms")
  void housingQuotesAllAnswered() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", true, "housingQuoteWait", "PT48H"));
    journey.assertWaitingAt("await-housing-quotes").assertNotWaitingAt("await-housing-confirmation");
    journey.correlate("housing-quotes-answered", Map.of("housingQuoteReceived", true));
    journey.userTask("choose-housing-quote").hasCandidateGroup("mobility-specialist").complete(Map.of("chosenQuote", "HQ-1"));
    journey.assertWaitingAt("order-chosen-housing").assertNotWaitingAt("await-housing-confirmation");
    journey.completeExternalTask("order-chosen-housing");
    journey.assertWaitingAt("await-housing-confirmation");
    assertThat(journey.timerJobs()).as("the quote wait's timer is gone once all answered").isEmpty();
    journey.correlate("housing-confirmed", WITHIN_QUOTE);

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("housing-quotes-answered", "choose-housing-quote", "order-chosen-housing", "housing-order-placed")
        .assertNotReached("housing-quotes-timeout", "expire-housing-quotes")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("housing quotes: the chosen vendor misses its SLA, the specialists re-quote, quotes again, another is chosen and confirms")
  void housingRequotedAfterTheChosenVendorMissedItsSla() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    quotesChosenAndOrdered(journey, "HQ-1");
    assertThat(awaiting(journey, "housing-confirmed")).as("the stay awaits its confirmation").isTrue();
    assertThat(awaiting(journey, "housing-requote-requested")).as("or a re-quote").isTrue();

    // resolve-vendor-delay's re-quote (HousingRequote): back to the quote request
    journey.correlate("housing-requote-requested");
    journey.assertWaitingAt("book-temporary-housing").assertNotWaitingAt("await-housing-confirmation");
    assertThat(awaiting(journey, "housing-confirmed")).as("a late confirmation of the withdrawn order finds nothing waiting").isFalse();
    quotesChosenAndOrdered(journey, "HQ-2");
    journey.correlate("housing-confirmed", WITHIN_QUOTE);

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("housing-requote-requested", "temporary-housing-requested", "housing-confirmed")
        .assertPassedTimes("book-temporary-housing", 2)
        .assertPassedTimes("choose-housing-quote", 2)
        .assertPassedTimes("order-chosen-housing", 2)
        .assertPassedTimes("housing-confirmed", 1)
        .assertCaseFinished();
  }

  /** book-temporary-housing asks for quotes, all answer, the specialist chooses one, its vendor is ordered. */
  private static void quotesChosenAndOrdered(JourneyDriver journey, String chosenQuote) {
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", true, "housingQuoteWait", "PT48H"));
    journey.assertWaitingAt("await-housing-quotes");
    journey.correlate("housing-quotes-answered", Map.of("housingQuoteReceived", true));
    journey.userTask("choose-housing-quote").hasCandidateGroup("mobility-specialist").complete(Map.of("chosenQuote", chosenQuote));
    journey.completeExternalTask("order-chosen-housing");
    journey.assertWaitingAt("await-housing-confirmation");
  }

  private static boolean awaiting(JourneyDriver journey, String message) {
    return ENGINE.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(journey.businessKey())
        .messageEventSubscriptionName(message).count() > 0;
  }

  @Test
  @DisplayName("housing re-quoted, but no other vendor is left by the time of the request: ordered without quotes, confirmed")
  void housingRequotedWithNoVendorLeft() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", ONE_HOUSING_VENDOR);
    journey.assertWaitingAt("await-housing-confirmation");
    journey.correlate("housing-requote-requested");
    journey.completeExternalTask("book-temporary-housing", ONE_HOUSING_VENDOR);
    journey.assertWaitingAt("await-housing-confirmation").assertNotWaitingAt("await-housing-quotes");
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    journey.correlate("housing-confirmed", WITHIN_QUOTE);

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassedTimes("book-temporary-housing", 2)
        .assertPassed("housing-requote-requested", "housing-confirmed")
        .assertNotReached("await-housing-quotes", "choose-housing-quote")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("housing quotes: a vendor never answers, the wait runs out, the open quotes expire, the specialist chooses among the rest")
  void housingQuotesWaitRunsOut() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", true, "housingQuoteWait", "PT2H"));
    journey.assertWaitingAt("await-housing-quotes");
    journey.moveClockBy(Duration.ofMinutes(119));
    assertThat(journey.executeDueTimers()).as("timers due before the wait ran out").isZero();
    journey.moveClockBy(Duration.ofMinutes(2));
    assertThat(journey.executeDueTimers()).as("the quote wait's timer").isEqualTo(1);
    journey.assertWaitingAt("expire-housing-quotes").assertNotWaitingAt("choose-housing-quote");
    journey.completeExternalTask("expire-housing-quotes", Map.of("housingQuoteReceived", true));
    journey.userTask("choose-housing-quote").complete(Map.of("chosenQuote", "HQ-2"));
    journey.completeExternalTask("order-chosen-housing");
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("housing-confirmed", WITHIN_QUOTE);
    journey.correlate("shipment-confirmed");

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("housing-quotes-timeout", "expire-housing-quotes", "choose-housing-quote", "order-chosen-housing")
        .assertNotReached("housing-quotes-answered", "order-housing-without-quotes")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("housing quotes: all declined, the housing is ordered without a quote, no choice asked")
  void housingQuotesAllDeclined() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", true, "housingQuoteWait", "PT48H"));
    journey.correlate("housing-quotes-answered", Map.of("housingQuoteReceived", false));
    journey.assertWaitingAt("order-housing-without-quotes").assertNotWaitingAt("choose-housing-quote");
    journey.completeExternalTask("order-housing-without-quotes");
    journey.assertWaitingAt("await-housing-confirmation");
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    journey.correlate("housing-confirmed", WITHIN_QUOTE);

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("housing-quote-received", "order-housing-without-quotes", "housing-order-placed")
        .assertNotReached("choose-housing-quote", "order-chosen-housing", "decide-invoice-excess")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("housing quotes: none answered by the end of the wait, the housing is ordered without a quote")
  void housingQuotesNoneAnswered() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", true, "housingQuoteWait", "PT2H"));
    journey.moveClockBy(Duration.ofMinutes(121));
    assertThat(journey.executeDueTimers()).as("the quote wait's timer").isEqualTo(1);
    journey.completeExternalTask("expire-housing-quotes", Map.of("housingQuoteReceived", false));
    journey.completeExternalTask("order-housing-without-quotes");
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    journey.correlate("housing-confirmed", WITHIN_QUOTE);

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("expire-housing-quotes", "order-housing-without-quotes")
        .assertNotReached("choose-housing-quote", "housing-quotes-answered")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("housing quotes: the invoice is above the accepted quote, finance decides before the move is arranged")
  void housingInvoiceAboveQuote() {
    JourneyDriver journey = newCase();
    journey.start("relocation-housing", eligibleCase());
    journey.userTask("record-kickoff-call").complete(Map.of("kickoffDate", "2026-03-10"));
    journey.completeExternalTask("book-temporary-housing", Map.of("housingQuotes", true, "housingQuoteWait", "PT48H"));
    journey.correlate("housing-quotes-answered", Map.of("housingQuoteReceived", true));
    journey.userTask("choose-housing-quote").complete(Map.of("chosenQuote", "HQ-1"));
    journey.completeExternalTask("order-chosen-housing");
    journey.completeExternalTask("book-household-shipment", SHIPMENT_ORDERED);
    journey.correlate("shipment-confirmed");
    journey.correlate("housing-confirmed", Map.of("invoiceAboveQuote", true));
    journey.assertRunning("relocation-housing");
    journey.userTask("decide-invoice-excess").hasCandidateGroup("finance")
        .complete(Map.of("invoiceDecision", "dispute", "invoiceDecisionNote", "The quote is what was agreed"));

    journey.assertEndedAt("relocation-housing", "move-arranged")
        .assertPassed("invoice-above-quote", "decide-invoice-excess", "invoice-settled", "housing-join")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("payroll: instruction, provider confirms, finance confirms, ledger schedules, tax briefing")
  void payroll() {
    JourneyDriver journey = newCase();
    journey.start("relocation-payroll", eligibleCase());
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.assertWaitingAt("await-payroll-provider-answer").assertRunning("relocation-payroll");
    journey.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    journey.userTask("confirm-payroll-setup").hasCandidateGroup("finance").complete(Map.of("payrollConfirmed", true));
    journey.completeExternalTask("schedule-payroll-payments");
    journey.completeExternalTask("request-tax-briefing");

    journey.assertEndedAt("relocation-payroll", "payroll-set-up")
        .assertPassed("await-payroll-provider-answer", "payroll-provider-answer-gateway")
        .assertNotReached("correct-payroll-instruction", "follow-up-payroll-provider")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("payroll: the provider rejects, the specialist corrects, a new version is sent and confirmed")
  void payrollRejectedThenCorrected() {
    JourneyDriver journey = newCase();
    journey.start("relocation-payroll", eligibleCase());
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "rejected"));
    journey.userTask("correct-payroll-instruction").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("correctionNotes", "Host start date corrected"));
    journey.assertWaitingAt("prepare-payroll-instruction");
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.assertWaitingAt("await-payroll-provider-answer");
    journey.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    journey.userTask("confirm-payroll-setup").hasCandidateGroup("finance").complete(Map.of("payrollConfirmed", true));
    journey.completeExternalTask("schedule-payroll-payments");
    journey.completeExternalTask("request-tax-briefing");

    journey.assertEndedAt("relocation-payroll", "payroll-set-up").assertPassed("correct-payroll-instruction").assertCaseFinished();
  }

  @Test
  @DisplayName("payroll: the provider silent for 5 days: follow-up task, and the answer is still awaited")
  void payrollProviderSlaBreached() {
    JourneyDriver journey = newCase();
    journey.start("relocation-payroll", eligibleCase());
    journey.completeExternalTask("prepare-payroll-instruction");
    journey.moveClockBy(java.time.Duration.ofDays(4));
    assertThat(journey.executeDueTimers()).as("timers due after 4 days").isZero();
    journey.moveClockBy(java.time.Duration.ofDays(1).plusMinutes(1));
    assertThat(journey.executeDueTimers()).as("timers due after 5 days").isEqualTo(1);

    journey.assertPassed("payroll-provider-sla-breached").assertWaitingAt("await-payroll-provider-answer", "follow-up-payroll-provider");
    journey.userTask("follow-up-payroll-provider").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("payrollFollowUpNotes", "Provider chased by phone"));
    journey.assertPassed("payroll-provider-followed-up").assertWaitingAt("await-payroll-provider-answer").assertRunning("relocation-payroll");

    journey.correlate("payroll-instruction-answered", Map.of("payrollOutcome", "confirmed"));
    journey.userTask("confirm-payroll-setup").complete(Map.of("payrollConfirmed", true));
    journey.completeExternalTask("schedule-payroll-payments");
    journey.completeExternalTask("request-tax-briefing");
    journey.assertEndedAt("relocation-payroll", "payroll-set-up").assertCaseFinished();
  }

  @Test
  @DisplayName("benefits, host plan, vendor confirms in time with cover from arrival: enrolled")
  void benefitsWithHostCoverage() {
    JourneyDriver journey = newCase();
    journey.start("relocation-benefits", eligibleCase());
    journey.completeExternalTask("determine-benefits-coverage");
    journey.userTask("confirm-benefits-enrolment").hasAssignee(EMPLOYEE).complete(Map.of("enrolmentConfirmed", true));
    journey.completeExternalTask("order-benefits-enrolment", Map.of("benefitsConfirmationDue", benefitsConfirmationDue()));
    journey.assertWaitingAt("await-benefits-enrolment-confirmation").assertRunning("relocation-benefits");
    journey.correlate("benefits-enrolment-confirmed", Map.of());
    journey.completeExternalTask("record-benefits-confirmation", Map.of("coverStartLate", false));

    journey.assertEndedAt("relocation-benefits", "benefits-enrolled")
        .assertPassed("coverage-merge", "cover-start-gateway")
        .assertNotReached("no-host-coverage", "arrange-international-coverage", "benefits-vendor-sla-breached",
            "follow-up-benefits-enrolment", "review-benefits-cover-start")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("benefits, no host plan (BPMN error): HR arranges international cover first, then the enrolment")
  void benefitsWithoutHostCoverage() {
    JourneyDriver journey = newCase();
    journey.start("relocation-benefits", eligibleCase());
    journey.throwBpmnError("determine-benefits-coverage", "no-host-coverage");
    journey.userTask("arrange-international-coverage").hasCandidateGroup("hr-admin").complete(Map.of("coverageProvider", "x"));
    journey.userTask("confirm-benefits-enrolment").hasAssignee(EMPLOYEE).complete(Map.of("enrolmentConfirmed", true));
    journey.completeExternalTask("order-benefits-enrolment", Map.of("benefitsConfirmationDue", benefitsConfirmationDue()));
    journey.correlate("benefits-enrolment-confirmed", Map.of());
    journey.completeExternalTask("record-benefits-confirmation", Map.of("coverStartLate", false));

    journey.assertEndedAt("relocation-benefits", "benefits-enrolled")
        .assertPassed("no-host-coverage", "arrange-international-coverage", "coverage-merge")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("benefits: the vendor silent for 5 days: follow-up task, the confirmation still awaited and then recorded")
  void benefitsVendorSlaBreached() {
    JourneyDriver journey = newCase();
    journey.start("relocation-benefits", eligibleCase());
    journey.completeExternalTask("determine-benefits-coverage");
    journey.userTask("confirm-benefits-enrolment").complete(Map.of("enrolmentConfirmed", true));
    journey.completeExternalTask("order-benefits-enrolment", Map.of("benefitsConfirmationDue", benefitsConfirmationDue()));
    journey.moveClockBy(java.time.Duration.ofDays(4));
    assertThat(journey.executeDueTimers()).as("timers due after 4 days").isZero();
    journey.moveClockBy(java.time.Duration.ofDays(1).plusMinutes(1));
    assertThat(journey.executeDueTimers()).as("timers due after 5 days").isEqualTo(1);

    journey.assertPassed("benefits-vendor-sla-breached")
        .assertWaitingAt("await-benefits-enrolment-confirmation", "follow-up-benefits-enrolment");
    journey.userTask("follow-up-benefits-enrolment").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("benefitsFollowUpNotes", "Vendor chased by phone"));
    journey.assertPassed("benefits-vendor-followed-up").assertWaitingAt("await-benefits-enrolment-confirmation")
        .assertRunning("relocation-benefits");

    journey.correlate("benefits-enrolment-confirmed", Map.of());
    journey.completeExternalTask("record-benefits-confirmation", Map.of("coverStartLate", false));
    journey.assertEndedAt("relocation-benefits", "benefits-enrolled").assertNotReached("review-benefits-cover-start")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("benefits: the vendor confirms a cover start after the arrival date: the specialist reviews it")
  void benefitsCoverStartsLate() {
    JourneyDriver journey = newCase();
    journey.start("relocation-benefits", eligibleCase());
    journey.completeExternalTask("determine-benefits-coverage");
    journey.userTask("confirm-benefits-enrolment").complete(Map.of("enrolmentConfirmed", true));
    journey.completeExternalTask("order-benefits-enrolment", Map.of("benefitsConfirmationDue", benefitsConfirmationDue()));
    journey.correlate("benefits-enrolment-confirmed", Map.of());
    journey.completeExternalTask("record-benefits-confirmation", Map.of("coverStartLate", true));

    journey.userTask("review-benefits-cover-start").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("coverStartOutcome", "backdated"));
    journey.assertEndedAt("relocation-benefits", "benefits-enrolled").assertPassed("review-benefits-cover-start")
        .assertNotReached("follow-up-benefits-enrolment").assertCaseFinished();
  }

  @Test
  @DisplayName("arrival, right to work verified: key dates registered")
  void arrival() {
    JourneyDriver journey = newCase();
    journey.start("relocation-arrival", eligibleCase());
    journey.userTask("confirm-arrival").hasCandidateGroup("mobility-specialist").complete(Map.of("arrivalDate", "2026-05-04"));
    journey.completeExternalTask("verify-right-to-work");
    journey.completeExternalTask("register-key-dates");

    journey.assertEndedAt("relocation-arrival", "arrival-completed")
        .assertNotReached("right-to-work-missing")
        .assertCaseFinished();
  }

  @Test
  @DisplayName("arrival, right to work missing (BPMN error): back to confirm-arrival, then verified")
  void arrivalWithRightToWorkMissing() {
    JourneyDriver journey = newCase();
    journey.start("relocation-arrival", eligibleCase());
    journey.userTask("confirm-arrival").complete(Map.of("arrivalDate", "2026-05-04"));
    journey.throwBpmnError("verify-right-to-work", "right-to-work-missing");

    journey.assertPassed("right-to-work-missing").assertWaitingAt("confirm-arrival");
    journey.userTask("confirm-arrival").hasCandidateGroup("mobility-specialist").complete(Map.of("arrivalDate", "2026-05-05"));
    journey.completeExternalTask("verify-right-to-work");
    journey.completeExternalTask("register-key-dates");

    journey.assertEndedAt("relocation-arrival", "arrival-completed")
        .assertPassedTimes("confirm-arrival", 2)
        .assertPassedTimes("verify-right-to-work", 2)
        .assertCaseFinished();
  }

  @Test
  @DisplayName("closure: final costs, approval, case closed")
  void closure() {
    JourneyDriver journey = newCase();
    journey.start("relocation-closure", eligibleCase());
    journey.completeExternalTask("summarise-final-costs");
    journey.userTask("approve-case-closure").hasCandidateGroup("mobility-specialist").complete(Map.of("closureConfirmed", true));
    journey.completeExternalTask("close-case");

    journey.assertEndedAt("relocation-closure", "case-closed").assertCaseFinished();
  }

  /** What the order worker sets: the start of the day after the vendor's confirmation deadline; here five days on. */
  private static String benefitsConfirmationDue() {
    return org.operaton.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(5)).toString();
  }
}
