package org.relocation.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.Deployment;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner changes models through the product's change API: a changed decision table validates and its diff
 * names the rule and the value "old → new"; a broken model is invalid with its element ids named, exactly as Camunda
 * Modeler's deployment to the engine REST API is refused (the same file, element and rule); a change deploys with a
 * comment as a new version; bad input is a 400 naming the field; only process owners and admins get in.
 */
@ServerTest
class ModelChangeApiTest {

    private static final String BENEFITS = "relocation-benefits.bpmn";
    private static final String ALLOWANCES = "relocation-allowances.dmn";
    private static final String ENROLMENT_FORM = "confirm-benefits-enrolment.form";
    private static final String BAND_A_CAP = "<outputEntry id=\"rule-long-term-executive-band-a-housing-cap-monthly\">\n          <text>8000</text>";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Test
    void aChangedRateValidatesAndTheDiffNamesTheRuleWithOldAndNewValue() throws IOException {
        Answer answer = post("owner", "/api/model-changes/validations", Map.of(ALLOWANCES, changedAllowances("8100")), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.path("valid").asBoolean()).as(answer.body()).isTrue();
        assertThat(report.path("errors").asInt()).isZero();
        JsonNode resource = report.path("resources").get(0);
        assertThat(resource.path("file").asText()).isEqualTo(ALLOWANCES);
        assertThat(resource.path("kind").asText()).isEqualTo("decision");
        assertThat(resource.path("key").asText()).isEqualTo("relocation-allowances");
        assertThat(resource.path("deployedVersion").asInt()).isPositive();
        JsonNode diff = report.path("diffs").get(0);
        assertThat(diff.path("againstVersion").asInt()).isEqualTo(resource.path("deployedVersion").asInt());
        assertThat(diff.path("added")).isEmpty();
        assertThat(diff.path("changed")).isEmpty();
        assertThat(diff.path("rules").path("added")).isEmpty();
        assertThat(diff.path("rules").path("changed")).as(answer.body()).singleElement().satisfies(rule -> {
            assertThat(rule.path("id").asText()).isEqualTo("rule-long-term-executive-band-a");
            assertThat(rule.path("type").asText()).isEqualTo("rule");
            assertThat(rule.path("changes")).singleElement().satisfies(c ->
                    assertThat(c.asText()).contains("rule-long-term-executive-band-a").contains("housingCapMonthly 8000 → 8100"));
        });
    }

    @Test
    void aRenamedTaskValidatesWithItsFormsKeptAndTheDiffNamesTheRename() throws IOException {
        String changed = shipped("processes/" + BENEFITS).replace("name=\"Confirm benefits enrolment\"", "name=\"Confirm the benefits enrolment\"");

        Answer answer = post("owner", "/api/model-changes/validations", Map.of(BENEFITS, changed), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.path("valid").asBoolean()).as(answer.body()).isTrue();
        assertThat(report.path("carriedForms").toString()).contains("confirm-benefits-enrolment", "arrange-international-coverage");
        assertThat(report.path("warnings").asInt()).as("each kept form is a warning").isGreaterThanOrEqualTo(2);
        JsonNode diff = report.path("diffs").get(0);
        assertThat(diff.path("kind").asText()).isEqualTo("process");
        assertThat(diff.path("key").asText()).isEqualTo("relocation-benefits");
        assertThat(diff.path("added")).isEmpty();
        assertThat(diff.path("changed")).as(answer.body()).singleElement().satisfies(d -> {
            assertThat(d.path("id").asText()).isEqualTo("confirm-benefits-enrolment");
            assertThat(d.path("type").asText()).isEqualTo("userTask");
            assertThat(d.path("name").asText()).isEqualTo("Confirm the benefits enrolment");
            assertThat(d.path("changes").get(0).asText()).isEqualTo("name Confirm benefits enrolment → Confirm the benefits enrolment");
        });
    }

    /**
     * The page's dry run, the page's deployment and Camunda Modeler's deployment to /engine-rest answer a broken model
     * alike: the same (file, element id, rule) errors, and nothing deployed.
     */
    @Test
    void aBrokenModelIsAnsweredAlikeByTheDryRunThePageAndTheModelerRoute() throws IOException {
        String benefits = shipped("processes/" + BENEFITS);
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("unknown topic", benefits.replace("camunda:topic=\"determine-benefits-coverage\"", "camunda:topic=\"determine-perks\""));
        broken.put("form nowhere", benefits.replace("confirm-benefits-enrolment", "confirm-benefits-signup"));
        broken.put("unnamed gateway flow", benefits.replace("id=\"flow-coverage-merge-to-confirm-benefits-enrolment\" name=\"Enrol\"",
                "id=\"flow-coverage-merge-to-confirm-benefits-enrolment\""));
        broken.put("no diagram shape", benefits.replaceAll("(?s)<bpmndi:BPMNShape id=\"determine-benefits-coverage-di\".*?</bpmndi:BPMNShape>", ""));
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("relocation-benefits").count();
        for (Map.Entry<String, String> change : broken.entrySet()) {
            Map<String, String> files = Map.of(BENEFITS, change.getValue());

            Answer dryRun = post("owner", "/api/model-changes/validations", files, null);
            assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
            assertThat(dryRun.json().path("valid").asBoolean()).as(change.getKey()).isFalse();
            Set<String> pageErrors = errors(dryRun.json().path("problems"));
            assertThat(pageErrors).as(change.getKey()).isNotEmpty();

            Answer page = post("owner", "/api/model-changes/deployments", files, "Parity test: " + change.getKey());
            assertThat(page.status()).as(page.body()).isEqualTo(400);
            assertThat(page.json().path("title").asText()).isEqualTo("Deployment refused");
            assertThat(errors(page.json().path("problems"))).as(change.getKey()).isEqualTo(pageErrors);

            Answer modeler = modelerDeploy(files);
            assertThat(modeler.status()).as(modeler.body()).isEqualTo(400);
            Set<String> modelerErrors = new TreeSet<>();
            modeler.json().path("details").fields().forEachRemaining(file -> file.getValue().path("errors").forEach(e -> {
                String message = e.path("message").asText();
                modelerErrors.add(file.getKey() + " " + e.path("mainElementId").asText() + " "
                        + message.substring(message.lastIndexOf('[') + 1, message.length() - 1));
            }));
            assertThat(modelerErrors).as(change.getKey()).isEqualTo(pageErrors);
        }
        assertThat(dryRunNamed(broken.get("unknown topic"))).contains(BENEFITS + " determine-benefits-coverage topic-has-worker");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("relocation-benefits").count()).isEqualTo(versions);
    }

    @Test
    void aChangeDeploysWithItsCommentAsANewVersionListedWithTheModels() throws IOException {
        int before = latestVersion(Api.as(port, "owner").get("/api/model-changes/models").getBody(), "decisions", "relocation-allowances");
        String comment = "Allowances 2027: band A housing cap 8200";

        Answer answer = post("owner", "/api/model-changes/deployments", Map.of(ALLOWANCES, changedAllowances("8200")), comment);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String deploymentId = answer.json().path("deploymentId").asText();
        try {
            assertThat(answer.location()).isEqualTo("/api/model-changes/deployments/" + deploymentId);
            assertThat(answer.json().path("name").asText()).isEqualTo(comment);
            assertThat(answer.json().path("deployed")).anySatisfy(d -> {
                assertThat(d.path("kind").asText()).isEqualTo("decision");
                assertThat(d.path("key").asText()).isEqualTo("relocation-allowances");
                assertThat(d.path("version").asInt()).isEqualTo(before + 1);
            });
            assertThat(answer.json().path("report").path("valid").asBoolean()).isTrue();
            Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
            assertThat(deployment.getName()).isEqualTo(comment);
            assertThat(deployment.getSource()).isEqualTo(ModelChangeService.SOURCE);
            // the Location is the deployment log's entry: deployed through the page, as the person, with the comment
            JsonNode logged = Api.as(port, "owner").get(answer.location()).getBody();
            assertThat(logged.path("deploymentId").asText()).as("%s", logged).isEqualTo(deploymentId);
            assertThat(logged.path("route").asText()).isEqualTo("PAGE");
            assertThat(logged.path("deployedBy").asText()).isEqualTo("owner");
            assertThat(logged.path("comment").asText()).isEqualTo(comment);

            JsonNode models = Api.as(port, "admin").get("/api/model-changes/models").getBody();
            assertThat(latestVersion(models, "decisions", "relocation-allowances")).isEqualTo(before + 1);
            JsonNode allowances = entry(models, "decisions", "relocation-allowances");
            assertThat(allowances.path("versions")).allSatisfy(v -> assertThat(v.path("pinnedOpenCases").asLong()).isNotNegative());
            assertThat(entry(models, "processes", "relocation").path("versions")).anySatisfy(v -> {
                assertThat(v.path("latest").asBoolean()).isTrue();
                assertThat(v.path("deployedAt").asText()).isNotBlank();
                assertThat(v.has("runningInstances")).isTrue();
            });
            assertThat(entry(models, "forms", "confirm-benefits-enrolment").path("versions"))
                    .anySatisfy(v -> assertThat(v.path("usedBy").toString()).contains("relocation-benefits:"));

            String file = Api.as(port, "owner").getText("/api/model-changes/models/decision/relocation-allowances/versions/" + (before + 1) + "/file");
            assertThat(file).contains("<text>8200</text>");
            assertThat(Api.as(port, "owner").getText("/api/model-changes/models/form/confirm-benefits-enrolment/versions/1/file"))
                    .contains("\"healthPlan\"");
            assertThat(Api.as(port, "owner").getStatus("/api/model-changes/models/decision/relocation-allowances/versions/9999/file")).isEqualTo(404);
            assertThat(Api.as(port, "owner").getStatus("/api/model-changes/models/script/relocation-allowances/versions/1/file")).isEqualTo(404);
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aDeploymentWithoutAMeaningfulCommentIsABadRequestBeforeTheEngineIsAsked() throws IOException {
        long deployments = repository.createDeploymentQuery().count();
        for (String comment : new String[]{null, "", "   ", "fix", "Fixedrates", ALLOWANCES}) {
            Answer answer = post("owner", "/api/model-changes/deployments", Map.of(ALLOWANCES, changedAllowances("8300")), comment);
            assertThat(answer.status()).as("%s: %s", comment, answer.body()).isEqualTo(400);
            assertThat(answer.json().path("fieldErrors").has("comment")).as(answer.body()).isTrue();
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void filesThatAreNoModelsAreABadRequestNamingFiles() throws IOException {
        byte[] inner = zip(Map.of(ALLOWANCES, changedAllowances("8400").getBytes(StandardCharsets.UTF_8)));
        List<Map<String, byte[]>> bad = List.of(
                Map.of(),
                Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)),
                Map.of(ALLOWANCES, new byte[0]),
                Map.of("models.zip", zip(Map.of("inner.zip", inner))),
                Map.of("models.zip", zip(Map.of())),
                Map.of("models.zip", "not a zip".getBytes(StandardCharsets.UTF_8)),
                Map.of("models.zip", zip(Map.of("readme.md", "x".getBytes(StandardCharsets.UTF_8)))));
        for (Map<String, byte[]> files : bad) {
            Answer answer = postBytes("owner", "/api/model-changes/validations", files, null);
            assertThat(answer.status()).as("%s: %s", files.keySet(), answer.body()).isEqualTo(400);
            assertThat(answer.json().path("fieldErrors").has("files")).as(answer.body()).isTrue();
        }
        Answer deploy = postBytes("owner", "/api/model-changes/deployments", Map.of("notes.txt", "x".getBytes(StandardCharsets.UTF_8)), "Not a model at all");
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(400);
        assertThat(deploy.json().path("fieldErrors").has("files")).isTrue();
    }

    @Test
    void filesThatCannotBeReadAreInvalidNeverAServerError() {
        Map<String, byte[]> garbage = new LinkedHashMap<>();
        garbage.put(BENEFITS, "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><unclosed>".getBytes(StandardCharsets.UTF_8));
        garbage.put(ALLOWANCES, new byte[]{0, 1, 2, 3});
        garbage.put("a.form", "[]".getBytes(StandardCharsets.UTF_8));
        garbage.put("b.form", "{\"components\": 7}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : garbage.entrySet()) {
            Answer answer = postBytes("owner", "/api/model-changes/validations", Map.of(file.getKey(), file.getValue()), null);
            assertThat(answer.status()).as("%s: %s", file.getKey(), answer.body()).isEqualTo(200);
            assertThat(answer.json().path("valid").asBoolean()).as(answer.body()).isFalse();
            assertThat(answer.json().path("problems").findValuesAsText("file")).as(answer.body()).contains(file.getKey());
        }
    }

    @Test
    void aZipIsTakenByItsFileNames() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("changes/decisions/" + ALLOWANCES, changedAllowances("8500").getBytes(StandardCharsets.UTF_8));
        entries.put("changes/forms/" + ENROLMENT_FORM, shipped("forms/" + ENROLMENT_FORM).getBytes(StandardCharsets.UTF_8));
        entries.put("__MACOSX/changes/._" + ALLOWANCES, new byte[]{1});

        Answer answer = postBytes("owner", "/api/model-changes/validations", Map.of("changes.zip", zip(entries)), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("valid").asBoolean()).as(answer.body()).isTrue();
        assertThat(answer.json().path("resources").findValuesAsText("file")).containsExactly(ALLOWANCES, ENROLMENT_FORM);
        JsonNode form = answer.json().path("diffs").get(1).path("fields");
        assertThat(form.path("added").size() + form.path("removed").size() + form.path("changed").size()).as("the form is unchanged").isZero();
    }

    @Test
    void aChangedFormShowsItsFieldChangesAndFlagsANewRequiredField() throws IOException {
        String form = shipped("forms/" + ENROLMENT_FORM);
        String changed = form.replace("\"label\": \"Health plan\"", "\"label\": \"Health insurance plan\"")
                .replaceFirst("\"components\": \\[", "\"components\": [ {\"label\": \"Pension provider\", \"type\": \"textfield\", "
                        + "\"id\": \"Field_pensionProvider\", \"key\": \"pensionProvider\", \"validate\": {\"required\": true}},");
        assertThat(changed).contains("Health insurance plan").contains("pensionProvider");

        Answer answer = post("owner", "/api/model-changes/validations", Map.of(ENROLMENT_FORM, changed), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode diff = answer.json().path("diffs").get(0);
        assertThat(diff.path("kind").asText()).isEqualTo("form");
        assertThat(diff.path("key").asText()).isEqualTo("confirm-benefits-enrolment");
        assertThat(diff.path("fields").path("changed")).as(answer.body()).singleElement().satisfies(d -> {
            assertThat(d.path("id").asText()).isEqualTo("healthPlan");
            assertThat(d.path("name").asText()).isEqualTo("Health insurance plan");
            assertThat(d.path("changes").get(0).asText()).contains("label Health plan → Health insurance plan");
        });
        assertThat(diff.path("fields").path("added")).singleElement().satisfies(d -> {
            assertThat(d.path("id").asText()).isEqualTo("pensionProvider");
            assertThat(d.path("type").asText()).isEqualTo("textfield");
            assertThat(d.path("attention").asText()).contains("required");
        });
    }

    @Test
    void onlyProcessOwnersAndAdminsMayUseIt() throws IOException {
        assertThat(Api.as(port, "owner").getStatus("/api/model-changes/models")).isEqualTo(200);
        assertThat(Api.as(port, "specialist").getStatus("/api/model-changes/models")).isEqualTo(403);
        assertThat(Api.anonymous(port).getStatus("/api/model-changes/models")).isEqualTo(401);
        assertThat(post("specialist", "/api/model-changes/validations", Map.of(ALLOWANCES, changedAllowances("8600")), null).status()).isEqualTo(403);
        assertThat(post("specialist", "/api/model-changes/deployments", Map.of(ALLOWANCES, changedAllowances("8600")), "A specialist tries a change")
                .status()).isEqualTo(403);
        assertThat(post(null, "/api/model-changes/validations", Map.of(ALLOWANCES, changedAllowances("8600")), null).status()).isEqualTo(401);
    }

    // ---- helpers

    private Set<String> dryRunNamed(String benefits) {
        return errors(post("owner", "/api/model-changes/validations", Map.of(BENEFITS, benefits), null).json().path("problems"));
    }

    /** "file elementId rule" of every error. */
    private static Set<String> errors(JsonNode problems) {
        Set<String> errors = new TreeSet<>();
        problems.forEach(p -> {
            if ("ERROR".equals(p.path("severity").asText())) {
                errors.add(p.path("file").asText() + " " + p.path("elementId").asText() + " " + p.path("rule").asText());
            }
        });
        return errors;
    }

    private static JsonNode entry(JsonNode models, String list, String key) {
        for (JsonNode m : models.path(list)) {
            if (m.path("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError(key + " not in " + list + ": " + models);
    }

    private static int latestVersion(JsonNode models, String list, String key) {
        for (JsonNode v : entry(models, list, key).path("versions")) {
            if (v.path("latest").asBoolean()) {
                return v.path("version").asInt();
            }
        }
        throw new AssertionError("no latest version of " + key);
    }

    private static String changedAllowances(String cap) throws IOException {
        String dmn = shipped("processes/" + ALLOWANCES);
        assertThat(dmn).contains(BAND_A_CAP);
        return dmn.replace(BAND_A_CAP, BAND_A_CAP.replace("8000", cap));
    }

    private static String shipped(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private record Answer(int status, String body, String location) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    private Answer post(String user, String path, Map<String, String> files, String comment) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, content) -> bytes.put(name, content.getBytes(StandardCharsets.UTF_8)));
        return postBytes(user, path, bytes, comment);
    }

    /** As the page sends a change: each file a multipart part named files, and the comment. */
    private Answer postBytes(String user, String path, Map<String, byte[]> files, String comment) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            headers.setContentDispositionFormData("files", name);
            parts.add("files", new HttpEntity<>(content, headers));
        });
        if (comment != null) {
            parts.add("comment", comment);
        }
        if (parts.isEmpty()) {
            parts.add("nothing", "");
        }
        return send(user, path, parts);
    }

    /** As Camunda Modeler deploys: name, source, duplicate filtering, and each file as a part named by its file name. */
    private Answer modelerDeploy(Map<String, String> files) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "Parity test change");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("enable-duplicate-filtering", "true");
        files.forEach((name, content) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_XML);
            headers.setContentDispositionFormData(name, name);
            parts.add(name, new HttpEntity<>(content.getBytes(StandardCharsets.UTF_8), headers));
        });
        return send("owner", "/engine-rest/deployment/create", parts);
    }

    private Answer send(String user, String path, LinkedMultiValueMap<String, Object> parts) {
        List<Answer> answer = new ArrayList<>();
        RestClient.RequestBodySpec request = RestClient.create().post().uri("http://localhost:" + port + path)
                .contentType(MediaType.MULTIPART_FORM_DATA);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        request.body(parts).exchange((req, res) -> answer.add(new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders().getFirst(HttpHeaders.LOCATION))));
        return answer.get(0);
    }
}
