package org.relocation.immigration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * The counsel branch's forms over HTTP: each submission is a counsel note on the traveller's counsel order (a late
 * counsel followed up, the information provided on counsel's request, a refused permit handled); the information sent
 * to counsel is the recorded note, which is marked sent. Only readers of the field group NOTES see the notes. The host
 * city "Manual Answers" keeps the demo simulator out: the test plays counsel.
 */
@ServerTest
class CounselNotesTest {

    private static final String COUNSEL_SECRET = "demo-counsel-secret";

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    ProcessEngine engine;

    @Test
    void theCounselFormsAreRecordedAsNotesOnTheTravellersOrder() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api.as(port, "employee").provideDocuments(id, caseNumber, "X7654321", "2033-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(counselOrders(id))
                .hasSize(1).extracting(ServiceOrder::getStatus).containsOnly(ServiceOrder.Status.SENT));
        ServiceOrder order = counselOrders(id).get(0);
        long employee = specialist.caseDetails(id).get("travellers").get(0).get("id").asLong();

        // counsel is late: the SLA timer opens the follow-up, whose notes are recorded on the order
        String immigration = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("relocation-immigration").singleResult().getId();
        Job sla = engine.getManagementService().createJobQuery().processInstanceId(immigration).activityId("counsel-sla-breached").singleResult();
        engine.getManagementService().executeJob(sla.getId());
        specialist.completeTask(caseNumber, "follow-up-counsel", vars("followUpNotes", "Called counsel: decision expected next week"));

        // counsel asks for more information: the specialist's summary is recorded and is what counsel is told
        assertThat(counsel("{\"reference\":\"" + order.getReference()
                + "\",\"status\":\"INFO_REQUESTED\",\"note\":\"Certified translation of the degree\"}")).isEqualTo(202);
        specialist.completeTask(caseNumber, "answer-counsel-request",
                vars("informationSummary", "Uploaded the certified translation of the degree", "informationProvided", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order) == ServiceOrder.Status.SENT);

        // refused: the specialist appeals, with the reason; counsel gets a new order
        assertThat(counsel("{\"reference\":\"" + order.getReference() + "\",\"status\":\"REFUSED\",\"note\":\"Salary threshold\"}"))
                .isEqualTo(202);
        specialist.completeTask(caseNumber, "handle-permit-refusal", vars("refusalAction", "appeal",
                "refusalNotes", "The salary meets the threshold with the allowance"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(counselOrders(id)).hasSize(2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode notes = specialist.caseDetails(id).get("counselNotes");
            assertThat(notes).hasSize(3);
            assertThat(notes).allSatisfy(n -> {
                assertThat(n.get("travellerId").asLong()).isEqualTo(employee);
                assertThat(n.get("serviceOrderReference").asText()).isEqualTo(order.getReference());
                assertThat(n.get("writtenBy").asText()).isEqualTo("specialist");
                assertThat(n.hasNonNull("writtenAt")).isTrue();
            });
            assertThat(notes.get(0).get("kind").asText()).isEqualTo("FOLLOW_UP");
            assertThat(notes.get(0).get("text").asText()).isEqualTo("Called counsel: decision expected next week");
            assertThat(notes.get(1).get("kind").asText()).isEqualTo("INFORMATION_PROVIDED");
            assertThat(notes.get(1).get("text").asText()).isEqualTo("Uploaded the certified translation of the degree");
            assertThat(notes.get(1).hasNonNull("sentAt")).as("sent to counsel").isTrue();
            assertThat(notes.get(2).get("kind").asText()).isEqualTo("REFUSAL_HANDLING");
            assertThat(notes.get(2).get("refusalAction").asText()).isEqualTo("APPEAL");
            assertThat(notes.get(2).get("text").asText()).isEqualTo("The salary meets the threshold with the allowance");
            assertThat(notes.get(2).has("sentAt")).isFalse();
        });

        // free text about the application: not for the employee, nor for the line manager
        assertThat(Api.as(port, "employee").caseDetails(id).has("counselNotes")).isFalse();
        assertThat(Api.as(port, "manager").caseDetails(id).has("counselNotes")).isFalse();
    }

    private int counsel(String body) {
        Map<String, String> headers = Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), COUNSEL_SECRET,
                java.time.Instant.now().getEpochSecond());
        return Api.anonymous(port).postRaw("/api/vendor-callbacks/immigration-counsel", body, headers).getStatusCode().value();
    }

    private List<ServiceOrder> counselOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.IMMIGRATION_COUNSEL).toList();
    }

    private ServiceOrder.Status status(ServiceOrder o) {
        return orders.findByReference(o.getReference()).orElseThrow().getStatus();
    }
}
