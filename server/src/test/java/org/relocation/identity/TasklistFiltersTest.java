package org.relocation.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.impl.TaskQueryImpl;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saved "Immigration deadlines" filter exists once and the specialists can list it in the Tasklist; "All tasks" has
 * the lowest priority, so the Tasklist opens on it for everyone (without a priority it picks whichever filter the
 * database lists first). A filter of task keys follows the product at each start: a task this version adds joins a
 * filter created before it, and what a process owner changed in the Tasklist stays.
 */
@ServerTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    FilterService filters;

    @Test
    void aTaskThisVersionAddsJoinsAFilterOfAnEarlierVersionAndTheOwnersChangesStay() {
        Filter approvals = filters.createTaskFilterQuery().filterName(TasklistFilters.APPROVALS).singleResult();
        TaskQueryImpl original = approvals.getQuery();
        Map<String, Object> originalProperties = new HashMap<>(approvals.getProperties());
        assertThat(originalProperties.get(TasklistFilters.PRODUCT_TASKS)).as("created with the keys the product put in")
                .isEqualTo(List.of(TasklistFilters.APPROVAL_TASKS));
        try {
            // an installation of an earlier version: its filter lacks approve-lease-exception and the property; its
            // process owner added a task of their own through the Tasklist's filter settings (the engine REST API)
            List<String> earlier = new ArrayList<>(List.of(TasklistFilters.APPROVAL_TASKS));
            earlier.remove("approve-lease-exception");
            earlier.add("owners-own-review");
            ObjectNode update = Api.JSON.createObjectNode().put("resourceType", "Task").put("name", TasklistFilters.APPROVALS);
            ArrayNode keys = update.putObject("query").putArray("taskDefinitionKeyIn");
            earlier.forEach(keys::add);
            Map<String, Object> earlierProperties = new HashMap<>(originalProperties);
            earlierProperties.remove(TasklistFilters.PRODUCT_TASKS);
            update.set("properties", Api.JSON.valueToTree(earlierProperties));
            Api admin = Api.as(port, "admin");
            assertThat(admin.put("/engine-rest/filter/" + approvals.getId(), update).getStatusCode().value()).isEqualTo(204);

            tasklistFilters.create(); // the next start
            Filter followed = filters.getFilter(approvals.getId());
            assertThat(List.of(((TaskQueryImpl) followed.getQuery()).getKeys())).as("the new task joined, the owner's stayed")
                    .contains("approve-lease-exception", "owners-own-review", "approve-relocation");

            // the owner removes a task the product put in: it stays removed at the next start
            List<String> removed = new ArrayList<>(List.of(((TaskQueryImpl) followed.getQuery()).getKeys()));
            removed.remove("approve-budget");
            TaskQueryImpl query = followed.getQuery();
            query.taskDefinitionKeyIn(removed.toArray(String[]::new));
            filters.saveFilter(followed.setQuery(query));
            tasklistFilters.create();
            assertThat(List.of(((TaskQueryImpl) filters.getFilter(approvals.getId()).getQuery()).getKeys()))
                    .doesNotContain("approve-budget").contains("approve-lease-exception", "owners-own-review");
        } finally {
            Filter restore = filters.getFilter(approvals.getId());
            filters.saveFilter(restore.setQuery(original).setProperties(originalProperties));
        }
    }

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
