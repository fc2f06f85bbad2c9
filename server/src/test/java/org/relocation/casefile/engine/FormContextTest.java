package org.relocation.casefile.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * Every task form of a case gets the case card ({@code caseCard}) with its form variables, as a Json value the Tasklist
 * parses into form data: read-time only, never a variable, only on the engine's own 200, and without the employee's
 * name or any financials.
 */
@ServerTest
class FormContextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Test
    void theCandidateReadsTheCaseCardAsJsonWithoutNamesOrMoney() throws Exception {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "400000"));
        String caseNumber = created.get("caseNumber").asText();
        String review = specialist.awaitTask(caseNumber, "review-intake");

        JsonNode variables = specialist.get("/engine-rest/task/" + review + "/form-variables").getBody();
        assertThat(variables.get("caseCard").get("type").asText()).isEqualTo("Json");
        String text = variables.get("caseCard").get("value").asText();
        JsonNode card = JSON.readTree(text);
        assertThat(card.get("number").asText()).isEqualTo(caseNumber);
        assertThat(card.get("route").asText()).startsWith("GB → DE");
        assertThat(card.get("assignmentType").asText()).isEqualTo("Long-term assignment");
        assertThat(card.get("workspaceUrl").asText()).isEqualTo("/cases/#" + caseNumber);
        assertThat(card.get("status").asText()).isEqualTo("in progress");
        assertThat(card.get("phase").asText()).contains("intake");
        assertThat(text).as("no employee name, nationality or money on the card")
                .doesNotContain("Test Employee", "400000", "400,000", "employee@example.com");

        // asked for named variables only: the card comes when asked for, not otherwise
        JsonNode named = specialist.get("/engine-rest/task/" + review + "/form-variables?variableNames=caseCard").getBody();
        assertThat(named.has("caseCard")).isTrue();
        JsonNode other = specialist.get("/engine-rest/task/" + review + "/form-variables?variableNames=intakeVerified").getBody();
        assertThat(other.has("caseCard")).isFalse();

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        assertThat(history.createHistoricVariableInstanceQuery().variableName("caseCard").count()).as("never stored").isZero();
    }

    @Test
    void anAnswerTheEngineRefusesIsNotAugmented() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "400000"));
        String review = specialist.awaitTask(created.get("caseNumber").asText(), "review-intake");

        ResponseEntity<JsonNode> employee = Api.as(port, "employee").get("/engine-rest/task/" + review + "/form-variables");
        assertThat(employee.getStatusCode().value()).isNotEqualTo(200);
        assertThat(String.valueOf(employee.getBody())).doesNotContain("caseCard", created.get("caseNumber").asText());
        ResponseEntity<JsonNode> missing = specialist.get("/engine-rest/task/no-such-task/form-variables");
        assertThat(missing.getStatusCode().value()).as("the engine's answer for an unknown task").isIn(400, 404);
        assertThat(String.valueOf(missing.getBody())).doesNotContain("caseCard");
    }
}
