package org.relocation.modelchange.migration;

import org.operaton.bpm.engine.RepositoryService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions of the benefits phase a process owner deploys from Camunda Modeler (multipart POST to
 * /engine-rest/deployment/create as the owner, with a deployment name saying why): valid models (named, kebab ids,
 * diagram shapes and edges, historyTimeToLive), so the server's validation accepts them.
 */
final class BenefitsVersions {

    static final String KEY = "relocation-benefits";
    static final String FILE = KEY + ".bpmn";
    static final String PENSION_FORM = """
            {
              "components": [
                {"text": "### Confirm your pension transfer\\nConfirm that your pension contributions have been transferred.", "type": "text", "id": "Text_confirm-pension-transfer"},
                {"label": "My pension transfer is arranged", "type": "checkbox", "id": "Field_pensionTransferConfirmed", "key": "pensionTransferConfirmed", "validate": {"required": true}}
              ],
              "type": "default",
              "id": "confirm-pension-transfer",
              "executionPlatform": "Camunda Platform",
              "executionPlatformVersion": "7.23.0",
              "schemaVersion": 16
            }
            """;

    private final int port;
    private final RepositoryService repository;

    BenefitsVersions(int port, RepositoryService repository) {
        this.port = port;
        this.repository = repository;
    }

    /** The latest deployed version's definition id. */
    String latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
    }

    /**
     * The benefits phase with the enrolment task (or without: the coverage goes straight on), followed by the new task
     * confirm-pension-transfer.
     */
    static String withPensionTransfer(boolean enrolment) {
        String afterMerge = enrolment ? "confirm-benefits-enrolment" : "confirm-pension-transfer";
        StringBuilder process = new StringBuilder();
        process.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="relocation-benefits-definitions" targetNamespace="http://relocation.org/bpmn">
                  <bpmn:error id="error-no-host-coverage" name="No host coverage" errorCode="no-host-coverage" />
                  <bpmn:process id="relocation-benefits" name="Relocation benefits" isExecutable="true" camunda:historyTimeToLive="P180D">
                    <bpmn:startEvent id="benefits-started" name="Benefits started">
                      <bpmn:outgoing>flow-benefits-started-to-determine-benefits-coverage</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:serviceTask id="determine-benefits-coverage" name="Determine benefits coverage" camunda:type="external" camunda:topic="determine-benefits-coverage">
                      <bpmn:incoming>flow-benefits-started-to-determine-benefits-coverage</bpmn:incoming>
                      <bpmn:outgoing>flow-determine-benefits-coverage-to-coverage-merge</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:boundaryEvent id="no-host-coverage" name="No host coverage" attachedToRef="determine-benefits-coverage">
                      <bpmn:outgoing>flow-no-host-coverage-to-arrange-international-coverage</bpmn:outgoing>
                      <bpmn:errorEventDefinition id="no-host-coverage-definition" errorRef="error-no-host-coverage" />
                    </bpmn:boundaryEvent>
                    <bpmn:userTask id="arrange-international-coverage" name="Arrange international coverage" camunda:formRef="arrange-international-coverage" camunda:formRefBinding="deployment" camunda:candidateGroups="hr-admin">
                      <bpmn:incoming>flow-no-host-coverage-to-arrange-international-coverage</bpmn:incoming>
                      <bpmn:outgoing>flow-arrange-international-coverage-to-coverage-merge</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:exclusiveGateway id="coverage-merge" name="Coverage known">
                      <bpmn:incoming>flow-determine-benefits-coverage-to-coverage-merge</bpmn:incoming>
                      <bpmn:incoming>flow-arrange-international-coverage-to-coverage-merge</bpmn:incoming>
                      <bpmn:outgoing>flow-coverage-merge-to-AFTER</bpmn:outgoing>
                    </bpmn:exclusiveGateway>
                """.replace("AFTER", afterMerge));
        if (enrolment) {
            process.append("""
                        <bpmn:userTask id="confirm-benefits-enrolment" name="Confirm benefits enrolment" camunda:formRef="confirm-benefits-enrolment" camunda:formRefBinding="deployment" camunda:assignee="${employeeUserId}">
                          <bpmn:incoming>flow-coverage-merge-to-confirm-benefits-enrolment</bpmn:incoming>
                          <bpmn:outgoing>flow-confirm-benefits-enrolment-to-confirm-pension-transfer</bpmn:outgoing>
                        </bpmn:userTask>
                        <bpmn:sequenceFlow id="flow-confirm-benefits-enrolment-to-confirm-pension-transfer" sourceRef="confirm-benefits-enrolment" targetRef="confirm-pension-transfer" />
                    """);
        }
        process.append("""
                    <bpmn:userTask id="confirm-pension-transfer" name="Confirm pension transfer" camunda:formRef="confirm-pension-transfer" camunda:formRefBinding="deployment" camunda:assignee="${employeeUserId}">
                      <bpmn:incoming>flow-BEFORE-to-confirm-pension-transfer</bpmn:incoming>
                      <bpmn:outgoing>flow-confirm-pension-transfer-to-benefits-enrolled</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:endEvent id="benefits-enrolled" name="Benefits enrolled">
                      <bpmn:incoming>flow-confirm-pension-transfer-to-benefits-enrolled</bpmn:incoming>
                    </bpmn:endEvent>
                    <bpmn:sequenceFlow id="flow-benefits-started-to-determine-benefits-coverage" sourceRef="benefits-started" targetRef="determine-benefits-coverage" />
                    <bpmn:sequenceFlow id="flow-determine-benefits-coverage-to-coverage-merge" sourceRef="determine-benefits-coverage" targetRef="coverage-merge" />
                    <bpmn:sequenceFlow id="flow-no-host-coverage-to-arrange-international-coverage" sourceRef="no-host-coverage" targetRef="arrange-international-coverage" />
                    <bpmn:sequenceFlow id="flow-arrange-international-coverage-to-coverage-merge" sourceRef="arrange-international-coverage" targetRef="coverage-merge" />
                    <bpmn:sequenceFlow id="flow-coverage-merge-to-AFTER" name="Enrol" sourceRef="coverage-merge" targetRef="AFTER" />
                    <bpmn:sequenceFlow id="flow-confirm-pension-transfer-to-benefits-enrolled" sourceRef="confirm-pension-transfer" targetRef="benefits-enrolled" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="relocation-benefits-diagram">
                    <bpmndi:BPMNPlane id="relocation-benefits-plane" bpmnElement="relocation-benefits">
                      <bpmndi:BPMNShape id="benefits-started-di" bpmnElement="benefits-started">
                        <dc:Bounds x="142" y="102" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="determine-benefits-coverage-di" bpmnElement="determine-benefits-coverage">
                        <dc:Bounds x="220" y="80" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="arrange-international-coverage-di" bpmnElement="arrange-international-coverage">
                        <dc:Bounds x="380" y="220" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="coverage-merge-di" bpmnElement="coverage-merge" isMarkerVisible="true">
                        <dc:Bounds x="555" y="95" width="50" height="50" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="confirm-pension-transfer-di" bpmnElement="confirm-pension-transfer">
                        <dc:Bounds x="850" y="80" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="benefits-enrolled-di" bpmnElement="benefits-enrolled">
                        <dc:Bounds x="1012" y="102" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="no-host-coverage-di" bpmnElement="no-host-coverage">
                        <dc:Bounds x="252" y="142" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="flow-benefits-started-to-determine-benefits-coverage-di" bpmnElement="flow-benefits-started-to-determine-benefits-coverage">
                        <di:waypoint x="178" y="120" />
                        <di:waypoint x="220" y="120" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="flow-determine-benefits-coverage-to-coverage-merge-di" bpmnElement="flow-determine-benefits-coverage-to-coverage-merge">
                        <di:waypoint x="320" y="120" />
                        <di:waypoint x="555" y="120" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="flow-no-host-coverage-to-arrange-international-coverage-di" bpmnElement="flow-no-host-coverage-to-arrange-international-coverage">
                        <di:waypoint x="270" y="178" />
                        <di:waypoint x="270" y="260" />
                        <di:waypoint x="380" y="260" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="flow-arrange-international-coverage-to-coverage-merge-di" bpmnElement="flow-arrange-international-coverage-to-coverage-merge">
                        <di:waypoint x="480" y="260" />
                        <di:waypoint x="580" y="260" />
                        <di:waypoint x="580" y="145" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="flow-coverage-merge-to-AFTER-di" bpmnElement="flow-coverage-merge-to-AFTER">
                        <di:waypoint x="605" y="120" />
                        <di:waypoint x="MERGE_END" y="120" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="flow-confirm-pension-transfer-to-benefits-enrolled-di" bpmnElement="flow-confirm-pension-transfer-to-benefits-enrolled">
                        <di:waypoint x="950" y="120" />
                        <di:waypoint x="1012" y="120" />
                      </bpmndi:BPMNEdge>
                """.replace("BEFORE", enrolment ? "confirm-benefits-enrolment" : "coverage-merge")
                .replace("AFTER", afterMerge).replace("MERGE_END", enrolment ? "690" : "850"));
        if (enrolment) {
            process.append("""
                          <bpmndi:BPMNShape id="confirm-benefits-enrolment-di" bpmnElement="confirm-benefits-enrolment">
                            <dc:Bounds x="690" y="80" width="100" height="80" />
                          </bpmndi:BPMNShape>
                          <bpmndi:BPMNEdge id="flow-confirm-benefits-enrolment-to-confirm-pension-transfer-di" bpmnElement="flow-confirm-benefits-enrolment-to-confirm-pension-transfer">
                            <di:waypoint x="790" y="120" />
                            <di:waypoint x="850" y="120" />
                          </bpmndi:BPMNEdge>
                    """);
        }
        process.append("""
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """);
        return process.toString();
    }

    static String shipped(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped benefits model and its forms, deployed again: later tests run the shipped model. */
    void restoreShipped() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FILE, shipped("processes/" + FILE));
        files.put("confirm-benefits-enrolment.form", shipped("forms/confirm-benefits-enrolment.form"));
        files.put("arrange-international-coverage.form", shipped("forms/arrange-international-coverage.form"));
        deploy("Shipped benefits model restored", files, false);
    }

    /** As Camunda Modeler deploys, as the owner: the id of the new version of the benefits phase. */
    String deploy(String name, Map<String, String> files) {
        return deploy(name, files, true);
    }

    /** Without duplicate filtering: a new version even when the same files were deployed under that name before. */
    private String deploy(String name, Map<String, String> files, boolean duplicateFiltering) {
        String before = latest();
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("enable-duplicate-filtering", String.valueOf(duplicateFiltering));
        files.forEach((file, content) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(file.endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML);
            headers.setContentDispositionFormData(file, file);
            parts.add(file, new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), headers));
        });
        List<String> answer = new ArrayList<>();
        int[] status = new int[1];
        RestClient.create().post().uri("http://localhost:" + port + "/engine-rest/deployment/create")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("owner:demo".getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> {
                    status[0] = res.getStatusCode().value();
                    return answer.add(new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
                });
        assertThat(status[0]).as("deploy %s: %s", name, answer).isEqualTo(200);
        String latest = latest();
        assertThat(latest).as("a new version of %s", KEY).isNotEqualTo(before);
        return latest;
    }
}
