package org.relocation.relocationcase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake through the Tasklist's start form and the case API: dependants from the form's fixed slots, no end date
 * for a permanent transfer, and the employee's login checked against the users (one rule for both routes).
 */
@ServerTest
class StartFormIntakeTest {

    private static final String SUBMIT = "/engine-rest/process-definition/key/relocation/submit-form";

    @LocalServerPort
    int port;

    @Autowired
    CaseRepository cases;

    private static ObjectNode form(ObjectNode intake) {
        ObjectNode form = Api.JSON.createObjectNode();
        ObjectNode vars = form.putObject("variables");
        intake.fields().forEachRemaining(e -> vars.putObject("intake_" + e.getKey()).set("value", e.getValue()));
        return form;
    }

    private static void put(ObjectNode form, String field, Object value) {
        ObjectNode v = ((ObjectNode) form.get("variables")).putObject("intake_" + field);
        if (value instanceof Boolean b) {
            v.put("value", b);
            v.put("type", "Boolean");
        } else {
            v.put("value", value.toString());
        }
    }

    @Test
    void aPermanentTransferWithADependantStartsFromTheFormWithoutAnEndDate() {
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "PERMANENT_TRANSFER", "250000");
        intake.remove("endDate");
        ObjectNode form = form(intake);
        put(form, "hasDependent1", true);
        put(form, "dependent1Relationship", "PARTNER");
        put(form, "dependent1FullName", "Test Partner");
        put(form, "dependent1Nationality", "IN");
        put(form, "dependent1BirthDate", "1990-05-01");

        ResponseEntity<JsonNode> started = Api.as(port, "specialist").post(SUBMIT, form);
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);

        String number = started.getBody().path("businessKey").asText();
        assertThat(number).startsWith("RC-");
        long id = cases.findByCaseNumber(number).orElseThrow().getId();
        JsonNode c = Api.as(port, "specialist").caseDetails(id);
        assertThat(c.has("endDate")).as("%s", c).isFalse();
        assertThat(c.path("travellers").findValuesAsText("relationship")).contains("PARTNER");
        assertThat(c.path("travellers").findValuesAsText("fullName")).contains("Test Partner");
    }

    @Test
    void anEndDateIsStillRequiredForOtherAssignmentsAndADependantProblemNamesItsSlot() {
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
        intake.remove("endDate");
        ObjectNode form = form(intake);
        put(form, "hasDependent1", true);
        put(form, "dependent1Relationship", "CHILD");
        put(form, "dependent1Nationality", "IN");
        long before = cases.count();

        ResponseEntity<JsonNode> refused = Api.as(port, "specialist").post(SUBMIT, form);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody().path("fieldErrors").has("intake_endDate")).as("%s", refused.getBody()).isTrue();
        assertThat(refused.getBody().path("fieldErrors").has("intake_dependent1FullName")).as("%s", refused.getBody()).isTrue();
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void aMistypedEmployeeLoginIsRefusedWithASentenceOnBothRoutes() {
        ObjectNode intake = Api.intake("emplyee", "IN", "GB", "DE", "LONG_TERM", "250000");
        long before = cases.count();

        ResponseEntity<JsonNode> fromForm = Api.as(port, "specialist").post(SUBMIT, form(intake));
        assertThat(fromForm.getStatusCode().value()).as("%s", fromForm.getBody()).isEqualTo(400);
        String sentence = fromForm.getBody().path("fieldErrors").path("intake_employeeUserId").asText();
        assertThat(sentence).startsWith("Employee login: ").contains("no user has this login").endsWith(".").doesNotContain("emplyee");
        assertThat(fromForm.getBody().path("message").asText()).as("the sentences, no Java map text")
                .contains(sentence).doesNotContain("{", "=", "intake_");

        ResponseEntity<JsonNode> fromApi = Api.as(port, "specialist").post("/api/cases", intake);
        assertThat(fromApi.getStatusCode().value()).as("%s", fromApi.getBody()).isEqualTo(400);
        assertThat(sentence).as("the same rule on both routes").contains(fromApi.getBody().path("fieldErrors").path("employeeUserId").asText());
        assertThat(fromApi.getBody().path("detail").asText()).doesNotContain("emplyee");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void theApiOpensAPermanentTransferWithoutAnEndDate() {
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "PERMANENT_TRANSFER", "250000");
        intake.remove("endDate");
        JsonNode opened = Api.as(port, "specialist").openCase(intake);
        JsonNode c = Api.as(port, "specialist").caseDetails(opened.path("id").asLong());
        assertThat(c.has("endDate")).isFalse();
        assertThat(c.path("assignmentType").asText()).isEqualTo("PERMANENT_TRANSFER");
    }
}
