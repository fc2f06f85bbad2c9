package org.relocation.relocationcase.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * The records around a case (its decision log and options advice) are read under the same rule as the case: staff who
 * do not act on it get 404, as for a case that does not exist.
 */
@ServerTest
class CaseRecordsAccessTest {

    @LocalServerPort
    int port;

    @Test
    void aManagerReadsACasesRecordsOnlyOnceTheCaseIsTheirsToDecide() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = c.get("id").asLong();
        String[] records = {"/api/cases/" + id + "/decision-log", "/api/cases/" + id + "/decision-log.csv", "/api/cases/" + id + "/options"};

        Api manager = Api.as(port, "manager");
        for (String path : records) {
            assertThat(status(specialist, path)).as("specialist " + path).isEqualTo(200);
            assertThat(status(manager, path)).as("manager before the approval " + path).isEqualTo(404);
            assertThat(status(Api.as(port, "finance"), path)).as("finance " + path).isEqualTo(404);
        }

        specialist.completeTask(c.get("caseNumber").asText(), "review-intake", vars("intakeVerified", true));
        manager.awaitTask(c.get("caseNumber").asText(), "approve-relocation");
        for (String path : records) {
            assertThat(status(manager, path)).as("manager deciding " + path).isEqualTo(200);
        }
        // a manager does not see the salary: the options leave out the lines computed from it
        assertThat(manager.get("/api/cases/" + id + "/options").getBody().findValuesAsText("category"))
                .doesNotContain("cost-of-living-allowance");
        // the approval is the line manager's alone: another manager reads nothing of the case
        assertThat(Api.as(port, "manager2").get("/api/cases/" + id + "/options").getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "employee").get("/api/cases/" + id + "/decision-log").getStatusCode().value()).isEqualTo(403);
    }

    /** The status of a GET whatever the body's type (the CSV export is text). */
    private static int status(Api user, String path) {
        return path.endsWith(".csv") ? user.getStatus(path) : user.get(path).getStatusCode().value();
    }
}
