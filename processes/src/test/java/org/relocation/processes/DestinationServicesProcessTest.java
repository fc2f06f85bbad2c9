package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.operaton.bpm.engine.externaltask.LockedExternalTask;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of relocation-destination-services: no services, every service (one per item, each confirmed by its
 * vendor's own message), two school searches told apart by their traveller, and the lease within the cap, above it
 * with the exception approved, and above it refused (recorded again).
 */
class DestinationServicesProcessTest extends ProcessTestSupport {

  private static final String PROCESS = "relocation-destination-services";
  /** What order-destination-service answers when it ordered the item (no quotes); each branch declares its own. */
  private static final Map<String, Object> ORDERED = Map.of("serviceQuotes", false, "serviceQuoteWait", "PT48H");

  @Test
  @DisplayName("no services decided: nothing ordered, the process ends")
  void noServices() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("decide-destination-services", Map.of("destinationServices", ""));

    journey.assertEndedAt(PROCESS, "destination-services-arranged")
        .assertNotReached("order-destination-service", "await-destination-service", "record-lease");
  }

  @Test
  @DisplayName("every service: each ordered and confirmed by its own message; the lease within the cap is accepted")
  void allServices() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("decide-destination-services", Map.of("destinationServices",
        "home-search,school-search:11,destination-services,language-training,partner-support:12,eap-enrolment"));
    journey.completeExternalTasks("order-destination-service", 6, ORDERED);
    assertThat(awaiting(journey)).isEqualTo(6);

    for (String message : new String[] {"destination-services-confirmed", "language-training-confirmed", "eap-enrolment-confirmed"}) {
      journey.correlate(message);
    }
    confirmFor(journey, "school-search-confirmed", "11");
    confirmFor(journey, "partner-support-confirmed", "12");
    journey.assertRunning(PROCESS).assertNotReached("record-lease");
    journey.correlate("home-search-confirmed");

    journey.userTask("record-lease").hasCandidateGroup("mobility-specialist").complete();
    journey.completeExternalTask("check-lease-rent", Map.of("leaseWithinCap", true));

    journey.assertEndedAt(PROCESS, "destination-services-arranged")
        .assertPassedTimes("service-arranged", 5)
        .assertPassed("lease-accepted")
        .assertNotReached("approve-lease-exception", "lease-accepted-by-exception");
  }

  @Test
  @DisplayName("two children of school age: two school searches, each confirmation moves only its child's order")
  void twoSchoolSearches() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("decide-destination-services", Map.of("destinationServices", "school-search:21,school-search:22"));
    journey.completeExternalTasks("order-destination-service", 2, ORDERED);

    confirmFor(journey, "school-search-confirmed", "22");
    assertThat(awaiting(journey)).isEqualTo(1);
    journey.assertRunning(PROCESS).assertPassedTimes("service-arranged", 1);
    confirmFor(journey, "school-search-confirmed", "21");

    journey.assertEndedAt(PROCESS, "destination-services-arranged").assertPassedTimes("service-arranged", 2);
  }

  @Test
  @DisplayName("lease above the cap: the HR lead approves the exception, the lease is accepted")
  void leaseAboveCapApproved() {
    JourneyDriver journey = homeSearchConfirmed();
    journey.userTask("record-lease").complete();
    journey.completeExternalTask("check-lease-rent", Map.of("leaseWithinCap", false));
    journey.userTask("approve-lease-exception").hasCandidateGroup("hr-lead").complete();
    journey.completeExternalTask("settle-lease-exception", Map.of("leaseAccepted", true));

    journey.assertEndedAt(PROCESS, "destination-services-arranged")
        .assertPassed("lease-accepted-by-exception").assertNotReached("lease-accepted")
        .assertPassedTimes("record-lease", 1);
  }

  @Test
  @DisplayName("lease above the cap, exception refused: record-lease again, then a lease within the cap")
  void leaseAboveCapRefusedThenRecordedAgain() {
    JourneyDriver journey = homeSearchConfirmed();
    journey.userTask("record-lease").complete();
    journey.completeExternalTask("check-lease-rent", Map.of("leaseWithinCap", false));
    journey.userTask("approve-lease-exception").complete();
    journey.completeExternalTask("settle-lease-exception", Map.of("leaseAccepted", false));

    journey.assertWaitingAt("record-lease").assertRunning(PROCESS);
    journey.userTask("record-lease").hasCandidateGroup("mobility-specialist").complete();
    journey.completeExternalTask("check-lease-rent", Map.of("leaseWithinCap", true));

    journey.assertEndedAt(PROCESS, "destination-services-arranged")
        .assertPassed("lease-accepted").assertNotReached("lease-accepted-by-exception")
        .assertPassedTimes("record-lease", 2).assertPassedTimes("approve-lease-exception", 1);
  }

  private static JourneyDriver homeSearchConfirmed() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("decide-destination-services", Map.of("destinationServices", "home-search"));
    journey.completeExternalTasks("order-destination-service", 1, ORDERED);
    journey.correlate("home-search-confirmed");
    return journey;
  }

  /** How many orders of the case await their vendor's confirmation. */
  private static long awaiting(JourneyDriver journey) {
    return ENGINE.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(journey.businessKey())
        .activityId("await-destination-service").count();
  }

  /** A vendor's confirmation of one traveller's order, as the callback correlates it (local variable orderTraveller). */
  private static void confirmFor(JourneyDriver journey, String message, String travellerId) {
    ENGINE.getRuntimeService().createMessageCorrelation(message)
        .processInstanceBusinessKey(journey.businessKey())
        .localVariableEquals("orderTraveller", travellerId)
        .correlate();
    journey.executeAsyncContinuations();
  }

  @Test
  @DisplayName("a quoted service: its branch calls relocation-service-quotes, the chosen vendor's order confirmed; the other branch ordered at once")
  void quotedService() {
    JourneyDriver journey = newCase();
    journey.start(PROCESS, eligibleCase());
    journey.completeExternalTask("decide-destination-services", Map.of("destinationServices", "language-training,eap-enrolment"));
    List<LockedExternalTask> orders = journey.fetchExternalTasks("order-destination-service", 2);
    for (LockedExternalTask order : orders) {
      boolean quoted = "language-training".equals(order.getVariables().get("destinationService"));
      journey.completeLocked(order, Map.of("serviceQuotes", quoted, "serviceQuoteWait", "PT48H"));
    }
    journey.assertWaitingAt("await-service-quotes");
    journey.correlate("eap-enrolment-confirmed");
    journey.correlate("service-quotes-answered", Map.of("serviceQuoteReceived", true));
    journey.userTask("choose-service-quote").hasCandidateGroup("mobility-specialist").complete(Map.of("chosenQuote", "Q-1"));
    journey.completeExternalTask("order-quoted-service");
    journey.correlate("language-training-confirmed");

    journey.assertEndedAt(PROCESS, "destination-services-arranged")
        .assertEndedAt("relocation-service-quotes", "service-ordered")
        .assertPassedTimes("service-arranged", 2)
        .assertPassedTimes("quote-destination-service", 1);
  }
}
