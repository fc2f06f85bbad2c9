package org.relocation.document.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.relocation.Api;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents table of the form validate-immigration-documents, as the Tasklist loads it with the form variables. */
final class DocumentTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentTable() {
    }

    /** The rows of the {@code documents} context: a Json value (the Tasklist parses it into form data). */
    static JsonNode rows(Api user, String taskId) {
        ResponseEntity<JsonNode> variables = user.get("/engine-rest/task/" + taskId + "/form-variables");
        assertThat(variables.getStatusCode().value()).as("%s", variables.getBody()).isEqualTo(200);
        JsonNode documents = variables.getBody().get("documents");
        assertThat(documents).as("documents in %s", variables.getBody()).isNotNull();
        assertThat(documents.get("type").asText()).isEqualTo("Json");
        try {
            JsonNode rows = JSON.readTree(documents.get("value").asText());
            assertThat(rows.isArray()).isTrue();
            return rows;
        } catch (java.io.IOException e) {
            throw new AssertionError("documents is not JSON: " + documents, e);
        }
    }

    static JsonNode row(JsonNode rows, String traveller, String document) {
        for (JsonNode r : rows) {
            if (r.get("traveller").asText().equals(traveller) && r.get("document").asText().equals(document)) {
                return r;
            }
        }
        throw new AssertionError("no row " + traveller + " / " + document + " in " + rows);
    }

    /** The name the form shows for a user: their display name, or their login without one. */
    static String nameOf(Api user) {
        JsonNode me = user.get("/api/me").getBody();
        String name = me.path("name").asText("");
        return name.isBlank() ? me.path("userId").asText() : name;
    }
}
