package org.relocation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.Traveller;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Immigration per traveller, end to end over HTTP: an Indian employee moving to Germany with a US partner
 * and a Brazilian child gets a permit decided per traveller and one counsel order each; counsel's signed
 * answers (submitted, request for information, approval with the permit's data, refusal) reach the right
 * traveller's branch. The host city "Manual Answers" keeps the demo simulator out: the test plays counsel.
 */
@ServerTest
class CounselCallbackTest {

    private static final String COUNSEL_SECRET = "demo-counsel-secret";

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    CaseService cases;
    @Autowired
    TransactionTemplate tx;

    @Test
    void eachTravellerHasACounselBranchThatCounselsAnswersReach() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        var dependents = intake.putArray("dependents");
        dependents.addObject().put("relationship", "PARTNER").put("fullName", "Pat Partner").put("nationality", "US").put("birthDate", "1990-05-01");
        dependents.addObject().put("relationship", "CHILD").put("fullName", "Kim Child").put("nationality", "BR").put("birthDate", "2016-09-12");
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api.as(port, "employee").provideDocuments(id, caseNumber, "X7654321", "2033-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid"));

        // the right permit per traveller, and one counsel order each
        JsonNode details = specialist.caseDetails(id);
        Map<String, String> permits = new java.util.HashMap<>();
        details.get("travellers").forEach(t -> permits.put(t.get("relationship").asText(), t.get("permit").get("code").asText()));
        assertThat(permits).containsEntry("EMPLOYEE", "de-ict-card").containsEntry("PARTNER", "de-family-reunification-partner")
                .containsEntry("CHILD", "de-family-reunification-child");
        // an order is stored NEW and marked SENT once the counsel port took it: wait for all three to be sent
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(counselOrders(id))
                .hasSize(3).extracting(ServiceOrder::getStatus).containsOnly(ServiceOrder.Status.SENT));
        Map<Relationship, ServiceOrder> order = ordersByRelationship(id);

        // SUBMITTED: recorded, nothing moves; a repeated SUBMITTED is a 409
        String submitted = "{\"reference\":\"" + order.get(Relationship.EMPLOYEE).getReference() + "\",\"status\":\"SUBMITTED\"}";
        assertThat(counsel(submitted)).isEqualTo(202);
        assertThat(counsel(submitted)).isEqualTo(409);
        assertThat(status(order.get(Relationship.EMPLOYEE))).isEqualTo(ServiceOrder.Status.SUBMITTED);

        // bad answers: 400, nothing recorded
        String noPermitNumber = "{\"reference\":\"" + order.get(Relationship.EMPLOYEE).getReference() + "\",\"status\":\"APPROVED\",\"validUntil\":\"2029-02-28\"}";
        assertThat(counsel(noPermitNumber)).isEqualTo(400);
        String reversed = "{\"reference\":\"" + order.get(Relationship.EMPLOYEE).getReference()
                + "\",\"status\":\"APPROVED\",\"permitNumber\":\"P-1\",\"validFrom\":\"2029-01-01\",\"validUntil\":\"2027-01-01\"}";
        assertThat(counsel(reversed)).isEqualTo(400);
        String rfiWithoutNote = "{\"reference\":\"" + order.get(Relationship.PARTNER).getReference() + "\",\"status\":\"INFO_REQUESTED\"}";
        assertThat(counsel(rfiWithoutNote)).isEqualTo(400);
        assertThat(status(order.get(Relationship.EMPLOYEE))).isEqualTo(ServiceOrder.Status.SUBMITTED);

        // a request for more information for the partner: the specialist answers, counsel is told, the branch waits again
        String rfi = "{\"reference\":\"" + order.get(Relationship.PARTNER).getReference()
                + "\",\"status\":\"INFO_REQUESTED\",\"note\":\"Certified translation of the marriage certificate\"}";
        assertThat(counsel(rfi)).isEqualTo(202);
        assertThat(counsel(rfi)).as("a second request while the first is open").isEqualTo(409);
        specialist.completeTask(caseNumber, "answer-counsel-request",
                vars("informationSummary", "Uploaded the certified translation", "informationProvided", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order.get(Relationship.PARTNER)) == ServiceOrder.Status.SENT);

        // the employee's permit granted: number and validity on the traveller, expiry a key date
        String approved = "{\"reference\":\"" + order.get(Relationship.EMPLOYEE).getReference()
                + "\",\"status\":\"APPROVED\",\"permitNumber\":\"ICT-DE-4711\",\"validFrom\":\"2027-03-01\",\"validUntil\":\"2029-02-28\"}";
        assertThat(counsel(approved)).isEqualTo(202);
        assertThat(counsel(approved)).isEqualTo(409);
        Traveller employee = traveller(id, Relationship.EMPLOYEE);
        assertThat(employee.getPermitNumber()).isEqualTo("ICT-DE-4711");
        assertThat(employee.getPermitValidUntil()).hasToString("2029-02-28");
        assertThat(specialist.caseDetails(id).get("keyDates").findValuesAsText("kind")).contains("permit-expiry");

        // the child's permit refused: the specialist decides the child does not move; the others go ahead
        String refused = "{\"reference\":\"" + order.get(Relationship.CHILD).getReference() + "\",\"status\":\"REFUSED\",\"note\":\"Proof of custody missing\"}";
        assertThat(counsel(refused)).isEqualTo(202);
        specialist.completeTask(caseNumber, "handle-permit-refusal", vars("refusalAction", "withdraw", "refusalNotes", "Child stays with the other parent"));
        assertThat(specialist.caseDetails(id).get("currentPhases").toString()).contains("immigration");

        // the partner's permit granted after the information: immigration is cleared
        String partnerApproved = "{\"reference\":\"" + order.get(Relationship.PARTNER).getReference()
                + "\",\"status\":\"APPROVED\",\"permitNumber\":\"FAM-DE-0815\",\"validFrom\":\"2027-03-01\",\"validUntil\":\"2029-02-28\"}";
        assertThat(counsel(partnerApproved)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(specialist.caseDetails(id).get("timeline")).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("PHASE_COMPLETED");
            assertThat(e.toString()).contains("immigration");
        }));
        assertThat(traveller(id, Relationship.PARTNER).getPermitNumber()).isEqualTo("FAM-DE-0815");
        assertThat(traveller(id, Relationship.CHILD).getPermitNumber()).isNull();
        assertThat(counselOrders(id)).extracting(ServiceOrder::getStatus).containsExactlyInAnyOrder(
                ServiceOrder.Status.APPROVED, ServiceOrder.Status.APPROVED, ServiceOrder.Status.REFUSED);
        assertThat(ordersByRelationship(id).get(Relationship.CHILD).getVendorNote()).isEqualTo("Proof of custody missing");

        // a signature that does not match: 401; an order that does not exist: 404
        assertThat(Api.anonymous(port).postRaw("/api/vendor-callbacks/immigration-counsel", approved, signed(approved, "wrong")).getStatusCode().value())
                .isEqualTo(401);
        String unknown = "{\"reference\":\"SO-NOPE\",\"status\":\"APPROVED\",\"permitNumber\":\"X\",\"validUntil\":\"2029-02-28\"}";
        assertThat(counsel(unknown)).isEqualTo(404);
    }

    private int counsel(String body) {
        return Api.anonymous(port).postRaw("/api/vendor-callbacks/immigration-counsel", body, signed(body, COUNSEL_SECRET))
                .getStatusCode().value();
    }

    private List<ServiceOrder> counselOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.IMMIGRATION_COUNSEL).toList();
    }

    private ServiceOrder.Status status(ServiceOrder o) {
        return orders.findByReference(o.getReference()).orElseThrow().getStatus();
    }

    private Map<Relationship, ServiceOrder> ordersByRelationship(long caseId) {
        Map<Relationship, ServiceOrder> byRelationship = new java.util.EnumMap<>(Relationship.class);
        for (ServiceOrder o : counselOrders(caseId)) {
            byRelationship.put(tx.execute(s -> cases.get(caseId).getTravellers().stream()
                    .filter(t -> t.getId().equals(o.getTravellerId())).findFirst().orElseThrow().getRelationship()), o);
        }
        return byRelationship;
    }

    private Traveller traveller(long caseId, Relationship relationship) {
        return tx.execute(s -> cases.get(caseId).getTravellers().stream().filter(t -> t.getRelationship() == relationship).findFirst().orElseThrow());
    }

    /** Signed as a vendor signs a callback now: timestamp, fresh nonce, HMAC of "timestamp.nonce.body". */
    private static Map<String, String> signed(String body, String secret) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), secret, java.time.Instant.now().getEpochSecond());
    }
}
