package org.relocation.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.relocation.Api;
import org.relocation.ModelerDeployment;
import org.relocation.ServerTest;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner deploys from Camunda Modeler (a multipart POST to {@code /engine-rest/deployment/create}, as the
 * Modeler sends it): a model that breaks a modelling rule or the journey's contract is refused with 400, naming the
 * file, the element id and the rule, and nothing of it is deployed; a valid change deploys, and a form its tasks need
 * is kept from the deployed form.
 */
@ServerTest
class DeploymentValidationTest {

    private static final String BENEFITS = "relocation-benefits.bpmn";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    List<TaskFormHandler> handlers;

    @Autowired
    ValidatingDeployer deployer;

    @Test
    void aServiceTaskWhoseTopicNoWorkerServesIsRefused() throws IOException {
        String changed = shipped(BENEFITS).replace("camunda:topic=\"determine-benefits-coverage\"", "camunda:topic=\"determine-perks\"");
        assertRefused(BENEFITS, changed, "determine-benefits-coverage", ContractRules.TOPIC_HAS_WORKER);
    }

    @Test
    void anAutomatedStepThatIsNoExternalTaskIsRefused() throws IOException {
        String changed = shipped(BENEFITS).replace("camunda:type=\"external\" camunda:topic=\"determine-benefits-coverage\"",
                "camunda:delegateExpression=\"${coverageBean}\"");
        Answer answer = assertRefused(BENEFITS, changed, "determine-benefits-coverage", ContractRules.EXTERNAL_TASK);
        assertThat(answer.body()).contains("[" + DeploymentValidator.NO_CODE + "]");
    }

    @Test
    void aClassDelegateOrAScriptIsRefusedAsCode() throws IOException {
        String changed = shipped(BENEFITS).replace("camunda:type=\"external\" camunda:topic=\"determine-benefits-coverage\"",
                "camunda:class=\"java.lang.Runtime\"");
        assertRefused(BENEFITS, changed, "determine-benefits-coverage", DeploymentValidator.NO_CODE);
        String scripted = shipped(BENEFITS).replace("<bpmn:endEvent id=\"benefits-enrolled\" name=\"Benefits enrolled\">",
                "<bpmn:endEvent id=\"benefits-enrolled\" name=\"Benefits enrolled\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
                        + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:executionListener></bpmn:extensionElements>");
        assertRefused(BENEFITS, scripted, "benefits-enrolled", DeploymentValidator.NO_CODE);
    }

    @Test
    void aUserTaskWhoseFormIsNowhereIsRefused() throws IOException {
        String changed = shipped(BENEFITS).replace("confirm-benefits-enrolment", "confirm-benefits-signup");
        assertRefused(BENEFITS, changed, "confirm-benefits-signup", ContractRules.FORM_PRESENT);
    }

    @Test
    void aChangedFormThatDropsAFieldItsHandlerReadsIsRefused() throws IOException {
        TaskFormHandler handler = handlers.stream().filter(h -> h.formId().equals("confirm-benefits-enrolment")).findFirst().orElseThrow();
        String field = handler.fields().stream().sorted().findFirst().orElseThrow();
        String form = shippedForm("confirm-benefits-enrolment.form");
        assertThat(form).contains("\"key\": \"" + field + "\"");
        String changedForm = form.replace("\"key\": \"" + field + "\"", "\"key\": \"" + field + "Renamed\"");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BENEFITS, shipped(BENEFITS));
        files.put("confirm-benefits-enrolment.form", changedForm);
        long before = definitions("relocation-benefits");
        Answer answer = deploy("owner", files);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(errors(answer, BENEFITS)).anySatisfy(e -> {
            assertThat(e.path("mainElementId").asText()).isEqualTo("confirm-benefits-enrolment");
            assertThat(e.path("message").asText()).contains(field).contains("[" + ContractRules.HANDLER_FIELDS + "]");
        });
        assertThat(definitions("relocation-benefits")).isEqualTo(before);
    }

    @Test
    void aCallActivityWhoseProcessIsNowhereIsRefused() throws IOException {
        String changed = shipped("relocation.bpmn").replace("calledElement=\"relocation-benefits\"", "calledElement=\"relocation-perks\"");
        assertRefused("relocation.bpmn", changed, "benefits", ContractRules.CALL_TARGET);
    }

    @Test
    void aPhaseReadingAVariableItsCallActivityDoesNotMapInIsRefused() throws IOException {
        String changed = shipped(BENEFITS).replace("camunda:assignee=\"${employeeUserId}\"", "camunda:assignee=\"${employeeLogin}\"");
        Answer answer = assertRefused(BENEFITS, changed, "confirm-benefits-enrolment", VariableRules.VARIABLES_PRODUCED);
        assertThat(answer.body()).contains("employeeLogin").contains("call activity benefits");
    }

    @Test
    void aCallActivityThatNoLongerMapsInWhatItsPhaseReadsIsRefused() throws IOException {
        String xml = shipped("relocation.bpmn");
        String mapping = "<camunda:in source=\"employeeUserId\" target=\"employeeUserId\" />";
        int at = xml.indexOf(mapping, xml.indexOf("<bpmn:callActivity id=\"benefits\""));
        assertThat(at).isPositive();
        String changed = xml.substring(0, at) + xml.substring(at + mapping.length());
        Answer answer = assertRefused("relocation.bpmn", changed, "benefits", VariableRules.VARIABLES_PRODUCED);
        assertThat(answer.body()).contains("employeeUserId");
    }

    @Test
    void aTaskWithoutItsDiagramShapeIsRefused() throws IOException {
        String changed = shipped(BENEFITS).replaceAll("(?s)<bpmndi:BPMNShape id=\"determine-benefits-coverage-di\".*?</bpmndi:BPMNShape>", "");
        assertRefused(BENEFITS, changed, "determine-benefits-coverage", "layout");
    }

    @Test
    void anUnnamedGatewayFlowIsRefused() throws IOException {
        String changed = shipped(BENEFITS).replace("id=\"flow-coverage-merge-to-confirm-benefits-enrolment\" name=\"Enrol\"",
                "id=\"flow-coverage-merge-to-confirm-benefits-enrolment\"");
        assertRefused(BENEFITS, changed, "flow-coverage-merge-to-confirm-benefits-enrolment", "gateway-flows");
    }

    @Test
    void aDeploymentForATenantIsRefused() throws IOException {
        long before = definitions("relocation-benefits");
        Answer answer = deploy("owner", Map.of(BENEFITS, shipped(BENEFITS).replace("name=\"Confirm benefits enrolment\"",
                "name=\"Confirm the benefits enrolment\"")), Map.of("tenant-id", "emea"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("details").path("(deployment)").path("errors")).as(answer.body()).anySatisfy(e -> {
            assertThat(e.path("mainElementId").asText()).isEqualTo("tenant-id");
            assertThat(e.path("message").asText()).contains("no tenants").endsWith("[single-tenant]");
        });
        assertThat(definitions("relocation-benefits")).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoModelIsABadRequest() {
        Answer answer = deploy("owner", Map.of(BENEFITS, "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><unclosed>"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).startsWith("Deployment refused:");
    }

    @Test
    void aRenamedTaskDeploysWithTheFormsKeptFromTheDeployedOnes() throws IOException {
        String changed = shipped(BENEFITS).replace("name=\"Confirm benefits enrolment\"", "name=\"Confirm the benefits enrolment\"");
        assertThat(changed).isNotEqualTo(shipped(BENEFITS));
        long before = definitions("relocation-benefits");
        Answer answer = deploy("owner", Map.of(BENEFITS, changed));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String deploymentId = answer.json().path("id").asText();
        try {
            assertThat(definitions("relocation-benefits")).isEqualTo(before + 1);
            assertThat(repository.getDeploymentResourceNames(deploymentId)).contains(BENEFITS)
                    .anyMatch(n -> n.endsWith("confirm-benefits-enrolment.form"))
                    .anyMatch(n -> n.endsWith("arrange-international-coverage.form"));
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aChangedRateInADecisionTableDeploys() throws IOException {
        String dmn = shipped("relocation-allowances.dmn");
        String changed = dmn.replace("<outputEntry id=\"rule-long-term-executive-band-a-housing-cap-monthly\">\n          <text>8000</text>",
                "<outputEntry id=\"rule-long-term-executive-band-a-housing-cap-monthly\">\n          <text>8100</text>");
        assertThat(changed).isNotEqualTo(dmn);
        Answer answer = deploy("owner", Map.of("relocation-allowances.dmn", changed));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        repository.deleteDeployment(answer.json().path("id").asText(), true);
    }

    /**
     * The start-up deployment gets the no-code and modelling rules only (the workers are not there yet): the shipped
     * models, decisions and forms on the server's classpath pass every rule with the full contract, not even a warning.
     */
    @Test
    void theShippedSetPassesTheFullContract() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form")) {
            for (var r : resolver.getResources(pattern)) {
                try (InputStream in = r.getInputStream()) {
                    files.put(r.getFilename(), in.readAllBytes());
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(30);
        ValidationReport report = deployer.validateWithContract(files);
        assertThat(report.problems()).isEmpty();
        assertThat(report.carriedForms()).isEmpty();
    }

    private Answer assertRefused(String file, String content, String elementId, String rule) {
        String key = file.substring(0, file.indexOf('.'));
        long before = definitions(key);
        Answer answer = deploy("owner", Map.of(file, content));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(errors(answer, file)).as(answer.body()).anySatisfy(e -> {
            assertThat(e.path("mainElementId").asText()).isEqualTo(elementId);
            assertThat(e.path("message").asText()).endsWith("[" + rule + "]");
            assertThat(e.path("line").asInt()).isPositive();
        });
        assertThat(answer.json().path("message").asText()).startsWith("Deployment refused:").contains(file + ": " + elementId + ": ");
        assertThat(definitions(key)).as("no new version of %s", key).isEqualTo(before);
        return answer;
    }

    private static List<JsonNode> errors(Answer answer, String file) {
        List<JsonNode> errors = new ArrayList<>();
        answer.json().path("details").path(file).path("errors").forEach(errors::add);
        return errors;
    }

    private long definitions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    private static String shipped(String file) throws IOException {
        return read("processes/" + file);
    }

    private static String shippedForm(String file) throws IOException {
        return read("forms/" + file);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    /** As Camunda Modeler deploys: name, source, duplicate filtering, and each file as a part named by its file name. */
    private Answer deploy(String user, Map<String, String> files) {
        return deploy(user, files, Map.of());
    }

    private Answer deploy(String user, Map<String, String> files, Map<String, String> extraParts) {
        ModelerDeployment.Answer answer = ModelerDeployment.deploy(port, user, "Validation test change", files, extraParts);
        return new Answer(answer.status(), answer.body());
    }
}
