package org.relocation.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.quote.ServiceQuote;
import org.relocation.quote.ServiceQuotes;
import org.relocation.housing.HousingQuotes;
import org.relocation.policy.PolicyService;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorSlas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Issue 17's "done when", as one journey through HTTP: a family of four (employee, partner, two children of school
 * age) moves from Brazil to Germany, to a host city whose vendors HR administration registers for the test (the demo
 * simulator plays them, as their endpoint URLs say). Temporary housing is quoted by three housing vendors for the nights
 * the policy grants and the specialist chooses one from the side-by-side form; the household shipment is quoted by three
 * movers (one declines) and the cheaper of the two received is chosen; the first destination-services vendor never
 * answers, is reminded by the SLA watcher, escalated to the specialists and switched to the next; every destination service
 * of the services policy is ordered (a school search per child, partner support, EAP for four); the lease is within
 * the cap; benefits are enrolled for all four, the employee choosing each dependant's plan, and confirmed by the benefits
 * vendor; the employee rates each delivered
 * service; the case closes; and vendor performance reports it all, the silent vendor among the worst.
 */
@ServerTest
class FamilyOfFourJourneyTest {

    private static final String PASSPORT = "BR7766554";

    @LocalServerPort
    int port;
    @Autowired
    VendorRegister register;
    @Autowired
    HousingQuotes quotes;
    @Autowired
    ServiceQuotes serviceQuotes;
    @Autowired
    PolicyService policy;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    VendorSlas slas;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final List<Long> registered = new ArrayList<>();

    @AfterEach
    void deactivateTheVendors() {
        registered.forEach(id -> register.deactivate(id, "test"));
    }

    @Test
    void aFamilyOfFourFromBrazilToGermanyIsHousedOnQuotesServedByReplacedAndRatedVendorsAndEnrolledInBenefits() {
        String city = "Potsdam " + UUID.randomUUID().toString().substring(0, 6);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // three housing vendors quote (nightly rates 1.50, 1.00, 2.00 EUR), three movers (one declines to quote), two
        // destination-services vendors (the first never answers), one vendor per other destination service and benefits
        Map<String, String> housing = new LinkedHashMap<>();
        housing.put("stays-a-" + tag, "1.50");
        housing.put("stays-b-" + tag, "1.00");
        housing.put("stays-c-" + tag, "2.00");
        housing.forEach((code, nightly) -> vendor(code, "housing", city, "normal", "NIGHT", nightly));
        String dearMover = vendor("movers-dear-" + tag, "moving", city, "normal", "ORDER", "1200.00");
        String cheapMover = vendor("movers-cheap-" + tag, "moving", city, "normal", "ORDER", "950.00");
        String decliningMover = vendor("movers-full-" + tag, "moving", city, "refuse", "ORDER", "800.00");
        String silentVendor = vendor("destination-silent-" + tag, "destination-services", city, "never", "ORDER", "700.00");
        String nextVendor = vendor("destination-next-" + tag, "destination-services", city, "normal", "ORDER", "750.00");
        Map<ServiceType, String> destination = new LinkedHashMap<>();
        destination.put(ServiceType.DESTINATION_SERVICES, nextVendor);
        for (String service : List.of("home-search", "school-search", "language-training", "partner-support", "eap-enrolment", "benefits")) {
            String code = vendor(service + "-" + tag, service, city, "normal", "ORDER", "500.00");
            for (ServiceType type : ServiceType.values()) {
                if (type.vendor().equals(service) && type.messageName() != null) {
                    destination.put(type, code);
                }
            }
        }

        // intake to the kick-off: the family, every approval, the documents
        Api specialist = Api.as(port, "specialist");
        Api employee = Api.as(port, "employee");
        ObjectNode intake = Api.familyOfFour(city);
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", "Family of four from Sao Paulo"));
        specialist.approveAll(id, caseNumber);
        employee.provideDocuments(id, caseNumber, PASSPORT, "2032-06-30");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid", "validationComment", "Complete"));
        specialist.completeTask(caseNumber, "record-kickoff-call", vars("kickoffDate", LocalDate.now().minusDays(1).toString(),
                "kickoffAttendees", "Specialist, employee, partner", "kickoffNotes", "Family of four, two school children"));

        // temporary housing: three quotes for the policy's nights, compared side by side, one chosen
        int nights = policy.allowances(id).temporaryHousingNights();
        assertThat(nights).as("the policy grants temporary housing").isPositive();
        String choice = specialist.awaitTask(caseNumber, "choose-housing-quote");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(quotes.ofCase(id)).hasSize(3)
                .allSatisfy(q -> assertThat(q.getStatus()).isEqualTo(ServiceQuote.Status.RECEIVED)));
        List<ServiceQuote> received = quotes.ofCase(id);
        assertThat(received).extracting(q -> register.get(q.getVendorId()).getCode()).containsExactlyElementsOf(housing.keySet());
        assertThat(received).allSatisfy(q -> {
            assertThat(q.getNights()).isEqualTo(nights);
            assertThat(q.getTravellers()).as("the family's size").isEqualTo(4);
        });
        assertThat(received).extracting(ServiceQuote::getPrice).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("1.50").multiply(BigDecimal.valueOf(nights)), BigDecimal.valueOf(nights),
                new BigDecimal("2.00").multiply(BigDecimal.valueOf(nights)));
        String form = specialist.get("/engine-rest/task/" + choice + "/form-variables").getBody().toString();
        assertThat(form).as("the form compares all three").contains(received.get(0).getReference(), received.get(1).getReference(),
                received.get(2).getReference());
        ServiceQuote cheapest = received.get(1);
        specialist.completeTask(caseNumber, "choose-housing-quote", vars("chosenQuote", cheapest.getReference()));
        assertThat(quotes.ofCase(id)).extracting(ServiceQuote::getStatus).containsExactly(ServiceQuote.Status.NOT_CHOSEN,
                ServiceQuote.Status.CHOSEN, ServiceQuote.Status.NOT_CHOSEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder stay = single(id, ServiceType.TEMPORARY_HOUSING);
            assertThat(stay.getVendor()).isEqualTo("stays-b-" + tag);
            assertThat(stay.getDetail()).contains(nights + " nights", cheapest.getReference());
            assertThat(stay.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
            assertThat(stay.getInvoiceCheck()).as("invoiced at the quote").isEqualTo(ServiceOrder.InvoiceCheck.WITHIN_QUOTE);
        });

        // the household shipment: the policy quotes it; three movers asked, one declines, the cheaper received is chosen
        String shipmentChoice = specialist.awaitTask(caseNumber, "choose-service-quote");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(serviceQuotes.latest(id, "household-goods"))
                .extracting(ServiceQuote::getStatus).containsExactly(ServiceQuote.Status.RECEIVED, ServiceQuote.Status.RECEIVED,
                        ServiceQuote.Status.DECLINED));
        List<ServiceQuote> moves = serviceQuotes.latest(id, "household-goods");
        assertThat(moves).extracting(q -> register.get(q.getVendorId()).getCode()).containsExactly(dearMover, cheapMover, decliningMover);
        assertThat(moves).allSatisfy(q -> assertThat(q.getDetail())
                .isEqualTo("Household goods shipment of up to 60 m³ from Sao Paulo, BR to " + city + ", DE"));
        String shipmentForm = specialist.get("/engine-rest/task/" + shipmentChoice + "/form-variables").getBody().toString();
        assertThat(shipmentForm).as("the form compares the movers' quotes").contains(moves.get(0).getReference(),
                moves.get(1).getReference(), "1200.00 EUR", "950.00 EUR", "Household goods shipment of up to 60 m³");
        specialist.completeTask(caseNumber, "choose-service-quote", vars("chosenQuote", moves.get(1).getReference()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder move = single(id, ServiceType.HOUSEHOLD_SHIPMENT);
            assertThat(move.getVendor()).isEqualTo(cheapMover);
            assertThat(move.getDetail()).contains("accepted quote " + moves.get(1).getReference() + " at 950.00 EUR");
            assertThat(move.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
            assertThat(move.getInvoiceCheck()).as("invoiced at the quote").isEqualTo(ServiceOrder.InvoiceCheck.WITHIN_QUOTE);
        });

        // the first destination-services vendor never answers: reminded by the watcher, escalated a business day later,
        // switched to the next
        ServiceOrder silent = await().atMost(Duration.ofSeconds(30)).until(() -> ofType(id, ServiceType.DESTINATION_SERVICES),
                s -> !s.isEmpty() && s.get(0).getStatus() == ServiceOrder.Status.SENT).get(0);
        assertThat(silent.getVendor()).isEqualTo(silentVendor);
        // every other order of the case answered, so the watcher's run at a later instant concerns the silent one only
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(orders.findByCaseIdOrderById(id))
                .filteredOn(o -> !o.getId().equals(silent.getId()))
                .allSatisfy(o -> assertThat(o.getStatus()).isNotIn(ServiceOrder.Status.NEW, ServiceOrder.Status.SENT, ServiceOrder.Status.ACKNOWLEDGED)));
        pastDeadlines(silent); // as if it had been placed two days ago
        Job watch = management.createJobQuery().timers().activityId("vendor-sla-watch-due").singleResult();
        management.executeJob(watch.getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType(id, ServiceType.DESTINATION_SERVICES).get(0).getReminders() == 1);
        slas.check(Instant.now().plus(Duration.ofDays(5)));
        String delay = specialist.awaitTask(caseNumber, "resolve-vendor-delay");
        String delayForm = specialist.get("/engine-rest/task/" + delay + "/form-variables").getBody().toString();
        assertThat(delayForm).as("the form names the late order").contains(silent.getReference());
        specialist.completeTask(caseNumber, "resolve-vendor-delay", vars("vendorDelayChoice", "switch",
                "vendorDelayNotes", "Destination services silent past the confirmation deadline"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ServiceOrder> services = ofType(id, ServiceType.DESTINATION_SERVICES);
            assertThat(services).hasSize(2);
            assertThat(services.get(0).getStatus()).isEqualTo(ServiceOrder.Status.WITHDRAWN);
            assertThat(services.get(1).getVendor()).isEqualTo(nextVendor);
            assertThat(services.get(1).getReplacesOrderId()).isEqualTo(silent.getId());
            assertThat(services.get(1).getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
        });

        // the services policy: every destination service from its vendor, a school search per child; the lease within the cap
        specialist.awaitTask(caseNumber, "record-lease");
        Map<Long, String> relationships = new HashMap<>();
        specialist.caseDetails(id).path("travellers").forEach(t -> relationships.put(t.path("id").asLong(), t.path("relationship").asText()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ServiceOrder> schools = ofType(id, ServiceType.SCHOOL_SEARCH);
            assertThat(schools).as("a school search per child").hasSize(2)
                    .allSatisfy(o -> assertThat(relationships.get(o.getTravellerId())).isEqualTo("CHILD"))
                    .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED));
            assertThat(schools).extracting(ServiceOrder::getTravellerId).doesNotHaveDuplicates();
            ServiceOrder partner = single(id, ServiceType.PARTNER_SUPPORT);
            assertThat(relationships.get(partner.getTravellerId())).isEqualTo("PARTNER");
            assertThat(single(id, ServiceType.EAP_ENROLMENT).getDetail()).contains("4 person(s)");
            for (ServiceType type : List.of(ServiceType.HOME_SEARCH, ServiceType.SCHOOL_SEARCH, ServiceType.DESTINATION_SERVICES,
                    ServiceType.LANGUAGE_TRAINING, ServiceType.PARTNER_SUPPORT, ServiceType.EAP_ENROLMENT)) {
                assertThat(ofType(id, type)).filteredOn(o -> o.getStatus() != ServiceOrder.Status.WITHDRAWN)
                        .as("%s from its registered vendor", type)
                        .allSatisfy(o -> assertThat(o.getVendor()).isEqualTo(destination.get(type)))
                        .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED));
            }
        });
        BigDecimal cap = policy.allowances(id).housingCapMonthly();
        assertThat(cap).isPositive();
        BigDecimal rent = cap.subtract(new BigDecimal("100"));
        specialist.completeTask(caseNumber, "record-lease", vars("pd_leaseAddress", "Brandenburger Strasse 3, 14467 Potsdam",
                "pd_monthlyRent", rent.toPlainString(), "rentCurrency", "EUR", "pd_depositAmount", "9000", "pd_leaseStart", "2027-03-01",
                "pd_leaseEnd", "2030-02-28"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(specialist.caseDetails(id).path("lease").path("status").asText()).isEqualTo("WITHIN_CAP"));

        // payroll, then benefits for all four: the employee's choices, the benefits vendor's confirmation
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", vars("payrollConfirmed", true, "payrollReference", "PR-BR-DE"));
        // the form lists each dependant (relationship and age, no name); the employee chooses a plan for each
        String enrolmentTask = employee.awaitTask(caseNumber, "confirm-benefits-enrolment");
        ArrayNode dependantPlans = (ArrayNode) json(employee.get("/engine-rest/task/" + enrolmentTask + "/form-variables").getBody()
                .path("dependantPlans").path("value").asText());
        assertThat(dependantPlans.findValuesAsText("who")).containsExactly("Partner", "Child, 11 years", "Child, 7 years");
        Map<Long, String> chosenPlans = new LinkedHashMap<>();
        chosenPlans.put(dependantPlans.get(0).path("travellerId").asLong(), "international");
        chosenPlans.put(dependantPlans.get(1).path("travellerId").asLong(), "host-national");
        chosenPlans.put(dependantPlans.get(2).path("travellerId").asLong(), "host-national");
        // the list's fields go back (travellerId, plan); "who" is display text, as the Tasklist leaves it out
        dependantPlans.forEach(d -> ((ObjectNode) d).put("plan", chosenPlans.get(d.path("travellerId").asLong())).remove("who"));
        ObjectNode submission = Api.JSON.createObjectNode();
        ObjectNode fields = submission.putObject("variables");
        fields.putObject("healthPlan").put("value", "host-national");
        fields.putObject("pensionContinuation").put("value", "home");
        fields.putObject("enrolmentConfirmed").put("value", true).put("type", "Boolean");
        fields.putObject("dependantPlans").put("type", "Json").put("value", dependantPlans.toString()); // as the Tasklist sends it
        ResponseEntity<JsonNode> enrolled = employee.post("/engine-rest/task/" + enrolmentTask + "/submit-form", submission);
        assertThat(enrolled.getStatusCode().value()).as("%s", enrolled.getBody()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ServiceOrder enrolment = single(id, ServiceType.BENEFITS_ENROLMENT);
            assertThat(enrolment.getVendor()).isEqualTo(destination.get(ServiceType.BENEFITS_ENROLMENT));
            assertThat(enrolment.getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
            JsonNode travellers = specialist.caseDetails(id).path("benefitsEnrolment").path("travellers");
            assertThat(travellers).hasSize(4);
            assertThat(travellers.findValuesAsText("status")).as("all four enrolled, confirmed by the vendor").containsOnly("CONFIRMED");
            Map<Long, String> plans = new HashMap<>();
            travellers.forEach(t -> plans.put(t.path("travellerId").asLong(), t.path("plan").asText()));
            chosenPlans.forEach((traveller, plan) -> assertThat(plans).as("each dependant's choice recorded").containsEntry(traveller, plan));
            assertThat(plans.values()).containsExactlyInAnyOrder("host-national", "international", "host-national", "host-national");
        });
        assertThat(Api.as(port, "admin").get("/engine-rest/variable-instance?variableName=dependantPlans").getBody())
                .as("the choices live in the case records only").isEmpty();

        // arrival; the employee confirms and rates each delivered service; closure
        specialist.completeTask(caseNumber, "confirm-arrival", vars("arrivalDate", "2027-03-01", "rtwDocumentType", "work-permit",
                "pd_rtwDocumentReference", "WP-445566", "rtwCheckDate", "2027-03-01", "rtwCheckMethod", "in-person",
                "rtwNextCheckDate", "2029-01-31"));
        Map<String, Integer> ratings = new HashMap<>();
        ratings.put("stays-b-" + tag, 5);
        ratings.put(nextVendor, 4);
        int rated = 0;
        int schoolsRated = 0;
        for (JsonNode o : employee.caseDetails(id).path("serviceOrders")) {
            if (!o.path("deliverable").asBoolean()) {
                continue;
            }
            boolean school = o.path("serviceType").asText().equals("SCHOOL_SEARCH");
            int rating = school ? 3 + schoolsRated++ : ratings.getOrDefault(o.path("vendor").asText(), 4); // the schools: 3 and 4
            ObjectNode delivery = Api.JSON.createObjectNode().put("deliveredOn", LocalDate.now().toString()).put("rating", rating)
                    .put("comment", "Delivered as agreed");
            ResponseEntity<JsonNode> r = employee.post("/api/cases/" + id + "/service-orders/" + o.path("reference").asText() + "/delivery", delivery);
            assertThat(r.getStatusCode().value()).as("rate %s: %s", o.path("reference").asText(), r.getBody()).isEqualTo(201);
            rated++;
        }
        JsonNode afterRating = specialist.caseDetails(id);
        assertThat(afterRating.path("serviceOrders")).filteredOn(o -> o.path("vendorId").isNumber()
                        && !o.path("status").asText().equals("WITHDRAWN"))
                .as("every delivered service of a registered vendor rated: stay, move, home search, 2 schools, destination services, "
                        + "language training, partner support, EAP, benefits").hasSize(10)
                .allSatisfy(o -> assertThat(o.path("delivery").path("rating").asInt()).isBetween(1, 5));
        assertThat(rated).as("counsel, payroll and tax too").isGreaterThan(10);
        specialist.completeTask(caseNumber, "approve-case-closure", vars("closureConfirmed", true, "closureNotes", "Family settled in"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(specialist.caseDetails(id).get("status").asText()).isEqualTo("COMPLETED"));

        // vendor performance: orders, on-time, cost against quote, ratings; the silent vendor among the worst
        JsonNode report = Api.as(port, "hradmin").get("/api/vendors/performance").getBody();
        Map<String, JsonNode> rows = new HashMap<>();
        report.path("rows").forEach(r -> rows.put(r.path("vendor").asText(), r));
        JsonNode chosen = rows.get("stays-b-" + tag);
        assertThat(chosen.path("orders").asInt()).isEqualTo(1);
        assertThat(chosen.path("costToQuoteRatio").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(chosen.path("ratings").asInt()).isEqualTo(1);
        assertThat(chosen.path("averageRating").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(chosen.path("worst").asBoolean()).isFalse();
        JsonNode late = rows.get(silentVendor);
        assertThat(late.path("orders").asInt()).isEqualTo(1);
        assertThat(late.path("answered").asInt()).isZero();
        assertThat(late.path("confirmationsDue").asInt()).isEqualTo(1);
        assertThat(late.path("confirmationsOnTime").asInt()).isZero();
        assertThat(late.path("worst").asBoolean()).as("missed its SLA").isTrue();
        JsonNode replacement = rows.get(nextVendor);
        assertThat(replacement.path("confirmationOnTimeRate").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(replacement.path("averageRating").decimalValue()).isEqualByComparingTo("4.00");
        JsonNode schools = rows.get(destination.get(ServiceType.SCHOOL_SEARCH));
        assertThat(schools.path("orders").asInt()).isEqualTo(2);
        assertThat(schools.path("ratings").asInt()).isEqualTo(2);
        assertThat(schools.path("averageRating").decimalValue()).isEqualByComparingTo("3.50");
        List<String> order = new ArrayList<>();
        report.path("rows").forEach(r -> order.add(r.path("vendor").asText()));
        assertThat(order.indexOf(silentVendor)).as("worst first").isLessThan(order.indexOf(nextVendor));
        String csv = Api.as(port, "hradmin").getText("/api/vendors/performance?format=csv&service=destination-services");
        assertThat(csv).contains(silentVendor, nextVendor);
        JsonNode mover = rows.get(cheapMover);
        assertThat(mover.path("costToQuoteRatio").decimalValue()).as("the move invoiced at its quote").isEqualByComparingTo("1.000");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("relocation-vendor-escalation")
                .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
                .as("only the key dates' reminders (the lease end among them) outlive the case")
                .extracting(p -> p.getProcessDefinitionId().split(":")[0]).containsOnly("relocation-key-date");
    }

    // ---- helpers

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Registers a vendor for the test's host city through the API, as HR administration does; returns its code. */
    private String vendor(String code, String service, String city, String answer, String unit, String price) {
        ObjectNode v = Api.JSON.createObjectNode();
        v.put("code", code);
        v.put("name", "Vendor " + code);
        v.put("service", service);
        v.put("country", "DE");
        v.put("city", city);
        v.put("currency", "EUR");
        v.putArray("rates").addObject().put("unit", unit).put("unitPrice", price);
        v.put("acknowledgementHours", 4);
        v.put("confirmationBusinessDays", 2);
        v.put("deliveryBusinessDays", 10);
        v.put("endpointUrl", "http://localhost:{local-port}/simulator/" + code + "?answer=" + answer);
        v.put("callbackSecret", "secret-of-" + code + "-0123456789");
        ResponseEntity<JsonNode> r = Api.as(port, "hradmin").post("/api/vendors", v);
        assertThat(r.getStatusCode().value()).as("POST /api/vendors: %s", r.getBody()).isEqualTo(201);
        registered.add(r.getBody().get("id").asLong());
        return code;
    }

    /** Moves the order's acknowledgement and confirmation deadlines into the past, as if it had been placed two days ago. */
    private void pastDeadlines(ServiceOrder order) {
        int updated = jdbc.update("update service_order set acknowledge_by = ?, confirm_by = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(2))), java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(2)),
                order.getId());
        assertThat(updated).isEqualTo(1);
    }

    private List<ServiceOrder> ofType(long caseId, ServiceType type) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == type).toList();
    }


    private ServiceOrder single(long caseId, ServiceType type) {
        List<ServiceOrder> of = ofType(caseId, type);
        assertThat(of).as("%s orders", type).hasSize(1);
        return of.get(0);
    }
}
