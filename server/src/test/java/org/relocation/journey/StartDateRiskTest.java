package org.relocation.journey;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * A start date 20 days out with the permit still pending (counsel does not answer for the host city
 * "Manual Answers"): the watch fires at once (the risk window is 30 days), specialists and managers are
 * alerted, and the specialist moves the start date; the end date and the key dates move with it.
 */
@ServerTest
class StartDateRiskTest {

    @LocalServerPort
    int port;

    @Test
    void aStartDateAtRiskIsAlertedAndMovedByTheSpecialist() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000")
                .put("hostCity", "Manual Answers").put("startDate", start.toString()).put("endDate", start.plusMonths(24).toString()));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api.as(port, "employee").provideDocuments(id, caseNumber, "X1122334", "2033-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid"));

        String task = specialist.awaitTask(caseNumber, "decide-start-date");
        JsonNode alerted = specialist.caseDetails(id).get("notifications");
        assertThat(alerted.findValuesAsText("kind")).contains("start-date-risk-" + start);
        assertThat(alerted.findValuesAsText("recipient")).contains("mobility-specialists@example.com", "mobility-managers@example.com");

        // moving needs a new date in the future: 400 naming the field, the task stays open
        var missing = specialist.complete(task, Map.of("startDateDecision", "move"));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("fieldErrors").has("newStartDate")).isTrue();
        var past = specialist.complete(task, Map.of("startDateDecision", "move", "newStartDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertThat(past.getStatusCode().value()).isEqualTo(400);
        assertThat(past.getBody().get("fieldErrors").get("newStartDate").asText()).contains("future");

        LocalDate moved = start.plusDays(60);
        // accepted: the decision, its date and notes are kept on the case record
        specialist.completeTask(caseNumber, "decide-start-date", Map.of("startDateDecision", "move", "newStartDate", moved.toString(),
                "decisionNotes", "Agreed with the manager"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(specialist.caseDetails(id).get("startDate").asText()).isEqualTo(moved.toString()));
        JsonNode c = specialist.caseDetails(id);
        assertThat(c.get("endDate").asText()).isEqualTo(start.plusMonths(24).plusDays(60).toString());
        assertThat(c.get("keyDates")).anySatisfy(k -> {
            assertThat(k.get("kind").asText()).isEqualTo("assignment-end");
            assertThat(k.get("dueDate").asText()).isEqualTo(start.plusMonths(24).plusDays(60).toString());
        });
        assertThat(c.get("timeline").findValuesAsText("elementId")).contains("start-date-moved");
        // the new start date is 80 days out: no new alert, the watch waits again
        assertThat(c.get("openTasks").findValuesAsText("taskKey")).doesNotContain("decide-start-date");
    }
}
