package org.relocation.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * The specialist's review can send the intake back with a comment: the intake goes to revise-intake, whose form shows
 * the comment (from the case records, not a variable); after the revision the intake is reviewed again. Only the
 * decision the process routes on stays a variable.
 */
@ServerTest
class ReviewSendBackTest {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @Test
    void theReviewSendsTheIntakeBackWithACommentAndTheRevisionIsReviewedAgain() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "400000"));
        String caseNumber = created.get("caseNumber").asText();
        String review = specialist.awaitTask(caseNumber, "review-intake");

        ResponseEntity<JsonNode> noComment = specialist.complete(review, vars("intakeVerified", true, "reviewDecision", "send-back"));
        assertThat(noComment.getStatusCode().value()).isEqualTo(400);
        assertThat(noComment.getBody().toString()).contains("reviewComment");

        specialist.completeTask(caseNumber, "review-intake",
                vars("intakeVerified", true, "reviewDecision", "send-back", "reviewComment", "The host city must be Munich"));
        String revise = specialist.awaitTask(caseNumber, "revise-intake");
        JsonNode shown = specialist.get("/engine-rest/task/" + revise + "/form-variables").getBody();
        assertThat(shown.get("sendBackComment").get("value").asText())
                .isEqualTo("Review of the intake by specialist: The host city must be Munich");
        String intake = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("relocation-intake").singleResult().getId();
        assertThat(runtime.getVariables(intake)).as("variables of the intake waiting for the revision")
                .containsEntry("reviewDecision", "send-back").doesNotContainKeys("reviewComment", "reviewNotes");
        assertThat(history.createHistoricVariableInstanceQuery().variableName("reviewComment").count())
                .as("the comment lives in the case records only").isZero();

        specialist.completeTask(caseNumber, "revise-intake", vars("revisedHostCity", "Munich", "revisionNote", "Host city corrected"));
        specialist.awaitTask(caseNumber, "review-intake");
        JsonNode details = specialist.caseDetails(created.get("id").asLong());
        assertThat(details.get("hostCity").asText()).isEqualTo("Munich");
        assertThat(details.get("intakeReviews")).as("a review that sent the intake back is not an intake review").isEmpty();

        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        Api.as(port, "manager").awaitTask(caseNumber, "approve-relocation");
    }
}
