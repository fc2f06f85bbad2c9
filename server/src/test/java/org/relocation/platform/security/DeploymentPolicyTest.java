package org.relocation.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment is code: a process owner's model that would run code is refused before anything of it runs, with the
 * offending element ids named; a model that only reads variables deploys.
 */
@ServerTest
class DeploymentPolicyTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Test
    void eachConstructThatRunsCodeIsRefusedWithItsElementNamed() {
        String[][] cases = {
                {"script-task", "<bpmn:scriptTask id=\"run-script\" scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>", "run-script"},
                {"class-delegate", "<bpmn:serviceTask id=\"call-class\" camunda:class=\"java.lang.Runtime\"/>", "call-class"},
                {"expression-delegate", "<bpmn:serviceTask id=\"call-expression\" camunda:expression=\"${execution.getProcessEngine()}\"/>", "call-expression"},
                {"unknown-bean", "<bpmn:serviceTask id=\"call-bean\" camunda:delegateExpression=\"${dataSource}\"/>", "call-bean"},
                {"expression-listener", "<bpmn:userTask id=\"listened\"><bpmn:extensionElements><camunda:executionListener event=\"start\" "
                        + "expression=\"${execution.setVariable('x', 1)}\"/></bpmn:extensionElements></bpmn:userTask>", "listened"},
                {"script-listener", "<bpmn:userTask id=\"scripted\"><bpmn:extensionElements><camunda:taskListener event=\"create\">"
                        + "<camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>", "scripted"},
                {"method-in-timer", "<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:timerEventDefinition id=\"wait-timer\"><bpmn:timeDuration>"
                        + "${''.getClass().forName('java.lang.Runtime')}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>", "wait-timer"},
                {"method-in-input", "<bpmn:serviceTask id=\"io-task\" camunda:type=\"external\" camunda:topic=\"t\"><bpmn:extensionElements><camunda:inputOutput>"
                        + "<camunda:inputParameter name=\"x\">${execution.getProcessEngineServices()}</camunda:inputParameter></camunda:inputOutput>"
                        + "</bpmn:extensionElements></bpmn:serviceTask>", "io-task"},
                {"script-input", "<bpmn:serviceTask id=\"io-script\" camunda:type=\"external\" camunda:topic=\"t\"><bpmn:extensionElements><camunda:inputOutput>"
                        + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:inputParameter>"
                        + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>", "io-script"},
                {"property-in-assignee", "<bpmn:userTask id=\"assigned\" camunda:assignee=\"${someBean.secret}\"/>", "assigned"},
                {"call-mapping", "<bpmn:callActivity id=\"called\" calledElement=\"relocation-intake\"><bpmn:extensionElements>"
                        + "<camunda:in sourceExpression=\"${caseId.getClass()}\" target=\"caseId\"/></bpmn:extensionElements></bpmn:callActivity>", "called"},
                {"function", "<bpmn:userTask id=\"fn\" camunda:assignee=\"${unknownFunction()}\"/>", "fn"},
        };
        for (String[] c : cases) {
            var answer = deploy("owner", c[0] + ".bpmn", bpmn(c[0], c[1]));
            assertThat(answer.status()).as(c[0] + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.json().path("details").toString()).as(c[0]).contains(c[2]);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(c[0]).count()).as(c[0]).isZero();
        }
    }

    @Test
    void aTimerStartExpressionIsNotEvaluatedAtDeployTime() {
        String body = "<bpmn:startEvent id=\"timer-start\"><bpmn:timerEventDefinition id=\"start-timer\"><bpmn:timeDate>"
                + "${''.getClass().forName('java.lang.Thread').getMethod('sleep', ''.getClass().forName('long'))}"
                + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>";
        var answer = deploy("owner", "timer-start.bpmn", bpmn("timer-start", body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("start-timer");
    }

    @Test
    void aDecisionInJuelOrCallingJavaIsRefused() {
        String juel = dmn("juel-decision", "<inputExpression id=\"in-expr\" typeRef=\"string\" expressionLanguage=\"juel\"><text>${x}</text></inputExpression>",
                "<text>\"a\"</text>");
        var answer = deploy("owner", "juel-decision.dmn", juel);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("in-expr");
        String external = dmn("external-decision", "<inputExpression id=\"in-ext\" typeRef=\"string\"><text>x</text></inputExpression>",
                "<text>function(a) external { java: { class: \"java.lang.System\", method signature: \"exit(int)\" } }</text>");
        var refused = deploy("owner", "external-decision.dmn", external);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("external");
    }

    @Test
    void aModelThatOnlyReadsVariablesDeploys() {
        String body = "<bpmn:startEvent id=\"start\"/><bpmn:sequenceFlow id=\"to-decide\" sourceRef=\"start\" targetRef=\"decide\"/>"
                + "<bpmn:exclusiveGateway id=\"decide\" name=\"Decide\" default=\"skip\"/>"
                + "<bpmn:userTask id=\"review\" name=\"Review\" camunda:candidateGroups=\"mobility-specialist\" camunda:assignee=\"${employeeUserId}\"/>"
                + "<bpmn:sequenceFlow id=\"go\" name=\"Go\" sourceRef=\"decide\" targetRef=\"review\"><bpmn:conditionExpression>"
                + "${amount &gt; 100 &amp;&amp; decision == 'approve' || !empty note}</bpmn:conditionExpression></bpmn:sequenceFlow>"
                + "<bpmn:sequenceFlow id=\"skip\" name=\"Skip\" sourceRef=\"decide\" targetRef=\"sub\"/>"
                + "<bpmn:callActivity id=\"sub\" calledElement=\"relocation-intake\"><bpmn:extensionElements>"
                + "<camunda:in businessKey=\"#{execution.processBusinessKey}\"/></bpmn:extensionElements></bpmn:callActivity>";
        var answer = deploy("owner", "reads-only.bpmn", bpmn("reads-only", body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // and deploying stays closed to everyone but process owners and admins
        assertThat(deploy("specialist", "reads-only-2.bpmn", bpmn("reads-only-2", body)).status()).isEqualTo(403);
        assertThat(deploy("employee", "reads-only-3.bpmn", bpmn("reads-only-3", body)).status()).isEqualTo(403);
    }

    private static String bpmn(String id, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  id="defs-%1$s" targetNamespace="http://relocation">
                  <bpmn:process id="%1$s" name="Attack %1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, elements);
    }

    private static String dmn(String id, String input, String output) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs-%1$s" name="d" namespace="http://relocation">
                  <decision id="%1$s" name="Attack">
                    <decisionTable id="table-%1$s">
                      <input id="input-%1$s" label="x">%2$s</input>
                      <output id="output-%1$s" name="y" typeRef="string"/>
                      <rule id="rule-%1$s"><inputEntry id="entry-%1$s"><text>-</text></inputEntry><outputEntry id="out-%1$s">%3$s</outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(id, input, output);
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError(body, e);
            }
        }
    }

    private Answer deploy(String user, String fileName, String content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "Policy test of " + fileName); // a person says why (rule comment)
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_XML);
        fileHeaders.setContentDispositionFormData("data", fileName);
        parts.add("data", new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), fileHeaders));
        List<Answer> answer = new ArrayList<>();
        RestClient.create().post().uri("http://localhost:" + port + "/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> answer.add(new Answer(res.getStatusCode().value(), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8))));
        return answer.get(0);
    }
}
