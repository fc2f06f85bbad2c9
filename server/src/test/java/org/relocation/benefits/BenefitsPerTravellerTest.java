package org.relocation.benefits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.policy.PolicyService;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benefits per traveller through HTTP, the benefits vendor played by the test (host city "Manual Answers" keeps the demo
 * simulator out): a family of four moving from Brazil to Germany (host statutory plan, BR-DE social security agreement)
 * all four enrolled with the vendor's confirmation; the vendor silent past its confirmation deadline (follow-up) and then confirming a
 * cover start after the arrival (review); a host country without a plan (international cover, no agreement); every bad
 * form input a 400 naming the field, nothing written. No family detail reaches a process variable.
 */
@ServerTest
class BenefitsPerTravellerTest {

    private static final String BENEFITS_SECRET = "demo-benefits-secret";

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    PolicyService policy;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void aFamilyOfFourFromBrazilToGermanyIsEnrolledWithTheVendorsConfirmation() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(family("BR", "DE"));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);

        Api employee = Api.as(port, "employee");
        String task = employee.awaitTask(caseNumber, "confirm-benefits-enrolment");
        Map<String, Object> decided = policy.latestOutputs(id, PolicyService.BENEFITS).orElseThrow().get(0);
        assertThat(decided).containsEntry("hostPlan", "host-statutory").containsEntry("socialSecurity", "CERTIFICATE_OF_COVERAGE")
                .containsEntry("dependantsEligible", true);

        ResponseEntity<JsonNode> bad = employee.complete(task, Api.vars("healthPlan", "host-national", "pensionContinuation", "home",
                "dependantsPlan", "gold-plated", "enrolmentConfirmed", true));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("dependantsPlan");
        assertThat(specialist.caseDetails(id).has("benefitsEnrolment")).as("nothing written").isFalse();

        employee.completeTask(caseNumber, "confirm-benefits-enrolment", Api.vars("healthPlan", "host-national", "pensionContinuation", "home",
                "dependantsPlan", "same-as-employee", "enrolmentConfirmed", true));
        ServiceOrder order = awaitBenefitsOrder(id);
        assertThat(order.getDetail()).isEqualTo("Enrolment of 4 traveller(s) in DE (host-national, host-national, host-national, host-national),"
                + " cover from 2027-03-01");
        accepted(Api.anonymous(port), "{\"reference\":\"" + order.getReference() + "\",\"status\":\"CONFIRMED\",\"validFrom\":\"2027-03-01\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("relocation-benefits").processInstanceBusinessKey(caseNumber).finished().count()).isEqualTo(1));
        JsonNode travellers = specialist.caseDetails(id).get("benefitsEnrolment").get("travellers");
        assertThat(travellers).hasSize(4);
        assertThat(travellers.findValuesAsText("status")).containsOnly("CONFIRMED");
        assertThat(travellers.findValuesAsText("plan")).containsOnly("host-national");
        assertThat(travellers.findValuesAsText("coverStart")).containsOnly("2027-03-01");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("review-benefits-cover-start").count()).isZero();
        assertThat(Api.as(port, "admin").get("/engine-rest/variable-instance?variableName=dependantsPlan").getBody())
                .as("the choice lives in the case records only").isEmpty();
    }

    @Test
    void theVendorSilentFiveDaysThenConfirmingCoverAfterTheArrivalGivesTheSpecialistAFollowUpAndAReview() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(family("DE", "US"));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api.as(port, "employee").completeTask(caseNumber, "confirm-benefits-enrolment", Api.vars("healthPlan", "host-national",
                "pensionContinuation", "home", "dependantsPlan", "not-enrolled", "enrolmentConfirmed", true));
        ServiceOrder order = awaitBenefitsOrder(id);
        assertThat(order.getDetail()).startsWith("Enrolment of 1 traveller(s) in US");

        String benefits = runtime.createProcessInstanceQuery().processDefinitionKey("relocation-benefits").processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job sla = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(benefits)
                .activityId("benefits-vendor-sla-breached").singleResult(), java.util.Objects::nonNull);
        assertThat(sla.getDuedate().toInstant()).as("the vendor's confirmation deadline (business days), the day after it")
                .isEqualTo(order.getConfirmBy().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        management.executeJob(sla.getId());
        String followUp = specialist.awaitTask(caseNumber, "follow-up-benefits-enrolment");
        ResponseEntity<JsonNode> empty = specialist.complete(followUp, Api.vars("benefitsFollowUpNotes", ""));
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().toString()).contains("benefitsFollowUpNotes");
        specialist.completeTask(caseNumber, "follow-up-benefits-enrolment", Api.vars("benefitsFollowUpNotes", "Vendor chased by phone"));

        accepted(Api.anonymous(port), "{\"reference\":\"" + order.getReference() + "\",\"status\":\"CONFIRMED\",\"validFrom\":\"2027-04-01\"}");
        String review = specialist.awaitTask(caseNumber, "review-benefits-cover-start");
        ResponseEntity<JsonNode> unknown = specialist.complete(review, Api.vars("coverStartOutcome", "ignore"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().toString()).contains("coverStartOutcome");
        specialist.completeTask(caseNumber, "review-benefits-cover-start", Api.vars("coverStartOutcome", "backdated"));

        JsonNode travellers = specialist.caseDetails(id).get("benefitsEnrolment").get("travellers");
        assertThat(travellers.findValuesAsText("status")).containsExactly("CONFIRMED", "NOT_ENROLLED", "NOT_ENROLLED", "NOT_ENROLLED");
        assertThat(travellers.get(0).get("coverStart").asText()).isEqualTo("2027-04-01");
        assertThat(policy.latestOutputs(id, PolicyService.BENEFITS).orElseThrow().get(0)).containsEntry("socialSecurity", "CERTIFICATE_OF_COVERAGE");
    }

    @Test
    void aHostCountryWithoutAPlanAndNoAgreementGetsInternationalCover() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(family("BR", "AE"));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api.as(port, "hradmin").completeTask(caseNumber, "arrange-international-coverage", Api.vars("coverageProvider", "Global Health"));
        assertThat(policy.latestOutputs(id, PolicyService.BENEFITS).orElseThrow().get(0)).containsEntry("hostPlan", "none")
                .containsEntry("internationalCover", "standard").containsEntry("socialSecurity", "HOST_CONTRIBUTIONS");

        Api employee = Api.as(port, "employee");
        String task = employee.awaitTask(caseNumber, "confirm-benefits-enrolment");
        ResponseEntity<JsonNode> hostPlan = employee.complete(task, Api.vars("healthPlan", "international", "pensionContinuation", "home",
                "dependantsPlan", "host-national", "enrolmentConfirmed", true));
        assertThat(hostPlan.getStatusCode().value()).isEqualTo(400);
        assertThat(hostPlan.getBody().toString()).contains("dependantsPlan");
        employee.completeTask(caseNumber, "confirm-benefits-enrolment", Api.vars("healthPlan", "international", "pensionContinuation", "home",
                "enrolmentConfirmed", true));
        ServiceOrder order = awaitBenefitsOrder(id);
        accepted(Api.anonymous(port), "{\"reference\":\"" + order.getReference() + "\",\"status\":\"CONFIRMED\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode travellers = specialist.caseDetails(id).get("benefitsEnrolment").get("travellers");
            assertThat(travellers.findValuesAsText("status")).containsOnly("CONFIRMED").hasSize(4);
            assertThat(travellers.findValuesAsText("plan")).containsOnly("international");
            assertThat(travellers.findValuesAsText("coverStart")).as("no date from the vendor: the planned start").containsOnly("2027-03-01");
        });
    }

    private static ObjectNode family(String home, String host) {
        ObjectNode intake = Api.intake("employee", home, home, host, "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        ArrayNode dependents = intake.putArray("dependents");
        dependents.addObject().put("relationship", "PARTNER").put("fullName", "Pat Partner").put("nationality", home).put("birthDate", "1990-05-01");
        dependents.addObject().put("relationship", "CHILD").put("fullName", "Kim Child").put("nationality", home).put("birthDate", "2016-02-01");
        dependents.addObject().put("relationship", "CHILD").put("fullName", "Lou Child").put("nationality", home).put("birthDate", "2019-09-01");
        return intake;
    }

    private ServiceOrder awaitBenefitsOrder(long caseId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(benefitsOrders(caseId)).hasSize(1)
                .allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(ServiceOrder.Status.SENT)));
        return benefitsOrders(caseId).get(0);
    }

    private List<ServiceOrder> benefitsOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.BENEFITS_ENROLMENT).toList();
    }

    /** A vendor retries (signed afresh) while the case is not waiting yet (409). */
    private static void accepted(Api vendor, String body) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(vendor.postRaw("/api/vendor-callbacks/benefits", body, signed(body)).getStatusCode().is2xxSuccessful()).isTrue());
    }

    private static Map<String, String> signed(String body) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), BENEFITS_SECRET, java.time.Instant.now().getEpochSecond());
    }
}
