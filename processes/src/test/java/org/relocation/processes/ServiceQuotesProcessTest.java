package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of relocation-service-quotes: all answered with one received (chosen, ordered on it), all answered with
 * none received (ordered without a quote, no choice asked), the wait running out with one received (the others expire,
 * the choice is asked) and with none (ordered without a quote).
 */
class ServiceQuotesProcessTest extends ProcessTestSupport {

  private static final String PROCESS = "relocation-service-quotes";

  private JourneyDriver started(String wait) {
    JourneyDriver journey = newCase();
    Map<String, Object> variables = new java.util.HashMap<>(eligibleCase());
    variables.put("quotedItem", "household-goods");
    variables.put("serviceQuoteWait", wait);
    journey.start(PROCESS, variables);
    journey.assertWaitingAt("await-service-quotes");
    return journey;
  }

  @Test
  @DisplayName("all answered, one received: the specialist chooses, the item is ordered on the chosen quote")
  void answeredAndChosen() {
    JourneyDriver journey = started("PT48H");
    journey.correlate("service-quotes-answered", Map.of("serviceQuoteReceived", true));
    journey.userTask("choose-service-quote").hasCandidateGroup("mobility-specialist").complete(Map.of("chosenQuote", "Q-1"));
    journey.completeExternalTask("order-quoted-service");

    journey.assertEndedAt(PROCESS, "service-ordered")
        .assertPassed("service-quotes-answered", "choose-service-quote", "order-quoted-service")
        .assertNotReached("service-quotes-timeout", "expire-service-quotes");
  }

  @Test
  @DisplayName("all answered, none received (all declined): ordered without a quote, no choice asked")
  void answeredNoneReceived() {
    JourneyDriver journey = started("PT48H");
    journey.correlate("service-quotes-answered", Map.of("serviceQuoteReceived", false));
    journey.assertWaitingAt("order-quoted-service").assertNotWaitingAt("choose-service-quote");
    journey.completeExternalTask("order-quoted-service");

    journey.assertEndedAt(PROCESS, "service-ordered").assertNotReached("choose-service-quote", "expire-service-quotes");
  }

  @Test
  @DisplayName("the wait runs out with one received: the others expire, the choice is asked")
  void waitRunsOutOneReceived() {
    JourneyDriver journey = started("PT2H");
    journey.moveClockBy(Duration.ofMinutes(119));
    assertThat(journey.executeDueTimers()).as("timers due before the wait ran out").isZero();
    journey.moveClockBy(Duration.ofMinutes(2));
    assertThat(journey.executeDueTimers()).as("the quote wait's timer").isEqualTo(1);
    journey.completeExternalTask("expire-service-quotes", Map.of("serviceQuoteReceived", true));
    journey.userTask("choose-service-quote").complete(Map.of("chosenQuote", "Q-2"));
    journey.completeExternalTask("order-quoted-service");

    journey.assertEndedAt(PROCESS, "service-ordered")
        .assertPassed("service-quotes-timeout", "expire-service-quotes", "choose-service-quote")
        .assertNotReached("service-quotes-answered");
  }

  @Test
  @DisplayName("the wait runs out with none received: ordered without a quote")
  void waitRunsOutNoneReceived() {
    JourneyDriver journey = started("PT1H");
    journey.moveClockBy(Duration.ofMinutes(61));
    assertThat(journey.executeDueTimers()).isEqualTo(1);
    journey.completeExternalTask("expire-service-quotes", Map.of("serviceQuoteReceived", false));
    journey.completeExternalTask("order-quoted-service");

    journey.assertEndedAt(PROCESS, "service-ordered").assertNotReached("choose-service-quote", "service-quotes-answered");
  }

  @Test
  @DisplayName("re-quoted: started by service-requote-requested, the other vendors asked, the wait and choice as the first time")
  void requoted() {
    JourneyDriver journey = newCase();
    Map<String, Object> variables = new java.util.HashMap<>(eligibleCase());
    variables.put("quotedItem", "household-goods");
    variables.put("serviceQuoteWait", "PT48H");
    journey.startByMessage("service-requote-requested", variables);
    journey.completeExternalTask("request-service-requotes", Map.of("serviceQuotesAsked", true));
    journey.assertWaitingAt("await-service-quotes");
    journey.correlate("service-quotes-answered", Map.of("serviceQuoteReceived", true));
    journey.userTask("choose-service-quote").complete(Map.of("chosenQuote", "Q-3"));
    journey.completeExternalTask("order-quoted-service");

    journey.assertEndedAt(PROCESS, "service-ordered").assertPassed("service-requote-requested", "request-service-requotes")
        .assertNotReached("service-quotes-started");
  }

  @Test
  @DisplayName("re-quoted with no other vendor left: the worker ordered without a quote, the process ends")
  void requotedNoneLeft() {
    JourneyDriver journey = newCase();
    Map<String, Object> variables = new java.util.HashMap<>(eligibleCase());
    variables.put("quotedItem", "language-training");
    variables.put("serviceQuoteWait", "PT48H");
    journey.startByMessage("service-requote-requested", variables);
    journey.completeExternalTask("request-service-requotes", Map.of("serviceQuotesAsked", false));

    journey.assertEndedAt(PROCESS, "ordered-without-quotes").assertNotReached("await-service-quotes", "choose-service-quote");
  }
}
