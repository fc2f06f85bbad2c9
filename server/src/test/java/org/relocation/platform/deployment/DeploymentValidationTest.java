package org.relocation.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.RepositoryService;
import org.relocation.Api;
import org.relocation.ModelerDeployment;
import org.relocation.ServerTest;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process owner deploys from Camunda Modeler (a multipart POST to {@code /engine-rest/deployment/create}, as the
 * Modeler sends it): a model that breaks a modelling rule or the journey's contract is refused with 400, naming the
 * file, the element id and the rule, and nothing of it is deployed; a valid change deploys, and a form its tasks need
 * is kept from the deployed form.
 */
@ServerTest
class DeploymentValidationTest {

    private static final String BENEFITS = "relocation-benefits.bpmn";
    private static final String RELOCATION = "relocation.bpmn";
    private static final String ALLOWANCES = "relocation-allowances.dmn";
    /** A deployment name that says why, as a person's deployment must. */
    private static final String NAME = "Validation test change";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    List<TaskFormHandler> handlers;

    @Autowired
    StartupDeployment startup;

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
        String form = shippedForm("confirm-benefits-enrolment.form");
        // a keyed field (not the dynamic list, whose key is its path)
        String field = handler.fields().stream().sorted().filter(f -> form.contains("\"key\": \"" + f + "\"")).findFirst().orElseThrow();
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
    void aChangedFormThatRenamesTheDynamicListItsHandlerReadsIsRefused() throws IOException {
        String form = shippedForm("confirm-benefits-enrolment.form");
        assertThat(form).contains("\"path\": \"dependantPlans\"");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BENEFITS, shipped(BENEFITS));
        files.put("confirm-benefits-enrolment.form", form.replace("\"path\": \"dependantPlans\"", "\"path\": \"familyPlans\""));
        long before = definitions("relocation-benefits");
        Answer answer = deploy("owner", files);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(errors(answer, BENEFITS)).anySatisfy(e -> assertThat(e.path("message").asText()).contains("dependantPlans")
                .contains("[" + ContractRules.HANDLER_FIELDS + "]"));
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
        String dmn = shipped(ALLOWANCES);
        String changed = dmn.replace("<outputEntry id=\"rule-long-term-executive-band-a-housing-cap-monthly\">\n          <text>8000</text>",
                "<outputEntry id=\"rule-long-term-executive-band-a-housing-cap-monthly\">\n          <text>8100</text>");
        assertThat(changed).isNotEqualTo(dmn);
        long before = definitions("relocation-allowances");
        Answer answer = deploy("owner", "Allowances 2027 housing cap", Map.of(ALLOWANCES, changed), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try {
            assertThat(definitions("relocation-allowances")).isEqualTo(before + 1);
        } finally {
            repository.deleteDeployment(answer.json().path("id").asText(), true);
        }
    }

    @Test
    void aDecisionInputThePolicyServiceDoesNotPassIsRefused() throws IOException {
        String changed = shipped(ALLOWANCES).replace("<text>durationMonths</text>", "<text>durationWeeks</text>");
        Answer answer = assertRefused(ALLOWANCES, "Allowances by assignment weeks", changed, "input-duration-months", "dmn-contract");
        assertThat(answer.body()).contains("durationWeeks");
    }

    @Test
    void aDecisionOutputThePolicyServiceReadsIsNotRemoved() throws IOException {
        String changed = shipped(ALLOWANCES).replaceAll("\\s*<output id=\"output-per-diem-daily\"[^>]*/>", "")
                .replaceAll("(?s)\\s*<outputEntry id=\"rule-[a-z0-9-]+-per-diem-daily\">.*?</outputEntry>", "");
        assertThat(changed).doesNotContain("per-diem-daily");
        Answer answer = assertRefused(ALLOWANCES, "Allowances 2027 without per diem", changed, "relocation-allowances", "dmn-contract");
        assertThat(answer.body()).contains("perDiemDaily");
    }

    @Test
    void aDecisionOutputWithAnotherTypeIsRefused() throws IOException {
        String changed = shipped(ALLOWANCES).replace("name=\"housingCapMonthly\" typeRef=\"double\"", "name=\"housingCapMonthly\" typeRef=\"string\"");
        assertThat(changed).isNotEqualTo(shipped(ALLOWANCES));
        Answer answer = assertRefused(ALLOWANCES, "Allowances 2027 housing cap as text", changed, "output-housing-cap-monthly", "dmn-contract");
        assertThat(answer.body()).contains("housingCapMonthly");
    }

    @Test
    void aDecisionNoWorkerEvaluatesIsRefused() throws IOException {
        String perks = shipped(ALLOWANCES).replace("relocation-allowances", "relocation-perks");
        Answer answer = assertRefused("relocation-perks.dmn", "Perks table for the 2027 policy", perks, "relocation-perks", "dmn-contract");
        assertThat(answer.body()).contains("No worker evaluates decision relocation-perks");
    }

    @Test
    void theMainProcessReadingAVariableNothingProducesIsRefused() throws IOException {
        String changed = shipped(RELOCATION).replace("${approvalOutcome == 'sent-back'}", "${approvalResult == 'sent-back'}");
        assertThat(changed).isNotEqualTo(shipped(RELOCATION));
        Answer answer = assertRefused(RELOCATION, "Relocation sent back on approval result", changed,
                "flow-approval-outcome-gateway-to-intake", VariableRules.VARIABLES_PRODUCED);
        assertThat(answer.body()).contains("approvalResult");
    }

    /** The start-up deployment of the build's models again, as a restart with unchanged models: no new deployment. */
    @Test
    void aRestartWithUnchangedModelsMakesNoNewDeployment() {
        long deployments = repository.createDeploymentQuery().count();
        long startUps = repository.createDeploymentQuery().deploymentName(StartupDeployment.NAME).count();
        assertThat(startUps).isPositive();
        startup.deploy();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createDeploymentQuery().deploymentName(StartupDeployment.NAME).count()).isEqualTo(startUps);
    }

    /**
     * A build whose models break the contract does not start: the start-up deployment gets every rule and is refused
     * with every problem named, each file with its element ids; nothing of it is deployed.
     */
    @Test
    void aStartUpWithBrokenModelsIsRefusedNamingEveryProblem(@TempDir Path folder) throws IOException {
        Path dmn = Files.writeString(folder.resolve(ALLOWANCES), shipped(ALLOWANCES).replace("<text>durationMonths</text>", "<text>durationWeeks</text>"));
        Path bpmn = Files.writeString(folder.resolve(BENEFITS), shipped(BENEFITS)
                .replace("camunda:topic=\"determine-benefits-coverage\"", "camunda:topic=\"determine-perks\""));
        long deployments = repository.createDeploymentQuery().count();
        assertThatThrownBy(() -> startup.deploy(Set.of(new FileSystemResource(dmn), new FileSystemResource(bpmn))))
                .isInstanceOfSatisfying(DeploymentRefusedException.class, e -> {
                    assertThat(e.getMessage()).contains(ALLOWANCES + ": input-duration-months: ")
                            .contains(BENEFITS + ": determine-benefits-coverage: ");
                    assertThat(e.getResourceReports()).extracting(r -> r.getResourceName())
                            .contains(dmn.toAbsolutePath().toString(), bpmn.toAbsolutePath().toString());
                });
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private Answer assertRefused(String file, String content, String elementId, String rule) {
        return assertRefused(file, NAME, content, elementId, rule);
    }

    private Answer assertRefused(String file, String deploymentName, String content, String elementId, String rule) {
        String key = file.substring(0, file.indexOf('.'));
        long before = definitions(key);
        Answer answer = deploy("owner", deploymentName, Map.of(file, content), Map.of());
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

    /** The versions of a process or decision of this key. */
    private long definitions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).count()
                + repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count();
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
        return deploy(user, NAME, files, Map.of());
    }

    private Answer deploy(String user, Map<String, String> files, Map<String, String> extraParts) {
        return deploy(user, NAME, files, extraParts);
    }

    private Answer deploy(String user, String deploymentName, Map<String, String> files, Map<String, String> extraParts) {
        ModelerDeployment.Answer answer = ModelerDeployment.deploy(port, user, deploymentName, files, extraParts);
        return new Answer(answer.status(), answer.body());
    }
}
