package org.relocation.quote;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorRate;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorSlas;
import org.relocation.vendor.VendorTerms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Quotes for the services the services policy marks (household goods, language training), through HTTP and the demo
 * simulator playing the vendors: each test registers vendors for a host city of its own (so no other case sees them) and
 * deactivates them afterwards. Each quoted item has its own relocation-service-quotes and its own choice; a bad choice
 * is a 400 naming chosenQuote with nothing written; the chosen vendor's order carries the quote; a vendor that declined
 * to quote is passed over when the order is switched.
 */
@ServerTest
class ServiceQuotesTest {

    @LocalServerPort
    int port;
    @Autowired
    VendorRegister register;
    @Autowired
    ServiceQuotes quotes;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    VendorSlas slas;
    @Autowired
    org.relocation.destination.DestinationServices destinationServices;

    private final List<Vendor> registered = new ArrayList<>();

    @AfterEach
    void deactivateTheVendors() {
        registered.forEach(v -> register.deactivate(v.getId(), "test"));
    }

    @Test
    void theShipmentAndTheLanguageTrainingAreQuotedAtOnceAndEachChoiceTakesOnlyItsOwnQuotes() {
        String city = city();
        Vendor dearMover = vendor(city, "moving", "normal", VendorRate.Unit.ORDER, "1200.00");
        Vendor cheapMover = vendor(city, "moving", "normal", VendorRate.Unit.ORDER, "950.00");
        Vendor fullMover = vendor(city, "moving", "refuse", VendorRate.Unit.ORDER, "800.00");
        Vendor dearTeacher = vendor(city, "language-training", "normal", VendorRate.Unit.HOUR, "75.00");
        Vendor cheapTeacher = vendor(city, "language-training", "normal", VendorRate.Unit.HOUR, "60.00");
        vendor(city, "housing", "normal", VendorRate.Unit.NIGHT, "1.00"); // one housing vendor: the stay is ordered, no quotes
        Case c = caseAtKickoff(city, true);

        Task shipmentChoice = choice(c, "household-goods");
        Task languageChoice = choice(c, "language-training");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(quotes.latest(c.id(), "household-goods")).extracting(ServiceQuote::getStatus).containsExactly(
                    ServiceQuote.Status.RECEIVED, ServiceQuote.Status.RECEIVED, ServiceQuote.Status.DECLINED);
            assertThat(quotes.latest(c.id(), "language-training")).extracting(ServiceQuote::getStatus).containsExactly(
                    ServiceQuote.Status.RECEIVED, ServiceQuote.Status.RECEIVED);
        });
        List<ServiceQuote> moves = quotes.latest(c.id(), "household-goods");
        List<ServiceQuote> lessons = quotes.latest(c.id(), "language-training");
        assertThat(moves).extracting(ServiceQuote::getVendorId).containsExactly(dearMover.getId(), cheapMover.getId(), fullMover.getId());
        assertThat(moves).allSatisfy(q -> assertThat(q.getServiceType()).isEqualTo(ServiceType.HOUSEHOLD_SHIPMENT));
        assertThat(moves.get(0).getDetail()).startsWith("Household goods shipment of up to").endsWith("to " + city + ", DE");
        assertThat(moves.get(1).getPrice()).isEqualByComparingTo("950.00");
        assertThat(lessons.get(0).getDetail()).startsWith("Language and cultural training (de)");
        int hours = Integer.parseInt(lessons.get(0).getDetail().replaceAll(".*: (\\d+) hours.*", "$1"));
        assertThat(lessons).extracting(ServiceQuote::getPrice).usingElementComparator(BigDecimal::compareTo)
                .as("the hours the policy grants at each teacher's rate")
                .containsExactly(new BigDecimal("75.00").multiply(BigDecimal.valueOf(hours)), new BigDecimal("60.00").multiply(BigDecimal.valueOf(hours)));

        // each form compares its own item's quotes side by side
        Api specialist = Api.as(port, "specialist");
        String shipmentForm = specialist.get("/engine-rest/task/" + shipmentChoice.getId() + "/form-variables").getBody().toString();
        assertThat(shipmentForm).contains(moves.get(0).getReference(), moves.get(1).getReference(), moves.get(2).getReference(),
                "1200.00 EUR", "950.00 EUR", "declined", "Household goods shipment").doesNotContain(lessons.get(0).getReference());

        // bad choices: each a 400 naming chosenQuote, nothing written
        for (String bad : List.of(lessons.get(1).getReference(), moves.get(2).getReference(), "Q-NOT-A-QUOTE")) {
            ResponseEntity<JsonNode> refused = specialist.complete(shipmentChoice.getId(), vars("chosenQuote", bad));
            assertThat(refused.getStatusCode().value()).as("choose %s", bad).isEqualTo(400);
            assertThat(refused.getBody().toString()).contains("chosenQuote");
        }
        // pointing the choice at the other item by a variable of the submission: not a field of the form
        ResponseEntity<JsonNode> redirected = specialist.complete(shipmentChoice.getId(),
                vars("chosenQuote", lessons.get(1).getReference(), ServiceQuotes.ITEM_VARIABLE, "language-training"));
        assertThat(redirected.getStatusCode().value()).isEqualTo(400);
        assertThat(redirected.getBody().toString()).contains(ServiceQuotes.ITEM_VARIABLE);
        ResponseEntity<JsonNode> missing = specialist.complete(shipmentChoice.getId(), vars("chosenQuote", ""));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().toString()).contains("chosenQuote");
        assertThat(quotes.latest(c.id(), "household-goods")).as("nothing written").extracting(ServiceQuote::getStatus).containsExactly(
                ServiceQuote.Status.RECEIVED, ServiceQuote.Status.RECEIVED, ServiceQuote.Status.DECLINED);
        assertThat(ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT)).isEmpty();

        // the cheaper mover chosen: its order carries the quote, the other received is told it was not chosen
        assertThat(specialist.complete(shipmentChoice.getId(), vars("chosenQuote", moves.get(1).getReference())).getStatusCode().value())
                .isEqualTo(204);
        assertThat(quotes.latest(c.id(), "household-goods")).extracting(ServiceQuote::getStatus).containsExactly(
                ServiceQuote.Status.NOT_CHOSEN, ServiceQuote.Status.CHOSEN, ServiceQuote.Status.DECLINED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder move = ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT).get(0);
            assertThat(move.getVendorId()).isEqualTo(cheapMover.getId());
            assertThat(move.getQuoteReference()).isEqualTo(moves.get(1).getReference());
            assertThat(move.getQuotedAmount()).isEqualByComparingTo("950.00");
            assertThat(move.getDetail()).contains("accepted quote " + moves.get(1).getReference() + " at 950.00 EUR");
            assertThat(move.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
            assertThat(quotes.latest(c.id(), "household-goods").get(0).getNotifiedAt()).as("the dear mover told").isNotNull();
        });
        assertThat(quotes.latest(c.id(), "household-goods").get(2).getNotifiedAt()).as("a decliner is not told again").isNull();
        assertThat(ofType(c.id(), ServiceType.LANGUAGE_TRAINING)).as("the other item still waits for its own choice").isEmpty();

        // the language training: its own choice, its own order
        String languageForm = specialist.get("/engine-rest/task/" + languageChoice.getId() + "/form-variables").getBody().toString();
        assertThat(languageForm).contains(lessons.get(0).getReference(), lessons.get(1).getReference()).doesNotContain(moves.get(1).getReference());
        assertThat(specialist.complete(languageChoice.getId(), vars("chosenQuote", lessons.get(1).getReference())).getStatusCode().value())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder training = ofType(c.id(), ServiceType.LANGUAGE_TRAINING).get(0);
            assertThat(training.getVendorId()).isEqualTo(cheapTeacher.getId());
            assertThat(training.getQuoteReference()).isEqualTo(lessons.get(1).getReference());
            assertThat(training.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
        });
        assertThat(dearTeacher.getId()).isNotEqualTo(cheapTeacher.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number()).processDefinitionKey("relocation-service-quotes")
                .count()).as("both quote processes ended").isZero();
    }

    @Test
    void withNoQuoteReceivedTheShipmentIsOrderedWithoutOneAndNoChoiceIsAsked() {
        String city = city();
        vendor(city, "moving", "refuse", VendorRate.Unit.ORDER, "1000.00");
        vendor(city, "moving", "refuse", VendorRate.Unit.ORDER, "1100.00");
        vendor(city, "housing", "normal", VendorRate.Unit.NIGHT, "1.00");
        Case c = caseAtKickoff(city, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT)).hasSize(1));
        assertThat(quotes.latest(c.id(), "household-goods")).extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.DECLINED, ServiceQuote.Status.DECLINED);
        ServiceOrder move = ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT).get(0);
        assertThat(move.getVendorId()).as("both declined: the configured moving endpoint").isNull();
        assertThat(move.getQuoteReference()).isNull();
        assertThat(move.getDetail()).endsWith("; no quote was received, ordered without one");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c.number()).taskDefinitionKey("choose-service-quote").count())
                .isZero();
        assertThat(Api.as(port, "specialist").caseDetails(c.id()).toString())
                .contains("No moving quote received (2 declined, 0 unanswered): household shipment ordered without a quote");
    }

    @Test
    void aSwitchAfterAMissedSlaPassesOverTheMoverThatDeclinedToQuoteAndDoesNotPassOnTheQuote() {
        String city = city();
        Vendor declining = vendor(city, "moving", "refuse", VendorRate.Unit.ORDER, "800.00");
        Vendor silent = vendor(city, "moving", "never", VendorRate.Unit.ORDER, "950.00");
        vendor(city, "housing", "normal", VendorRate.Unit.NIGHT, "1.00");
        Case c = caseAtKickoff(city, false);

        // the silent mover's quote answered by hand (its simulator never answers), chosen; its order is never answered
        ServiceQuote quote = await().atMost(Duration.ofSeconds(30)).until(() -> quotes.latest(c.id(), "household-goods").stream()
                .filter(q -> q.getVendorId().equals(silent.getId()) && q.getSentAt() != null).findFirst(), java.util.Optional::isPresent).orElseThrow();
        answerQuote(silent, "{\"reference\":\"" + quote.getReference() + "\",\"status\":\"QUOTED\",\"price\":950.00,\"currency\":\"EUR\"}");
        Task shipmentChoice = choice(c, "household-goods");
        assertThat(quotes.latest(c.id(), "household-goods")).extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.DECLINED, ServiceQuote.Status.RECEIVED);
        assertThat(Api.as(port, "specialist").complete(shipmentChoice.getId(), vars("chosenQuote", quote.getReference()))
                .getStatusCode().value()).isEqualTo(204);
        ServiceOrder move = await().atMost(Duration.ofSeconds(30)).until(() -> ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT),
                l -> !l.isEmpty() && l.get(0).getStatus() == ServiceOrder.Status.SENT).get(0);
        assertThat(move.getDetail()).contains("accepted quote " + quote.getReference() + " at 950.00 EUR");
        assertThat(quotes.declined(c.id(), ServiceType.HOUSEHOLD_SHIPMENT, null)).containsExactly(declining.getId());

        assertThat(slas.nextVendor(move)).as("the only other mover declined to quote this move").isEmpty();
        Vendor later = vendor(city, "moving", "normal", VendorRate.Unit.ORDER, "990.00");
        assertThat(slas.nextVendor(move)).as("a mover registered since, which was never asked").map(Vendor::getId).contains(later.getId());
        ServiceOrder replacement = slas.switchToNext(move.getId(), "specialist").orElseThrow();
        assertThat(replacement.getVendorId()).isEqualTo(later.getId());
        assertThat(replacement.getDetail()).as("the next mover does not see the competitor's quote")
                .isEqualTo(quote.getDetail()).doesNotContain("950.00");
    }

    @Test
    void aChosenMoverThatMissesItsSlaIsReQuotedFromTheOthersWhoDidNotDeclineAndTheNewChoiceEndsTheWait() {
        String city = city();
        Vendor silent = vendor(city, "moving", "never", VendorRate.Unit.ORDER, "700.00");
        Vendor declining = vendor(city, "moving", "refuse", VendorRate.Unit.ORDER, "800.00");
        Vendor third = vendor(city, "moving", "normal", VendorRate.Unit.ORDER, "1100.00");
        vendor(city, "housing", "normal", VendorRate.Unit.NIGHT, "1.00");
        Case c = caseAtKickoff(city, false);

        // the silent mover's quote answered by hand (its simulator never answers): the cheapest, chosen
        ServiceQuote silentQuote = await().atMost(Duration.ofSeconds(30)).until(() -> quotes.latest(c.id(), "household-goods").stream()
                .filter(q -> q.getVendorId().equals(silent.getId()) && q.getSentAt() != null).findFirst(), java.util.Optional::isPresent).orElseThrow();
        answerQuote(silent, "{\"reference\":\"" + silentQuote.getReference() + "\",\"status\":\"QUOTED\",\"price\":700.00,\"currency\":\"EUR\"}");
        Task firstChoice = choice(c, "household-goods");
        Api specialist = Api.as(port, "specialist");
        assertThat(specialist.complete(firstChoice.getId(), vars("chosenQuote", silentQuote.getReference())).getStatusCode().value()).isEqualTo(204);
        ServiceOrder late = await().atMost(Duration.ofSeconds(30)).until(() -> ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT),
                l -> !l.isEmpty() && l.get(0).getStatus() == ServiceOrder.Status.SENT).get(0);
        assertThat(late.getVendorId()).isEqualTo(silent.getId());

        // it misses its SLA: escalated; the form offers the re-quote from the one mover left to ask
        escalate(late);
        String task = specialist.awaitTask(c.number(), "resolve-vendor-delay");
        JsonNode form = specialist.get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(form.path("delayChoices").toString()).contains("Re-quote");
        assertThat(form.path("delay").toString()).contains(third.getName()).doesNotContain(declining.getName());
        assertThat(specialist.complete(task, vars("vendorDelayChoice", "requote")).getStatusCode().value()).isEqualTo(204);
        assertThat(orders.findById(late.getId()).orElseThrow().getStatus()).isEqualTo(ServiceOrder.Status.WITHDRAWN);

        // the other mover quotes again, the specialist chooses, its order on the quote ends the shipment's wait
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(quotes.latest(c.id(), "household-goods"))
                .extracting(ServiceQuote::getVendorId, ServiceQuote::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(third.getId(), ServiceQuote.Status.RECEIVED)));
        ServiceQuote requoted = quotes.latest(c.id(), "household-goods").get(0);
        assertThat(requoted.getRequestKey()).isNotEqualTo(silentQuote.getRequestKey());
        Task secondChoice = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(c.number()).taskDefinitionKey("choose-service-quote").list(), l -> l.size() == 1).get(0);
        assertThat(secondChoice.getId()).isNotEqualTo(firstChoice.getId());
        ResponseEntity<JsonNode> old = specialist.complete(secondChoice.getId(), vars("chosenQuote", silentQuote.getReference()));
        assertThat(old.getStatusCode().value()).as("the first request's quote is not on offer").isEqualTo(400);
        assertThat(specialist.complete(secondChoice.getId(), vars("chosenQuote", requoted.getReference())).getStatusCode().value()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ServiceOrder> moves = ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT);
            assertThat(moves).hasSize(2);
            assertThat(moves.get(1).getVendorId()).isEqualTo(third.getId());
            assertThat(moves.get(1).getQuoteReference()).isEqualTo(requoted.getReference());
            assertThat(moves.get(1).getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
            assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(c.number()).activityId("await-shipment-confirmation").count())
                    .as("the shipment's wait ended").isZero();
        });
        assertThat(Api.as(port, "admin").caseDetails(c.id()).toString()).contains("vendor-requoted");
    }

    @Test
    void aServiceOrderedWithoutQuotesCannotBeReQuoted() {
        String city = city();
        vendor(city, "moving", "never", VendorRate.Unit.ORDER, "700.00"); // one mover: ordered, no quotes
        vendor(city, "housing", "normal", VendorRate.Unit.NIGHT, "1.00");
        Case c = caseAtKickoff(city, false);
        ServiceOrder late = await().atMost(Duration.ofSeconds(30)).until(() -> ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT),
                l -> !l.isEmpty() && l.get(0).getStatus() == ServiceOrder.Status.SENT).get(0);
        escalate(late);
        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.number(), "resolve-vendor-delay");
        ResponseEntity<JsonNode> refused = specialist.complete(task, vars("vendorDelayChoice", "requote"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("vendorDelayChoice", "not chosen on quotes");
        assertThat(orders.findById(late.getId()).orElseThrow().getStatus()).as("nothing written").isEqualTo(ServiceOrder.Status.SENT);
    }

    @Test
    void aReQuoteRunningOnItsOwnEndsWithTheCase() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "IN", "DE", "LONG_TERM", "250000").put("hostCity", city()));
        Case c = new Case(created.get("id").asLong(), created.get("caseNumber").asText());
        specialist.completeTask(c.number(), "review-intake", vars("intakeVerified", true, "reviewNotes", "Complete"));
        // a re-quote runs on its own: started by its message, no phase called it
        runtime.createMessageCorrelation("service-requote-requested").processInstanceBusinessKey(c.number())
                .setVariables(Map.of("caseId", c.id(), ServiceQuotes.ITEM_VARIABLE, "household-goods", "serviceQuoteWait", "PT48H"))
                .correlateStartMessage();
        assertThat(requotes(c)).isEqualTo(1);
        Api.as(port, "manager").completeTask(c.number(), "approve-relocation", vars("managerDecision", "reject", "managerComment", "Not now"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(specialist.caseDetails(c.id()).path("status").asText()).isEqualTo("REJECTED");
            assertThat(requotes(c)).as("the re-quote ended with the case").isZero();
        });
        assertThat(ofType(c.id(), ServiceType.HOUSEHOLD_SHIPMENT)).as("nothing ordered for the ended case").isEmpty();
    }

    @Test
    void aProcessOnAModelWithoutTheQuoteStepHasItsShipmentOrderedNotQuoted() {
        String city = city();
        Vendor first = vendor(city, "moving", "normal", VendorRate.Unit.ORDER, "1000.00");
        vendor(city, "moving", "normal", VendorRate.Unit.ORDER, "900.00");
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "IN", "DE", "LONG_TERM", "250000").put("hostCity", city));
        long caseId = created.get("id").asLong();
        specialist.awaitTask(created.get("caseNumber").asText(), "review-intake"); // the policy is decided

        // the booking step of an earlier model version sets no quotesModelled: the shipment is ordered from the register
        assertThat(destinationServices.book(caseId, "household-goods", "old-model-" + UUID.randomUUID(), false)).isFalse();
        assertThat(quotes.latest(caseId, "household-goods")).isEmpty();
        assertThat(ofType(caseId, ServiceType.HOUSEHOLD_SHIPMENT)).singleElement()
                .satisfies(o -> assertThat(o.getVendorId()).isEqualTo(first.getId()));
        // this version's model has the quote step: the movers are asked
        assertThat(destinationServices.book(caseId, "household-goods", "new-model-" + UUID.randomUUID(), true)).isTrue();
        assertThat(quotes.latest(caseId, "household-goods")).hasSize(2);
    }

    @Test
    void nobodyStartsOrAnswersTheQuoteProcessThroughTheEngineApi() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "IN", "DE", "LONG_TERM", "250000").put("hostCity", city()));
        Case c = new Case(created.get("id").asLong(), created.get("caseNumber").asText());
        for (String user : List.of("specialist", "admin")) {
            // a re-quote is the specialists' choice in resolve-vendor-delay, never a message of theirs
            ResponseEntity<JsonNode> message = Api.as(port, user).post("/engine-rest/message", Api.JSON.createObjectNode()
                    .put("messageName", "service-requote-requested").put("businessKey", c.number()));
            assertThat(message.getStatusCode().value()).as("%s: message", user).isEqualTo(403);
            ResponseEntity<JsonNode> answered = Api.as(port, user).post("/engine-rest/engine/default/message", Api.JSON.createObjectNode()
                    .put("messageName", "service-quotes-answered").put("businessKey", c.number()));
            assertThat(answered.getStatusCode().value()).as("%s: message by the named engine's path", user).isEqualTo(403);
        }
        ResponseEntity<JsonNode> started = specialist.post("/engine-rest/process-definition/key/relocation-service-quotes/start",
                Api.JSON.createObjectNode());
        assertThat(started.getStatusCode().value()).as("a specialist may start only the journey").isEqualTo(403);
        com.fasterxml.jackson.databind.node.ObjectNode withVariables = Api.JSON.createObjectNode();
        withVariables.putObject("variables").putObject("quotedItem").put("value", "household-goods");
        ResponseEntity<JsonNode> byAdmin = Api.as(port, "admin").post("/engine-rest/process-definition/key/relocation-service-quotes/start",
                withVariables);
        assertThat(byAdmin.getStatusCode().value()).as("variables are set by forms and workers only").isEqualTo(400);
        assertThat(requotes(c)).isZero();
    }

    private long requotes(Case c) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("relocation-service-quotes").processInstanceBusinessKey(c.number()).count();
    }

    // ---- helpers

    /**
     * The watcher run past the order's deadlines until it escalates it to the specialists; first the case's stay is
     * confirmed (its one housing vendor answers normally), so that only the order under test is escalated.
     */
    private void escalate(ServiceOrder order) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType(order.getCaseId(), ServiceType.TEMPORARY_HOUSING).stream()
                .anyMatch(o -> o.getStatus() == ServiceOrder.Status.CONFIRMED));
        java.time.Instant after = order.getConfirmBy().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int run = 0; run < 4 && !orders.findById(order.getId()).orElseThrow().isEscalationOpen(); run++) {
            slas.check(after.plus(Duration.ofDays(5L * run)));
        }
        assertThat(orders.findById(order.getId()).orElseThrow().isEscalationOpen()).as("escalated").isTrue();
    }

    /** The vendor's signed answer to its quote, retried while the case is not waiting yet (409, nothing recorded). */
    private void answerQuote(Vendor vendor, String body) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = Api.anonymous(port).postRaw("/api/vendor-callbacks/" + vendor.getCode() + "/quotes", body,
                    org.relocation.vendor.Signatures.callbackHeaders(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "secret-of-" + vendor.getCode() + "-0123456789", java.time.Instant.now().getEpochSecond())).getStatusCode().value();
            assertThat(status).isIn(202, 409);
            return status == 202;
        });
    }

    private record Case(long id, String number) {
    }

    /**
     * A long-term case India to Germany (a host language other than the home country's: the services policy gives
     * language training), to a city of its own; its housing phase (and, if asked, its destination services) started and
     * the kick-off call recorded.
     */
    private Case caseAtKickoff(String city, boolean destinationServices) {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "IN", "DE", "LONG_TERM", "250000").put("hostCity", city));
        Case c = new Case(created.get("id").asLong(), created.get("caseNumber").asText());
        specialist.awaitTask(c.number(), "review-intake"); // the policy is decided
        Map<String, Object> variables = Map.of("caseId", c.id(), "employeeUserId", "employee");
        runtime.createProcessInstanceByKey("relocation-housing").businessKey(c.number()).setVariables(variables).execute();
        if (destinationServices) {
            runtime.createProcessInstanceByKey("relocation-destination-services").businessKey(c.number()).setVariables(variables).execute();
        }
        specialist.completeTask(c.number(), "record-kickoff-call",
                vars("kickoffDate", "2026-03-01", "kickoffAttendees", "Specialist, employee", "kickoffNotes", "Movers by quotes"));
        return c;
    }

    /** The case's open choose-service-quote task for the item (its quotedItem). */
    private Task choice(Case c, String item) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(c.number())
                        .taskDefinitionKey("choose-service-quote").list().stream()
                        .filter(t -> item.equals(taskService.getVariable(t.getId(), ServiceQuotes.ITEM_VARIABLE))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private List<ServiceOrder> ofType(long caseId, ServiceType type) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == type).toList();
    }

    private Vendor vendor(String city, String service, String answer, VendorRate.Unit unit, String price) {
        String code = "sq-" + UUID.randomUUID().toString().substring(0, 8);
        Vendor v = register.register(code, new VendorTerms("Vendor " + code, service, "DE", city, "EUR",
                List.of(new VendorTerms.Rate(unit, new BigDecimal(price))), 24, 2, 5,
                "http://localhost:{local-port}/simulator/" + code + "?answer=" + answer, "secret-of-" + code + "-0123456789", true), "test");
        registered.add(v);
        return v;
    }

    private static String city() {
        return "Quotenau " + UUID.randomUUID().toString().substring(0, 6);
    }
}
