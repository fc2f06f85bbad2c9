package org.relocation.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Engine REST: authorizations by role, deployment rights, and the ad-hoc query expression guard. */
@ServerTest
class EngineSecurityTest {

    @LocalServerPort
    int port;

    @Test
    void expressionsInAdhocTaskQueriesAndOrQueriesAreRefused() {
        Api specialist = Api.as(port, "specialist");
        String orQuery = "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}]}";
        JsonNode refused = specialist.postRaw("/engine-rest/task", orQuery, Map.of()).getBody();
        assertThat(refused.get("message").asText()).contains("Expressions are not allowed");
        assertThat(specialist.postRaw("/engine-rest/task", orQuery, Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.postRaw("/engine-rest/task/count", "{\"orQueries\":[{\"candidateGroupExpression\":\"#{1+1}\"}]}", Map.of())
                .getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D").getStatusCode().value()).isEqualTo(400);
        assertThat(specialist.postRaw("/engine-rest/task", "{\"orQueries\":[{\"assignee\":\"specialist\"}]}", Map.of())
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void onlyProcessOwnersAndAdminsDeploy() {
        assertThat(deploy("specialist")).isEqualTo(403);
        assertThat(deploy("manager")).isEqualTo(403);
        assertThat(deploy("owner")).isEqualTo(200);
    }

    @Test
    void anEmployeeSeesOnlyTasksOfTheirOwnCase() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "90000"));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(c.get("id").asLong(), caseNumber);
        Api.as(port, "employee2").awaitTask(caseNumber, "provide-immigration-documents");
        assertThat(Api.as(port, "employee").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber).getBody()).isEmpty();
        assertThat(Api.as(port, "finance").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=provide-immigration-documents")
                .getBody()).isEmpty();
    }

    @Test
    void aFormSubmittedWithoutItsRequiredFieldsIsA400AndTheTaskStaysOpen() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "90000"));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        Api manager = Api.as(port, "manager");
        String task = manager.awaitTask(caseNumber, "approve-relocation");
        var missing = manager.complete(task, Map.of("managerComment", "no decision"));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        // a sentence naming the field by its label; the field's key in fieldErrors, for API clients
        assertThat(missing.getBody().get("message").asText()).startsWith("The form cannot be submitted: Your decision: ");
        assertThat(missing.getBody().path("fieldErrors").has("managerDecision")).isTrue();
        var wrongValue = manager.complete(task, Map.of("managerDecision", "maybe"));
        assertThat(wrongValue.getStatusCode().value()).isEqualTo(400);
        // someone who may not see the task learns nothing about its form: the engine refuses as for any foreign task
        var foreign = Api.as(port, "employee").complete(task, Map.of("managerComment", "no decision"));
        assertThat(foreign.getStatusCode().value()).isIn(403, 404);
        assertThat(foreign.getBody().toString()).doesNotContain("managerDecision");
        assertThat(manager.awaitTask(caseNumber, "approve-relocation")).isEqualTo(task);
    }

    @Test
    void theWebappsInitialAdminSetupIsClosedToEveryone() {
        String user = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@x.org\"},\"credentials\":{\"password\":\"intruder1\"}}";
        int status = Api.anonymous(port).postRaw("/operaton/api/admin/setup/default/user/create", user, Map.of()).getStatusCode().value();
        assertThat(status).isIn(401, 403);
        assertThat(Api.as(port, "admin").get("/engine-rest/user?id=intruder").getBody()).isEmpty();
    }

    private int deploy(String user) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "Owner change through the engine REST API"); // a person says why
        parts.add("deploy-changed-only", "true");
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_XML);
        fileHeaders.setContentDispositionFormData("data", "owner-change.bpmn");
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  id="d" targetNamespace="http://relocation">
                  <bpmn:process id="owner-change" name="Owner change" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="s"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        parts.add("data", new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), fileHeaders));
        return RestClient.create().post().uri("http://localhost:" + port + "/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> res.getStatusCode().value());
    }
}
