package org.relocation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People complete their tasks in the Tasklist, and the case moves on: the specialist reviews the intake,
 * the manager approves the relocation. Cases are opened through the case API; outcomes are read back from it.
 */
class TaskCompletionBrowserIT extends BrowserTestSupport {

    @Test
    void specialistReviewsTheIntakeInTheTasklist() {
        long caseId = api.open("specialist", CaseApi.longTermIntake("Tasklist Review"));
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");

        tasklistAs("specialist")
                .openTask(review.path("id").asText(), "Review intake")
                .claim()
                .tick("Field_intakeVerified")
                .type("Field_reviewNotes", "Checked in the browser test")
                .complete(review.path("id").asText());

        JsonNode details = await("approve-relocation of case " + caseId).atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("specialist", caseId), d -> CaseApi.openTask(d, "approve-relocation").isPresent());
        assertThat(CaseApi.openTaskKeys(details)).contains("approve-relocation").doesNotContain("review-intake");
        assertThat(CaseApi.stream(details.path("timeline")))
                .as("timeline of case %s", caseId)
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
                    assertThat(e.path("elementId").asText()).isEqualTo("review-intake");
                    assertThat(e.path("actor").asText()).isEqualTo("specialist");
                });
    }

    @Test
    void managerApprovesTheRelocationInTheTasklist() {
        long caseId = api.open("specialist", CaseApi.longTermIntake("Tasklist Approval"));
        JsonNode review = api.awaitOpenTask("specialist", caseId, "review-intake");
        api.completeThroughEngineRest("specialist", review.path("id").asText(), Map.of("intakeVerified", true, "reviewNotes", "Complete"));
        JsonNode approval = api.awaitOpenTask("specialist", caseId, "approve-relocation");

        tasklistAs("manager")
                .openTask(approval.path("id").asText(), "Approve relocation")
                .claim()
                .choose("Field_managerDecision", "Approve")
                .type("Field_managerComment", "Approved in the browser test")
                .complete(approval.path("id").asText());

        JsonNode details = await("the manager's decision on case " + caseId).atMost(CaseApi.PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("manager", caseId), d -> !d.path("approvals").isEmpty());
        assertThat(CaseApi.stream(details.path("approvals")))
                .as("approvals of case %s", caseId)
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.path("step").asText()).isEqualTo("manager");
                    assertThat(a.path("decision").asText()).isEqualTo("approve");
                    assertThat(a.path("comment").asText()).isEqualTo("Approved in the browser test");
                    assertThat(a.path("decidedBy").asText()).isEqualTo("manager");
                });
        assertThat(CaseApi.openTaskKeys(details)).doesNotContain("approve-relocation");
        assertThat(CaseApi.stream(details.path("timeline")))
                .anySatisfy(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("TASK_COMPLETED");
                    assertThat(e.path("elementId").asText()).isEqualTo("approve-relocation");
                    assertThat(e.path("actor").asText()).isEqualTo("manager");
                });
    }
}
