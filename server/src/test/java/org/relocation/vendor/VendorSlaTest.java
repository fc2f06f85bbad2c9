package org.relocation.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.keydate.BusinessCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Vendor SLAs through HTTP and the engine (docs/journey.md "Vendor SLAs"), the vendors played by the demo simulator as
 * their endpoint URLs say (NL, a host city of each test's own): a late destination-services vendor reminded, escalated and
 * switched, the next vendor's confirmation completing the service's wait and the withdrawn order's late callback refused (409); a refusing
 * vendor switched automatically and, none left, escalated; a silent vendor reminded of its acknowledgement, then of its
 * confirmation, escalated, waited for until a new date and escalated again after it; every bad form input a 400 naming
 * the field with nothing written. The watcher is run at chosen instants ({@link VendorSlas#check}, what its worker does at
 * the engine's time) and once through its process (relocation-vendor-sla-watch). The vendors under test serve the
 * destination services (registration, bank, utilities), which the services policy does not quote: a host city with two
 * housing vendors has its stay quoted (HousingQuotesTest), so each city has one housing vendor, and no mover (the
 * shipment goes to the configured endpoint).
 */
@ServerTest
class VendorSlaTest {

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    VendorSlas slas;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    @Test
    void aLateVendorIsRemindedThenEscalatedThenSwitchedAndTheNextVendorsConfirmationCompletesTheWait() {
        String city = "Latetown " + UUID.randomUUID().toString().substring(0, 6);
        String late = registered("destination-services", city, "never");
        String next = registered("destination-services", city, "normal");
        registered("housing", city, "normal"); // one housing vendor: ordered, no quotes
        Opened c = openToKickoff(city);
        ServiceOrder order = shipment(c.id());
        assertThat(order.getVendor()).isEqualTo(late);
        LocalDate requested = order.getRequestedAt().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(order.getAcknowledgeBy()).isEqualTo(order.getRequestedAt().plus(Duration.ofHours(4)));
        assertThat(order.getConfirmBy()).as("2 business days of NL").isEqualTo(plusBusinessDays("NL", requested, 2));
        assertThat(order.getDeliverBy()).as("10 business days of NL").isEqualTo(plusBusinessDays("NL", requested, 10));

        // the deadline passes: the watcher (its process, at the engine's time) reminds the vendor once
        pastDeadline(order);
        Job watch = management.createJobQuery().timers().activityId("vendor-sla-watch-due").singleResult();
        assertThat(watch).as("the watcher's timer").isNotNull();
        management.executeJob(watch.getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> shipment(c.id()).getReminders() == 1);
        assertThat(shipment(c.id()).getSlaRemindedFor()).isEqualTo(ServiceOrder.Breach.CONFIRMATION);
        Instant now = Instant.now();
        slas.check(now);
        assertThat(shipment(c.id()).getReminders()).as("one reminder per breach").isEqualTo(1);
        assertThat(escalations(c.number())).as("not before the grace").isZero();

        // still silent a business day after the reminder: escalated to the specialists, once
        slas.check(now.plus(Duration.ofDays(5)));
        slas.check(now.plus(Duration.ofDays(6)));
        assertThat(escalations(c.number())).isEqualTo(1);
        assertThat(shipment(c.id()).isEscalationOpen()).isTrue();

        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.number(), "resolve-vendor-delay");
        ResponseEntity<JsonNode> noDate = specialist.complete(task, Api.vars("vendorDelayChoice", "wait"));
        assertThat(noDate.getStatusCode().value()).isEqualTo(400);
        assertThat(noDate.getBody().toString()).contains("newConfirmationDate");
        ResponseEntity<JsonNode> past = specialist.complete(task, Api.vars("vendorDelayChoice", "wait",
                "newConfirmationDate", LocalDate.now(ZoneOffset.UTC).toString()));
        assertThat(past.getStatusCode().value()).isEqualTo(400);
        assertThat(past.getBody().toString()).contains("newConfirmationDate").contains("future");
        ResponseEntity<JsonNode> unknown = specialist.complete(task, Api.vars("vendorDelayChoice", "complain"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().toString()).contains("vendorDelayChoice");
        ResponseEntity<JsonNode> requote = specialist.complete(task, Api.vars("vendorDelayChoice", "requote"));
        assertThat(requote.getStatusCode().value()).as("no re-quote for the destination services").isEqualTo(400);
        assertThat(requote.getBody().toString()).contains("vendorDelayChoice");
        assertThat(shipment(c.id()).getStatus()).as("nothing written").isEqualTo(ServiceOrder.Status.SENT);
        assertThat(shipment(c.id()).getConfirmBy()).isEqualTo(pastConfirmBy(order));

        assertThat(shipmentWaiting(c.number())).isTrue();
        // switch: the order is withdrawn, the next vendor gets it and its confirmation completes the wait
        ResponseEntity<JsonNode> switched = specialist.complete(task, Api.vars("vendorDelayChoice", "switch"));
        assertThat(switched.getStatusCode().value()).as("switch: %s", switched.getBody()).isEqualTo(204);
        ServiceOrder withdrawn = orders.findById(order.getId()).orElseThrow();
        assertThat(withdrawn.getStatus()).isEqualTo(ServiceOrder.Status.WITHDRAWN);
        assertThat(withdrawn.isEscalationOpen()).isFalse();
        ServiceOrder replacement = shipmentOrders(c.id()).get(1);
        assertThat(replacement.getVendor()).isEqualTo(next);
        assertThat(replacement.getReplacesOrderId()).isEqualTo(order.getId());
        assertThat(replacement.getConfirmBy()).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> !shipmentWaiting(c.number()));
        ServiceOrder confirmed = orders.findById(replacement.getId()).orElseThrow();
        assertThat(confirmed.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
        assertThat(confirmed.getAcknowledgedAt()).as("acknowledged (ACKNOWLEDGED first, or with the answer)").isNotNull();

        // the withdrawn order's late answer is refused as already answered, and changes nothing
        String body = "{\"reference\":\"" + order.getReference() + "\",\"status\":\"CONFIRMED\"}";
        assertThat(Api.anonymous(port).postRaw("/api/vendor-callbacks/" + late, body, signed(body, late)).getStatusCode().value()).isEqualTo(409);
        assertThat(orders.findById(order.getId()).orElseThrow().getStatus()).isEqualTo(ServiceOrder.Status.WITHDRAWN);
        assertThat(Api.as(port, "admin").caseDetails(c.id()).toString()).contains("vendor-reminded", "vendor-escalated", "vendor-switched");
    }

    @Test
    void aRefusingVendorIsSwitchedAtOnceAndWithNoVendorLeftTheSpecialistsDecide() {
        String city = "Refuseville " + UUID.randomUUID().toString().substring(0, 6);
        String first = registered("destination-services", city, "refuse");
        String second = registered("destination-services", city, "refuse");
        registered("housing", city, "normal"); // one housing vendor: ordered, no quotes
        Opened c = openToKickoff(city);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(shipmentOrders(c.id())).hasSize(2)
                .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(ServiceOrder.Status.REFUSED)));
        List<ServiceOrder> refused = shipmentOrders(c.id());
        assertThat(refused).extracting(ServiceOrder::getVendor).containsExactly(first, second);
        assertThat(refused.get(1).getReplacesOrderId()).isEqualTo(refused.get(0).getId());
        assertThat(shipmentWaiting(c.number())).as("the process keeps waiting for the service").isTrue();

        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.number(), "resolve-vendor-delay");
        assertThat(escalations(c.number())).isEqualTo(1);
        ResponseEntity<JsonNode> noneLeft = specialist.complete(task, Api.vars("vendorDelayChoice", "switch"));
        assertThat(noneLeft.getStatusCode().value()).isEqualTo(400);
        assertThat(noneLeft.getBody().toString()).contains("vendorDelayChoice").contains("No other active vendor");
        assertThat(shipmentOrders(c.id())).as("nothing written").hasSize(2);
        LocalDate newDate = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        specialist.completeTask(c.number(), "resolve-vendor-delay", Api.vars("vendorDelayChoice", "wait",
                "newConfirmationDate", newDate.toString(), "vendorDelayNotes", "Looking for another vendor in the city"));
        assertThat(shipmentOrders(c.id()).get(1).isEscalationOpen()).isFalse();
        assertThat(shipmentWaiting(c.number())).isTrue();
    }

    @Test
    void aSilentVendorIsRemindedOfEachDeadlineEscalatedWaitedForAndEscalatedAgainAfterTheNewDate() {
        String city = "Silentburg " + UUID.randomUUID().toString().substring(0, 6);
        registered("destination-services", city, "never");
        registered("housing", city, "normal"); // one housing vendor: ordered, no quotes
        Opened c = openToKickoff(city);
        ServiceOrder order = shipment(c.id());

        // acknowledgement: 4 clock hours
        slas.check(order.getAcknowledgeBy().minusSeconds(60));
        assertThat(shipment(c.id()).getReminders()).as("before the acknowledgement deadline").isZero();
        slas.check(order.getAcknowledgeBy().plusSeconds(60));
        assertThat(shipment(c.id()).getSlaRemindedFor()).isEqualTo(ServiceOrder.Breach.ACKNOWLEDGEMENT);
        assertThat(shipment(c.id()).getReminders()).isEqualTo(1);

        // confirmation: the day after the confirmation deadline, a second reminder; escalated after the grace
        Instant afterDeadline = order.getConfirmBy().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        slas.check(afterDeadline);
        assertThat(shipment(c.id()).getSlaRemindedFor()).isEqualTo(ServiceOrder.Breach.CONFIRMATION);
        assertThat(shipment(c.id()).getReminders()).isEqualTo(2);
        slas.check(afterDeadline.plus(Duration.ofDays(5)));
        assertThat(escalations(c.number())).isEqualTo(1);

        // wait until a new date: nothing happens before it passes, then a reminder and a new escalation
        LocalDate newDate = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Api.as(port, "specialist").completeTask(c.number(), "resolve-vendor-delay", Api.vars("vendorDelayChoice", "wait",
                "newConfirmationDate", newDate.toString()));
        ServiceOrder waiting = shipment(c.id());
        assertThat(waiting.getConfirmBy()).isEqualTo(newDate);
        assertThat(waiting.isEscalationOpen()).isFalse();
        assertThat(waiting.getStatus()).isEqualTo(ServiceOrder.Status.SENT);
        slas.check(newDate.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12)));
        assertThat(shipment(c.id()).getReminders()).as("not before the new date has passed").isEqualTo(2);
        Instant afterNewDate = newDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        slas.check(afterNewDate);
        assertThat(shipment(c.id()).getReminders()).isEqualTo(3);
        slas.check(afterNewDate.plus(Duration.ofDays(5)));
        assertThat(escalations(c.number())).as("escalated again").isEqualTo(2);
    }

    // ---- helpers

    record Opened(long id, String number) {
    }

    private String registered(String service, String city, String answer) {
        String code = service + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode v = Api.JSON.createObjectNode();
        v.put("code", code);
        v.put("name", "Vendor " + code);
        v.put("service", service);
        v.put("country", "NL");
        v.put("city", city);
        v.put("currency", "EUR");
        v.putArray("rates").addObject().put("unit", "ORDER").put("unitPrice", "900.00");
        v.put("acknowledgementHours", 4);
        v.put("confirmationBusinessDays", 2);
        v.put("deliveryBusinessDays", 10);
        v.put("endpointUrl", "http://localhost:{local-port}/simulator/" + code + "?answer=" + answer);
        v.put("callbackSecret", secret(code));
        ResponseEntity<JsonNode> r = Api.as(port, "hradmin").post("/api/vendors", v);
        assertThat(r.getStatusCode().value()).as("POST /api/vendors: %s", r.getBody()).isEqualTo(201);
        return code;
    }

    private Opened openToKickoff(String hostCity) {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "DE", "DE", "NL", "LONG_TERM", "250000");
        intake.put("hostCity", hostCity);
        JsonNode c = specialist.openCase(intake);
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(c.get("id").asLong(), caseNumber);
        specialist.completeTask(caseNumber, "record-kickoff-call", Api.vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Team",
                "kickoffNotes", "Scope agreed with the employee"));
        long id = c.get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> shipmentOrders(id).stream()
                .anyMatch(o -> o.getStatus() != ServiceOrder.Status.NEW));
        // the city's one housing vendor answers normally: confirmed before the watcher runs at later instants, so that
        // only the vendor under test is reminded and escalated
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.findByCaseIdOrderById(id).stream()
                .anyMatch(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING && o.getStatus() == ServiceOrder.Status.CONFIRMED));
        return new Opened(id, caseNumber);
    }

    /** Moves the order's deadlines two days into the past, as if it had been placed then. */
    private void pastDeadline(ServiceOrder order) {
        ServiceOrder o = orders.findById(order.getId()).orElseThrow();
        o.deadlines(Instant.now().minus(Duration.ofDays(2)), pastConfirmBy(order), o.getDeliverBy());
        orders.save(o);
    }

    private static LocalDate pastConfirmBy(ServiceOrder order) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(2);
    }

    private LocalDate plusBusinessDays(String country, LocalDate day, int days) {
        LocalDate d = day;
        for (int counted = 0; counted < days; ) {
            d = d.plusDays(1);
            if (calendar.isBusinessDay(country, d)) {
                counted++;
            }
        }
        return d;
    }

    private long escalations(String caseNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(VendorEscalationProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).count();
    }

    /** Whether the case's destination-services process waits for the destination services' confirmation. */
    private boolean shipmentWaiting(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("relocation-destination-services").list().stream()
                .anyMatch(p -> runtime.createEventSubscriptionQuery().processInstanceId(p.getId()).eventType("message")
                        .eventName("destination-services-confirmed").count() == 1);
    }

    private ServiceOrder shipment(long caseId) {
        return shipmentOrders(caseId).get(0);
    }

    private List<ServiceOrder> shipmentOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.DESTINATION_SERVICES).toList();
    }

    private static String secret(String code) {
        return "secret-of-" + code + "-0123456789";
    }

    private static Map<String, String> signed(String body, String code) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), secret(code), Instant.now().getEpochSecond());
    }
}
