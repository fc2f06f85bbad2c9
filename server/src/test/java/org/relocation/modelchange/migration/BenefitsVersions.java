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
     * The shipped benefits phase with the new task confirm-pension-transfer before the enrolment order: after the
     * enrolment task, or without it (the coverage goes straight to the pension transfer).
     */
    static String withPensionTransfer(boolean enrolment) {
        String s = shipped("processes/" + FILE);
        String oldFlow = "flow-confirm-benefits-enrolment-to-order-benefits-enrolment";
        String out = "flow-confirm-pension-transfer-to-order-benefits-enrolment";
        String in = enrolment ? "flow-confirm-benefits-enrolment-to-confirm-pension-transfer" : "flow-coverage-merge-to-confirm-benefits-enrolment";
        s = s.replaceAll("(?s)\\s*<bpmn:sequenceFlow id=\"" + oldFlow + "\"[^>]*/>", "");
        s = s.replaceAll("(?s)\\s*<bpmndi:BPMNEdge id=\"" + oldFlow + "-di\".*?</bpmndi:BPMNEdge>", "");
        s = s.replace("<bpmn:incoming>" + oldFlow + "</bpmn:incoming>", "<bpmn:incoming>" + out + "</bpmn:incoming>");
        StringBuilder flows = new StringBuilder();
        StringBuilder shapes = new StringBuilder("""
                      <bpmndi:BPMNShape id="confirm-pension-transfer-di" bpmnElement="confirm-pension-transfer">
                        <dc:Bounds x="850" y="360" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="flow-confirm-pension-transfer-to-order-benefits-enrolment-di" bpmnElement="flow-confirm-pension-transfer-to-order-benefits-enrolment">
                        <di:waypoint x="900" y="360" />
                        <di:waypoint x="900" y="160" />
                      </bpmndi:BPMNEdge>
                """);
        if (enrolment) {
            s = s.replace("<bpmn:outgoing>" + oldFlow + "</bpmn:outgoing>", "<bpmn:outgoing>" + in + "</bpmn:outgoing>");
            flows.append("""
                        <bpmn:sequenceFlow id="flow-confirm-benefits-enrolment-to-confirm-pension-transfer" name="Enrolled" sourceRef="confirm-benefits-enrolment" targetRef="confirm-pension-transfer" />
                    """);
            shapes.append("""
                          <bpmndi:BPMNEdge id="flow-confirm-benefits-enrolment-to-confirm-pension-transfer-di" bpmnElement="flow-confirm-benefits-enrolment-to-confirm-pension-transfer">
                            <di:waypoint x="740" y="160" />
                            <di:waypoint x="740" y="400" />
                            <di:waypoint x="850" y="400" />
                          </bpmndi:BPMNEdge>
                    """);
        } else {
            s = s.replaceAll("(?s)\\s*<bpmn:userTask id=\"confirm-benefits-enrolment\".*?</bpmn:userTask>", "");
            s = s.replaceAll("(?s)\\s*<bpmndi:BPMNShape id=\"confirm-benefits-enrolment-di\".*?</bpmndi:BPMNShape>", "");
            s = s.replace("targetRef=\"confirm-benefits-enrolment\"", "targetRef=\"confirm-pension-transfer\"");
        }
        flows.append("""
                    <bpmn:userTask id="confirm-pension-transfer" name="Confirm pension transfer" camunda:formRef="confirm-pension-transfer" camunda:formRefBinding="deployment" camunda:assignee="${employeeUserId}">
                      <bpmn:incoming>IN</bpmn:incoming>
                      <bpmn:outgoing>flow-confirm-pension-transfer-to-order-benefits-enrolment</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="flow-confirm-pension-transfer-to-order-benefits-enrolment" name="Transferred" sourceRef="confirm-pension-transfer" targetRef="order-benefits-enrolment" />
                """.replace("IN", in));
        s = s.replace("  </bpmn:process>", flows + "  </bpmn:process>");
        return s.replace("    </bpmndi:BPMNPlane>", shapes + "    </bpmndi:BPMNPlane>");
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
