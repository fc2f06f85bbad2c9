package org.relocation.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.relocation.Api;
import org.relocation.ModelerDeployment;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment log: every new deployment is kept with who, when, why (the deployment name), how and what, in the
 * deployment's transaction; a person's deployment must say why in its name; refused deployments leave no entry; the
 * log is read by process owners and admins through {@code /api/model-changes/deployments}.
 */
@ServerTest
class DeploymentLogTest {

    private static final String BENEFITS = "relocation-benefits.bpmn";
    private static final String LOG = "/api/model-changes/deployments";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Test
    void theStartUpDeploymentIsLoggedAsTheSystems() {
        JsonNode startUp = all().stream().filter(e -> e.path("route").asText().equals("START_UP")).findFirst()
                .orElseThrow(() -> new AssertionError("no START_UP entry in " + all()));
        assertThat(startUp.path("deployedBy").asText()).isEqualTo("system");
        assertThat(startUp.path("name").asText()).isEqualTo("SpringAutoDeployment");
        assertThat(startUp.path("comment").asText()).startsWith("Start-up deployment");
        assertThat(startUp.path("resources")).anySatisfy(r -> {
            assertThat(r.path("name").asText()).isEqualTo("relocation.bpmn");
            assertThat(r.path("kind").asText()).isEqualTo("process");
            assertThat(r.path("key").asText()).isEqualTo("relocation");
            assertThat(r.path("version").asInt()).isPositive();
        });
        assertThat(startUp.path("resources")).anySatisfy(r -> assertThat(r.path("kind").asText()).isEqualTo("decision"));
        assertThat(startUp.path("resources")).anySatisfy(r -> assertThat(r.path("kind").asText()).isEqualTo("form"));
        assertThat(repository.createDeploymentQuery().deploymentId(startUp.path("deploymentId").asText()).count()).isOne();
    }

    @Test
    void aModelerDeploymentByAProcessOwnerIsLoggedWithItsComment() throws IOException {
        String changed = shipped(BENEFITS).replace("name=\"Confirm benefits enrolment\"", "name=\"Confirm the benefits enrolment now\"");
        String comment = "Clearer task name for the benefits enrolment";
        ModelerDeployment.Answer answer = ModelerDeployment.deploy(port, "owner", comment, Map.of(BENEFITS, changed), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String deploymentId = answer.json().path("id").asText();
        try {
            JsonNode entry = all().get(0);
            assertThat(entry.path("deploymentId").asText()).as("newest first").isEqualTo(deploymentId);
            assertThat(entry.path("route").asText()).isEqualTo("ENGINE_REST");
            assertThat(entry.path("deployedBy").asText()).isEqualTo("owner");
            assertThat(entry.path("comment").asText()).isEqualTo(comment);
            assertThat(entry.path("name").asText()).isEqualTo(comment);
            assertThat(entry.path("source").asText()).isEqualTo("Camunda Modeler");
            assertThat(entry.path("deployedAt").asText()).isNotBlank();
            var definition = repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
            assertThat(entry.path("resources")).anySatisfy(r -> {
                assertThat(r.path("name").asText()).isEqualTo(BENEFITS);
                assertThat(r.path("kind").asText()).isEqualTo("process");
                assertThat(r.path("key").asText()).isEqualTo("relocation-benefits");
                assertThat(r.path("version").asInt()).isEqualTo(definition.getVersion());
                assertThat(r.path("definitionId").asText()).isEqualTo(definition.getId());
                assertThat(r.path("sha256").asText()).isEqualTo(sha256(changed));
            });
            // the forms its tasks need were kept from the deployed ones: deployed with it, and a warning says so
            assertThat(entry.path("resources")).anySatisfy(r -> {
                assertThat(r.path("name").asText()).endsWith("confirm-benefits-enrolment.form");
                assertThat(r.path("kind").asText()).isEqualTo("form");
                assertThat(r.path("key").asText()).isEqualTo("confirm-benefits-enrolment");
                assertThat(r.path("version").asInt()).isPositive();
            });
            assertThat(entry.path("warnings")).anySatisfy(w -> {
                assertThat(w.path("file").asText()).isEqualTo(BENEFITS);
                assertThat(w.path("rule").asText()).isEqualTo("form-present");
                assertThat(w.path("elementId").asText()).isEqualTo("confirm-benefits-enrolment");
            });

            Api owner = Api.as(port, "owner");
            ResponseEntity<JsonNode> byId = owner.get(LOG + "/" + entry.path("id").asLong());
            assertThat(byId.getStatusCode().value()).isEqualTo(200);
            assertThat(byId.getBody()).isEqualTo(entry);
            assertThat(owner.get(LOG + "/" + deploymentId).getBody()).as("by the engine's deployment id").isEqualTo(entry);
            assertThat(Api.as(port, "admin").getStatus(LOG + "/" + entry.path("id").asLong())).isEqualTo(200);
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void aPersonsDeploymentThatDoesNotSayWhyIsRefusedAndNotLogged() throws IOException {
        String changed = shipped(BENEFITS).replace("name=\"Confirm benefits enrolment\"", "name=\"Confirm benefits enrolment today\"");
        long definitions = definitions();
        long logged = totalLogged();
        List<String> names = new ArrayList<>();
        names.add(null);
        names.addAll(List.of("", "Fix", "Housingcapchange", "relocation-benefits", "relocation-benefits.bpmn", "SpringAutoDeployment"));
        for (String name : names) {
            ModelerDeployment.Answer answer = ModelerDeployment.deploy(port, "owner", name, Map.of(BENEFITS, changed), Map.of());
            assertThat(answer.status()).as("%s: %s", name, answer.body()).isEqualTo(400);
            JsonNode error = answer.json().path("details").path("(deployment)").path("errors").path(0);
            assertThat(error.path("mainElementId").asText()).as(answer.body()).isEqualTo("deployment-name");
            assertThat(error.path("message").asText()).contains("Say why in the deployment name").endsWith("[comment]");
        }
        assertThat(definitions()).as("nothing deployed").isEqualTo(definitions);
        assertThat(totalLogged()).as("nothing logged").isEqualTo(logged);
    }

    @Test
    void aDeploymentRefusedForItsModelLeavesNoEntry() throws IOException {
        String changed = shipped(BENEFITS).replace("camunda:topic=\"determine-benefits-coverage\"", "camunda:topic=\"determine-perks\"");
        long definitions = definitions();
        long logged = totalLogged();
        ModelerDeployment.Answer answer = ModelerDeployment.deploy(port, "owner", "Perks instead of coverage", Map.of(BENEFITS, changed), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("details").has("(deployment)")).as("the name says why").isFalse();
        assertThat(definitions()).isEqualTo(definitions);
        assertThat(totalLogged()).isEqualTo(logged);
    }

    @Test
    void onlyProcessOwnersAndAdminsReadTheLog() {
        assertThat(Api.as(port, "specialist").getStatus(LOG)).isEqualTo(403);
        assertThat(Api.as(port, "employee").getStatus(LOG + "/1")).isEqualTo(403);
        assertThat(Api.anonymous(port).getStatus(LOG)).isEqualTo(401);
        assertThat(Api.as(port, "admin").getStatus(LOG)).isEqualTo(200);
        assertThat(Api.as(port, "owner").getStatus(LOG + "/999999999")).isEqualTo(404);
        assertThat(Api.as(port, "owner").getStatus(LOG + "/no-such-deployment")).isEqualTo(404);
    }

    @Test
    void badPagingIsABadRequestNamingTheField() {
        Api owner = Api.as(port, "owner");
        for (var bad : Map.of("?page=-1", "page", "?size=0", "size", "?size=101", "size", "?size=many", "size").entrySet()) {
            ResponseEntity<JsonNode> answer = owner.get(LOG + bad.getKey());
            assertThat(answer.getStatusCode().value()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.getBody().path("fieldErrors").has(bad.getValue())).as("%s: %s", bad.getKey(), answer.getBody()).isTrue();
        }
        JsonNode page = owner.get(LOG + "?page=0&size=1").getBody();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("size").asInt()).isOne();
        assertThat(page.path("totalPages").asLong()).isEqualTo(page.path("totalItems").asLong());
    }

    /** Every entry, newest first. */
    private List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>();
        Api owner = Api.as(port, "owner");
        for (int page = 0; ; page++) {
            JsonNode body = owner.get(LOG + "?size=100&page=" + page).getBody();
            assertThat(body).isNotNull();
            body.path("items").forEach(all::add);
            if (page + 1 >= body.path("totalPages").asInt()) {
                return all;
            }
        }
    }

    private long totalLogged() {
        return Optional.ofNullable(Api.as(port, "owner").get(LOG + "?size=1").getBody()).orElseThrow().path("totalItems").asLong();
    }

    private long definitions() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("relocation-benefits").count();
    }

    private static String shipped(String file) throws IOException {
        try (InputStream in = new ClassPathResource("processes/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
