package org.relocation.relocationcase.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * The records around a case (its decision log and options advice) are read under the same rule as the case: its named
 * line manager from intake on; staff who do not act on it get 404, as for a case that does not exist.
 */
@ServerTest
class CaseRecordsAccessTest {

    @LocalServerPort
    int port;

    @Test
    void theNamedLineManagerReadsACasesRecordsFromIntakeOtherManagersNever() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000")); // line manager: manager
        long id = c.get("id").asLong();
        String[] records = {"/api/cases/" + id + "/decision-log", "/api/cases/" + id + "/decision-log.csv", "/api/cases/" + id + "/options"};

        Api manager = Api.as(port, "manager");
        Api manager2 = Api.as(port, "manager2");
        for (String path : records) {
            assertThat(status(specialist, path)).as("specialist " + path).isEqualTo(200);
            assertThat(status(manager, path)).as("the named line manager, in intake " + path).isEqualTo(200);
            assertThat(status(manager2, path)).as("another manager " + path).isEqualTo(404);
            assertThat(status(Api.as(port, "finance"), path)).as("finance " + path).isEqualTo(404);
        }

        specialist.completeTask(c.get("caseNumber").asText(), "review-intake", vars("intakeVerified", true));
        manager.awaitTask(c.get("caseNumber").asText(), "approve-relocation");
        for (String path : records) {
            assertThat(status(manager, path)).as("manager deciding " + path).isEqualTo(200);
            assertThat(status(manager2, path)).as("another manager, while the approval is open " + path).isEqualTo(404);
        }
        // a manager does not see the salary: the options leave out the lines computed from it
        assertThat(manager.get("/api/cases/" + id + "/options").getBody().findValuesAsText("category"))
                .doesNotContain("cost-of-living-allowance");
        assertThat(Api.as(port, "employee").get("/api/cases/" + id + "/decision-log").getStatusCode().value()).isEqualTo(403);
    }

    /** The status of a GET whatever the body's type (the CSV export is text). */
    private static int status(Api user, String path) {
        return path.endsWith(".csv") ? user.getStatus(path) : user.get(path).getStatusCode().value();
    }
}
