package org.relocation.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saved "Immigration deadlines" filter exists once and the specialists can list it in the Tasklist; "All tasks" has
 * the lowest priority, so the Tasklist opens on it for everyone (without a priority it picks whichever filter the
 * database lists first).
 */
@ServerTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;

    @Test
    void specialistsSeeTheImmigrationDeadlinesFilter() {
        Api specialist = Api.as(port, "specialist");
        JsonNode all = specialist.get("/engine-rest/filter?resourceType=Task").getBody();
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        all.forEach(f -> {
            if (f.get("name").asText().equals(TasklistFilters.IMMIGRATION_DEADLINES)) {
                found.add(f);
            }
        });
        assertThat(found).as("filters %s", all).hasSize(1);
        String id = found.get(0).get("id").asText();
        var list = specialist.get("/engine-rest/filter/" + id + "/list");
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody().isArray()).isTrue();
    }

    @Test
    void everyoneLandsOnAllTasks() {
        for (String user : java.util.List.of("specialist", "employee", "manager")) {
            JsonNode filters = Api.as(port, user).get("/engine-rest/filter?resourceType=Task").getBody();
            JsonNode first = null;
            for (JsonNode f : filters) {
                assertThat(f.path("properties").has("priority")).as("%s: filter %s has a priority", user, f.get("name")).isTrue();
                if (first == null || f.path("properties").path("priority").asInt() < first.path("properties").path("priority").asInt()) {
                    first = f;
                }
            }
            assertThat(first).as("%s reads filters", user).isNotNull();
            assertThat(first.get("name").asText()).as(user).isEqualTo("All tasks");
        }
    }
}
