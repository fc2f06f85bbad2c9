package org.relocation.relocationcase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * Task cards as the Tasklist shows them, read through the engine REST API as each person reads their tasks: the name
 * says activity, case number and route (no employee name, no nationality), the task is due by its SLA, history keeps the
 * same name, and the case's timeline and submissions keep the model's activity name. The Tasklist serves our styles,
 * which hide the meaningless priority.
 */
@ServerTest
class TaskCardsTest {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @LocalServerPort
    int port;

    private JsonNode task(Api api, String caseNumber, String taskKey) {
        String id = api.awaitTask(caseNumber, taskKey);
        return api.get("/engine-rest/task/" + id).getBody();
    }

    @Test
    void aTaskCardSaysActivityCaseNumberAndRouteAndIsDueByItsSla() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "BR", "GB", "DE", "LONG_TERM", "250000");
        intake.put("employeeName", "Zelda Quintero");
        intake.put("hostCity", "Berlin");
        JsonNode c = specialist.openCase(intake);
        String caseNumber = c.get("caseNumber").asText();

        JsonNode review = task(specialist, caseNumber, "review-intake");
        String name = review.get("name").asText();
        assertThat(name).isEqualTo("Review intake · " + caseNumber + " · GB → DE Berlin");
        assertThat(name).doesNotContain("Zelda", "Quintero", "BR");
        OffsetDateTime created = OffsetDateTime.parse(review.get("created").asText(), ENGINE_DATE);
        OffsetDateTime due = OffsetDateTime.parse(review.get("due").asText(), ENGINE_DATE);
        assertThat(Duration.between(created, due)).as("review-intake: P2D").isBetween(Duration.ofDays(2).minusMinutes(1), Duration.ofDays(2).plusMinutes(1));

        // the Tasklist's "Name like" criterion finds the case's tasks by its number
        JsonNode found = specialist.get("/engine-rest/task?nameLike=%" + caseNumber + "%").getBody();
        assertThat(found).extracting(t -> t.get("id").asText()).contains(review.get("id").asText());

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        JsonNode history = specialist.get("/engine-rest/history/task?taskId=" + review.get("id").asText()).getBody();
        assertThat(history.get(0).get("name").asText()).isEqualTo(name);

        // the line manager's approval: same card, due by its "-overdue" timer
        Api manager = Api.as(port, "manager");
        JsonNode approval = task(manager, caseNumber, "approve-relocation");
        assertThat(approval.get("name").asText()).isEqualTo("Approve relocation · " + caseNumber + " · GB → DE Berlin");
        assertThat(approval.hasNonNull("due")).as("approval due: %s", approval).isTrue();

        // the case records keep the activity's own name
        JsonNode details = Api.as(port, "admin").caseDetails(c.get("id").asLong());
        assertThat(details.get("timeline")).filteredOn(e -> "review-intake".equals(e.path("elementId").asText()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.get("name").asText()).isEqualTo("Review intake"));
        assertThat(details.get("submissions")).filteredOn(s -> "review-intake".equals(s.path("taskKey").asText()))
                .isNotEmpty().allSatisfy(s -> assertThat(s.get("taskName").asText()).isEqualTo("Review intake"));
    }

    @Test
    void theTasklistServesOurStylesWhichHideThePriority() {
        String css = Api.anonymous(port).getText("/operaton/app/tasklist/styles/user-styles.css");
        assertThat(css).contains(".tasks-list .task .priority").contains("display: none");
    }
}
