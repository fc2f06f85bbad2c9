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
import java.util.stream.StreamSupport;

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
    void aFamilyOfFourFromBrazilToGermanyChoosesAPlanPerDependantAndIsEnrolledWithTheVendorsConfirmation() {
        Api specialist = Api.as(port, "specialist");
        AtEnrolment at = atTheEnrolment(specialist, "BR", "DE");
        long id = at.id();
        String caseNumber = at.caseNumber();
        Api employee = Api.as(port, "employee");
        String task = at.task();
        Map<String, Object> decided = policy.latestOutputs(id, PolicyService.BENEFITS).orElseThrow().get(0);
        assertThat(decided).containsEntry("hostPlan", "host-statutory").containsEntry("socialSecurity", "CERTIFICATE_OF_COVERAGE")
                .containsEntry("dependantsEligible", true);

        // the form opens with one line per dependant: who (no name), the policy's plan; read-time context, never a variable
        ArrayNode lines = dependantPlans(employee, task);
        assertThat(lines.findValuesAsText("who")).containsExactly("Partner", "Child, 11 years", "Child, 7 years");
        assertThat(lines.findValuesAsText("plan")).containsOnly("host-national");
        assertThat(lines.toString()).doesNotContain("Pat", "Kim", "Lou");
        long partner = lines.get(0).get("travellerId").asLong();
        long olderChild = lines.get(1).get("travellerId").asLong();
        long youngerChild = lines.get(2).get("travellerId").asLong();
        assertThat(Api.as(port, "admin").get("/engine-rest/variable-instance?variableName=dependantPlans").getBody()).isEmpty();

        ResponseEntity<JsonNode> bad = submit(employee, task, "[{\"travellerId\":" + partner + ",\"plan\":\"international\"},"
                + "{\"travellerId\":" + olderChild + ",\"plan\":\"gold-plated\"},{\"travellerId\":" + youngerChild + ",\"plan\":\"international\"}]");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("fieldErrors").path("dependantPlans[1].plan").asText()).as("%s", bad.getBody())
                .isEqualTo("Their health plan (entry 2 of Health plans of your family): choose one of the options from the list.");
        assertThat(specialist.caseDetails(id).has("benefitsEnrolment")).as("nothing written").isFalse();

        // as the Tasklist submits a dynamic list: a Json variable holding the list's JSON text
        ResponseEntity<JsonNode> done = submit(employee, task, "[{\"travellerId\":" + partner + ",\"plan\":\"international\"},"
                + "{\"travellerId\":\"" + olderChild + "\",\"plan\":\"host-national\"},{\"travellerId\":" + youngerChild + ",\"plan\":\"home-continued\"}]");
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
        ServiceOrder order = awaitBenefitsOrder(id);
        assertThat(order.getDetail()).as("each traveller's chosen plan, sent to the vendor")
                .isEqualTo("Enrolment of 4 traveller(s) in DE (home-continued, host-national, host-national, international), cover from 2027-03-01");
        JsonNode chosen = specialist.caseDetails(id).get("benefitsEnrolment");
        assertThat(chosen.get("confirmedBy").asText()).isEqualTo("employee");
        assertThat(plansByTraveller(chosen)).containsEntry(partner, "international ORDERED").containsEntry(olderChild, "host-national ORDERED")
                .containsEntry(youngerChild, "home-continued ORDERED");
        JsonNode submitted = submission(specialist, id);
        assertThat(submitted.get("fields").get("dependantPlans")).as("the employee's choice as submitted, on the case record").hasSize(3);
        assertThat(submitted.get("submittedBy").asText()).isEqualTo("employee");
        accepted(Api.anonymous(port), "{\"reference\":\"" + order.getReference() + "\",\"status\":\"CONFIRMED\",\"validFrom\":\"2027-03-01\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("relocation-benefits").processInstanceBusinessKey(caseNumber).finished().count()).isEqualTo(1));
        JsonNode travellers = specialist.caseDetails(id).get("benefitsEnrolment").get("travellers");
        assertThat(travellers).hasSize(4);
        assertThat(travellers.findValuesAsText("status")).containsOnly("CONFIRMED");
        assertThat(travellers.findValuesAsText("plan")).containsExactlyInAnyOrder("host-national", "international", "host-national", "home-continued");
        assertThat(travellers.findValuesAsText("coverStart")).containsOnly("2027-03-01");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("review-benefits-cover-start").count()).isZero();
        assertThat(Api.as(port, "admin").get("/engine-rest/variable-instance?variableName=dependantPlans").getBody())
                .as("the choice lives in the case records only").isEmpty();
    }

    @Test
    void everyBadDependantPlanIsA400NamingTheEntryAndNothingIsWritten() {
        Api specialist = Api.as(port, "specialist");
        JsonNode other = specialist.openCase(family("BR", "DE"));
        long otherTraveller = StreamSupport.stream(specialist.caseDetails(other.get("id").asLong()).get("travellers").spliterator(), false)
                .filter(t -> t.get("relationship").asText().equals("PARTNER")).findFirst().orElseThrow().get("id").asLong();
        AtEnrolment at = atTheEnrolment(specialist, "BR", "DE");
        long id = at.id();
        Api employee = Api.as(port, "employee");
        String task = at.task();
        ArrayNode lines = dependantPlans(employee, task);
        long a = lines.get(0).get("travellerId").asLong();
        long b = lines.get(1).get("travellerId").asLong();
        long d = lines.get(2).get("travellerId").asLong();
        long self = StreamSupport.stream(specialist.caseDetails(id).get("travellers").spliterator(), false)
                .filter(t -> t.get("relationship").asText().equals("EMPLOYEE")).findFirst().orElseThrow().get("id").asLong();

        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("\"gold\"", "dependantPlans");
        refused.put("{\"travellerId\":" + a + ",\"plan\":\"international\"}", "dependantPlans");
        refused.put("[1, 2]", "dependantPlans");
        refused.put("[{\"travellerId\":" + a + ",\"plan\":[\"international\"]}," + line(b) + "," + line(d) + "]", "dependantPlans[0].plan");
        refused.put("[" + line(999_999_999L) + "," + line(b) + "," + line(d) + "]", "dependantPlans[0].travellerId");
        refused.put("[" + line(a) + "," + line(otherTraveller) + "," + line(d) + "]", "dependantPlans[1].travellerId");
        refused.put("[" + line(a) + "," + line(b) + "," + line(self) + "]", "dependantPlans[2].travellerId");
        refused.put("[" + line(a) + "," + line(b) + "]", "dependantPlans");
        refused.put("[" + line(a) + "," + line(a) + "," + line(d) + "]", "dependantPlans[1].travellerId");
        refused.put("[" + line(a) + ",{\"travellerId\":" + b + ",\"plan\":\"platinum\"}," + line(d) + "]", "dependantPlans[1].plan");
        refused.put("[" + line(a) + ",{\"travellerId\":" + b + "}," + line(d) + "]", "dependantPlans[1].plan");
        refused.put("[" + line(a) + ",{\"plan\":\"international\"}," + line(d) + "]", "dependantPlans[1].travellerId");
        refused.put("[" + line(a) + ",{\"travellerId\":\"x1\",\"plan\":\"international\"}," + line(d) + "]", "dependantPlans[1].travellerId");
        refused.put("[" + line(a) + ",{\"travellerId\":" + b + ",\"plan\":\"international\",\"name\":\"Kim\"}," + line(d) + "]",
                "dependantPlans[1].name");
        refused.forEach((json, field) -> {
            ResponseEntity<JsonNode> r = submit(employee, task, json);
            assertThat(r.getStatusCode().value()).as("%s: %s", json, r.getBody()).isEqualTo(400);
            assertThat(r.getBody().get("fieldErrors").has(field)).as("%s names %s: %s", json, field, r.getBody()).isTrue();
        });
        // a REST client's other spellings: a plain String of JSON text, an array value (type Json), not JSON at all
        ResponseEntity<JsonNode> notJson = submitTyped(employee, task, "String", Api.JSON.getNodeFactory().textNode("plans: all international"));
        assertThat(notJson.getStatusCode().value()).as("%s", notJson.getBody()).isEqualTo(400);
        assertThat(notJson.getBody().get("fieldErrors").has("dependantPlans")).isTrue();
        assertThat(specialist.caseDetails(id).has("benefitsEnrolment")).as("nothing written").isFalse();
        assertThat(orders.findByCaseIdOrderById(id).stream().filter(o -> o.getServiceType() == ServiceType.BENEFITS_ENROLMENT)).isEmpty();

        ResponseEntity<JsonNode> array = submitTyped(employee, task, "Json", Api.JSON.createArrayNode()
                .add(Api.JSON.createObjectNode().put("travellerId", a).put("plan", "not-enrolled"))
                .add(Api.JSON.createObjectNode().put("travellerId", b).put("plan", "international"))
                .add(Api.JSON.createObjectNode().put("travellerId", d).put("plan", "international")));
        assertThat(array.getStatusCode().value()).as("%s", array.getBody()).isEqualTo(204);
        assertThat(plansByTraveller(specialist.caseDetails(id).get("benefitsEnrolment"))).containsEntry(a, "host-national NOT_ENROLLED")
                .containsEntry(b, "international ORDERED").containsEntry(d, "international ORDERED").containsEntry(self, "host-national ORDERED");
        assertThat(awaitBenefitsOrder(id).getDetail()).startsWith("Enrolment of 3 traveller(s) in DE (host-national, international, international)");
    }

    @Test
    void theVendorSilentFiveDaysThenConfirmingCoverAfterTheArrivalGivesTheSpecialistAFollowUpAndAReview() {
        Api specialist = Api.as(port, "specialist");
        AtEnrolment at = atTheEnrolment(specialist, "DE", "US");
        long id = at.id();
        String caseNumber = at.caseNumber();
        Api employee = Api.as(port, "employee");
        String enrolment = at.task();
        ArrayNode lines = dependantPlans(employee, enrolment);
        lines.forEach(l -> ((ObjectNode) l).put("plan", "not-enrolled").remove("who"));
        assertThat(submit(employee, enrolment, lines.toString()).getStatusCode().value()).isEqualTo(204);
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
        ArrayNode lines = dependantPlans(employee, task);
        assertThat(lines.findValuesAsText("plan")).as("the policy's plan where the host has none").containsOnly("international");
        ((ObjectNode) lines.get(2)).put("plan", "host-national");
        lines.forEach(l -> ((ObjectNode) l).remove("who"));
        ResponseEntity<JsonNode> hostPlan = submit(employee, task, lines.toString());
        assertThat(hostPlan.getStatusCode().value()).isEqualTo(400);
        assertThat(hostPlan.getBody().get("fieldErrors").get("dependantPlans[2].plan").asText()).as("%s", hostPlan.getBody())
                .contains("no national plan in AE");
        // a REST client that sends no list: each dependant keeps the policy's plan
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

    /** A family case whose intake was reviewed and every approval given: the employee's enrolment task is open. */
    private record AtEnrolment(long id, String caseNumber, String task) {
    }

    private AtEnrolment atTheEnrolment(Api specialist, String home, String host) {
        JsonNode c = specialist.openCase(family(home, host));
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        return new AtEnrolment(id, caseNumber, Api.as(port, "employee").awaitTask(caseNumber, "confirm-benefits-enrolment"));
    }

    private static String line(long travellerId) {
        return "{\"travellerId\":" + travellerId + ",\"plan\":\"international\"}";
    }

    /** The form's dynamic list as the Tasklist loads it (form variables, type Json): one line per dependant. */
    private static ArrayNode dependantPlans(Api employee, String task) {
        JsonNode variables = employee.get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(variables.get("dependantPlans").get("type").asText()).isEqualTo("Json");
        try {
            return (ArrayNode) Api.JSON.readTree(variables.get("dependantPlans").get("value").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Submits the form as the Tasklist does: the list as a Json variable (its JSON text), the other fields plain. */
    private static ResponseEntity<JsonNode> submit(Api employee, String task, String dependantPlans) {
        return submitTyped(employee, task, "Json", Api.JSON.getNodeFactory().textNode(dependantPlans));
    }

    private static ResponseEntity<JsonNode> submitTyped(Api employee, String task, String type, JsonNode dependantPlans) {
        ObjectNode body = Api.JSON.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        variables.putObject("healthPlan").put("value", "host-national");
        variables.putObject("pensionContinuation").put("value", "home");
        variables.putObject("enrolmentConfirmed").put("value", true).put("type", "Boolean");
        ObjectNode list = variables.putObject("dependantPlans").put("type", type);
        list.set("value", dependantPlans);
        list.putObject("valueInfo");
        return employee.post("/engine-rest/task/" + task + "/submit-form", body);
    }

    /** travellerId → "plan STATUS" of the case's benefits enrolment. */
    private static Map<Long, String> plansByTraveller(JsonNode enrolment) {
        Map<Long, String> plans = new java.util.HashMap<>();
        enrolment.get("travellers").forEach(t -> plans.put(t.get("travellerId").asLong(), t.get("plan").asText() + " " + t.get("status").asText()));
        return plans;
    }

    private static JsonNode submission(Api reader, long caseId) {
        JsonNode latest = null;
        for (JsonNode s : reader.caseDetails(caseId).get("submissions")) {
            if (s.get("taskKey").asText().equals("confirm-benefits-enrolment")) {
                latest = s;
            }
        }
        assertThat(latest).isNotNull();
        return latest;
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
