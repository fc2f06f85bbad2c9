package org.relocation.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestCases;
import org.relocation.TestUsers;
import org.relocation.relocationcase.CaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery and rating of a case's service orders through the HTTP API: the case's employee (or a specialist or admin on
 * their behalf) confirms once per order its vendor confirmed; every bad field is a 400 naming it with nothing written;
 * other roles 403, another employee's case 404.
 */
@ServerTest
class ServiceDeliveryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ServiceOrderRepository orders;

    @Autowired
    ServiceDeliveryRepository deliveries;

    @Autowired
    CaseService cases;

    @Autowired
    IdentityService identity;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String ORDERED = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS).plusSeconds(9 * 3600).toString();

    private ServiceOrder confirmedOrder(long caseId, ServiceType type) {
        return VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, type, null, ORDERED), ServiceOrder.Status.CONFIRMED,
                Instant.parse(ORDERED).plusSeconds(3600).toString(), null, null);
    }

    private static ObjectNode delivery(LocalDate on, Object rating, String comment) {
        ObjectNode body = Api.JSON.createObjectNode();
        if (on != null) {
            body.put("deliveredOn", on.toString());
        }
        if (rating instanceof Integer i) {
            body.put("rating", i);
        } else if (rating instanceof Double d) {
            body.put("rating", d);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private static String path(long caseId, ServiceOrder o) {
        return "/api/cases/" + caseId + "/service-orders/" + o.getReference() + "/delivery";
    }

    @Test
    void theEmployeeConfirmsAndRatesOnceAndASpecialistOnTheirBehalf() {
        long caseId = TestCases.recordOnly(cases).getId();
        ServiceOrder housing = confirmedOrder(caseId, ServiceType.TEMPORARY_HOUSING);
        ServiceOrder moving = confirmedOrder(caseId, ServiceType.HOUSEHOLD_SHIPMENT);
        Api employee = Api.as(port, "employee");

        ResponseEntity<JsonNode> r = employee.post(path(caseId, housing), delivery(TODAY.minusDays(2), 4, "  Clean flat, keys on time  "));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("reference").asText()).isEqualTo(housing.getReference());
        assertThat(r.getBody().get("rating").asInt()).isEqualTo(4);
        assertThat(r.getBody().get("deliveredOn").asText()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(r.getBody().get("comment").asText()).isEqualTo("Clean flat, keys on time");
        assertThat(r.getBody().get("confirmedBy").asText()).isEqualTo("employee");
        ServiceDelivery stored = deliveries.findByServiceOrderId(housing.getId()).orElseThrow();
        assertThat(stored.getRating()).isEqualTo(4);
        assertThat(stored.getCaseId()).isEqualTo(caseId);

        JsonNode shown = employee.get("/api/cases/" + caseId).getBody().get("serviceOrders");
        JsonNode housingShown = null;
        JsonNode movingShown = null;
        for (JsonNode x : shown) {
            if (x.get("reference").asText().equals(housing.getReference())) {
                housingShown = x;
            } else if (x.get("reference").asText().equals(moving.getReference())) {
                movingShown = x;
            }
        }
        assertThat(housingShown.get("deliverable").asBoolean()).isFalse();
        assertThat(housingShown.get("delivery").get("rating").asInt()).isEqualTo(4);
        assertThat(housingShown.get("delivery").get("deliveredOn").asText()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(movingShown.get("deliverable").asBoolean()).isTrue();
        assertThat(movingShown.has("delivery")).isFalse();

        ResponseEntity<JsonNode> again = employee.post(path(caseId, housing), delivery(TODAY, 1, null));
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(409);
        assertThat(deliveries.findByServiceOrderId(housing.getId()).orElseThrow().getRating()).isEqualTo(4);

        ResponseEntity<JsonNode> onBehalf = Api.as(port, "specialist").post(path(caseId, moving), delivery(TODAY, 2, null));
        assertThat(onBehalf.getStatusCode().value()).as("%s", onBehalf.getBody()).isEqualTo(201);
        assertThat(onBehalf.getBody().get("confirmedBy").asText()).isEqualTo("specialist");
        assertThat(onBehalf.getBody().has("comment") && !onBehalf.getBody().get("comment").isNull()).isFalse();
    }

    @Test
    void anOrderItsVendorDidNotConfirmCannotBeDelivered() {
        long caseId = TestCases.recordOnly(cases).getId();
        ServiceOrder waiting = VendorOrders.sent(orders, caseId, ServiceType.TEMPORARY_HOUSING, null, ORDERED);
        ServiceOrder refused = VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, ServiceType.HOUSEHOLD_SHIPMENT, null, ORDERED),
                ServiceOrder.Status.REFUSED, Instant.parse(ORDERED).plusSeconds(60).toString(), null, null);
        for (ServiceOrder o : List.of(waiting, refused)) {
            ResponseEntity<JsonNode> r = Api.as(port, "employee").post(path(caseId, o), delivery(TODAY, 3, null));
            assertThat(r.getStatusCode().value()).as("%s: %s", o.getStatus(), r.getBody()).isEqualTo(409);
            assertThat(deliveries.findByServiceOrderId(o.getId())).isEmpty();
        }
    }

    @Test
    void everyBadFieldIsA400NamingItAndNothingIsWritten() {
        long caseId = TestCases.recordOnly(cases).getId();
        ServiceOrder o = confirmedOrder(caseId, ServiceType.TEMPORARY_HOUSING);
        Api employee = Api.as(port, "employee");
        LocalDate orderedOn = Instant.parse(ORDERED).atZone(ZoneOffset.UTC).toLocalDate();
        assertBad(employee, path(caseId, o), delivery(TODAY, 6, null), "rating");
        assertBad(employee, path(caseId, o), delivery(TODAY, 0, null), "rating");
        assertBad(employee, path(caseId, o), delivery(TODAY, 4.5, null), "rating");
        assertBad(employee, path(caseId, o), delivery(TODAY, null, null), "rating");
        assertBad(employee, path(caseId, o), delivery(TODAY.plusDays(1), 3, null), "deliveredOn");
        assertBad(employee, path(caseId, o), delivery(orderedOn.minusDays(1), 3, null), "deliveredOn");
        assertBad(employee, path(caseId, o), delivery(null, 3, null), "deliveredOn");
        assertBad(employee, path(caseId, o), delivery(TODAY, 3, "x".repeat(501)), "comment");
        ObjectNode badDate = delivery(null, 3, null).put("deliveredOn", "2027-02-30");
        assertBad(employee, path(caseId, o), badDate, "deliveredOn");
        assertBad(employee, path(caseId, o), delivery(TODAY, 3, null).put("stars", 5), "stars");
        assertThat(deliveries.findByServiceOrderId(o.getId())).isEmpty();

        ResponseEntity<JsonNode> unknown = employee.post("/api/cases/" + caseId + "/service-orders/NO-SUCH-ORDER/delivery", delivery(TODAY, 3, null));
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        long otherCase = TestCases.recordOnly(cases).getId();
        ResponseEntity<JsonNode> wrongCase = employee.post(path(otherCase, o), delivery(TODAY, 3, null));
        assertThat(wrongCase.getStatusCode().value()).as("an order of another case").isEqualTo(404);
        assertThat(deliveries.findByServiceOrderId(o.getId())).isEmpty();
    }

    @Test
    void otherRolesAre403AndAnotherEmployeesCaseIsNotFound() {
        long caseId = TestCases.recordOnly(cases).getId();
        ServiceOrder o = confirmedOrder(caseId, ServiceType.TEMPORARY_HOUSING);
        for (String user : List.of("manager", "finance", "hradmin", "owner")) {
            ResponseEntity<JsonNode> r = Api.as(port, user).post(path(caseId, o), delivery(TODAY, 3, null));
            assertThat(r.getStatusCode().value()).as(user).isEqualTo(403);
        }
        String stranger = TestUsers.create(identity, "rater", "employee");
        ResponseEntity<JsonNode> r = Api.as(port, stranger).post(path(caseId, o), delivery(TODAY, 5, null));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(404);
        assertThat(Api.anonymous(port).post(path(caseId, o), delivery(TODAY, 5, null)).getStatusCode().value()).isEqualTo(401);
        assertThat(deliveries.findByServiceOrderId(o.getId())).isEmpty();
    }

    private static void assertBad(Api api, String path, ObjectNode body, String field) {
        ResponseEntity<JsonNode> r = api.post(path, body);
        assertThat(r.getStatusCode().value()).as("%s: %s", body, r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has(field)).as("%s: %s", body, r.getBody()).isTrue();
    }
}
