package org.relocation.document.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * The specialist reviews each document: accepts it, or rejects it with a reason; the documents cannot be
 * declared valid while one is rejected, and "invalid" asks the employee again for the rejected ones only.
 */
@ServerTest
class DocumentReviewTest {

    @LocalServerPort
    int port;

    @Test
    void eachDocumentIsAcceptedOrRejectedWithAReasonAndOnlyTheRejectedAreRequestedAgain() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api employee = Api.as(port, "employee2");
        employee.provideDocuments(id, caseNumber, "X3344556", "2033-01-31");

        JsonNode documents = specialist.caseDetails(id).get("documents");
        long passport = idOf(documents, "passport-copy");
        long letter = idOf(documents, "assignment-letter");
        String base = "/api/cases/" + id + "/documents/";

        // bad reviews: 400 naming the field, 404 for a document of no such case, 403 for the employee
        assertThat(specialist.post(base + passport + "/review", Map.of("decision", "maybe")).getStatusCode().value()).isEqualTo(400);
        var noReason = specialist.post(base + passport + "/review", Map.of("decision", "reject"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("fieldErrors").has("reason")).isTrue();
        assertThat(specialist.post("/api/cases/" + (id + 100000) + "/documents/" + passport + "/review", Map.of("decision", "accept"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(employee.post(base + passport + "/review", Map.of("decision", "accept")).getStatusCode().value()).isEqualTo(403);

        // two reviewers through the API, a second apart at most: each document records its own (no inference by time)
        Api admin = Api.as(port, "admin");
        assertThat(admin.post(base + passport + "/review", Map.of("decision", "reject", "reason", "The copy is unreadable"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(specialist.post(base + letter + "/review", Map.of("decision", "accept")).getStatusCode().value()).isEqualTo(200);
        JsonNode reviewed = specialist.caseDetails(id).get("documents");
        assertThat(documentOf(reviewed, passport).get("reviewedBy").asText()).isEqualTo("admin");
        assertThat(documentOf(reviewed, passport).path("reviewedAt").asText()).isNotBlank();
        assertThat(documentOf(reviewed, letter).get("reviewedBy").asText()).isEqualTo("specialist");
        assertThat(documentOf(reviewed, letter).get("reviewedAt").asText()).isNotBlank();

        // "valid" while a document is rejected: 400, the task stays open
        String task = specialist.awaitTask(caseNumber, "validate-immigration-documents");
        var valid = specialist.complete(task, Map.of("documentsDecision", "valid"));
        assertThat(valid.getStatusCode().value()).isEqualTo(400);
        String sentence = "Passport copy of the employee was rejected: ask for it again, or choose 'invalid'.";
        assertThat(valid.getBody().get("fieldErrors").get("documentsDecision").asText()).isEqualTo(sentence);
        assertThat(valid.getBody().get("message").asText()).as("the Tasklist's toast").isEqualTo(sentence);
        assertThat(valid.getBody().get("detail").asText()).isEqualTo(sentence);
        // a value the form does not offer: the field's label and what to do, no Java map text
        var notAnOption = specialist.complete(task, Map.of("documentsDecision", "maybe"));
        assertThat(notAnOption.getStatusCode().value()).isEqualTo(400);
        assertThat(notAnOption.getBody().get("fieldErrors").get("documentsDecision").asText())
                .isEqualTo("Are the documents complete and valid: choose one of the options.");
        assertThat(notAnOption.getBody().get("message").asText()).doesNotContain("{", "=", "documentsDecision");

        // the form shows the checklist per traveller, read from the case records when it opens
        JsonNode rows = DocumentTable.rows(specialist, task);
        JsonNode passportRow = DocumentTable.row(rows, "Employee", "Passport copy");
        assertThat(passportRow.get("status").asText()).isEqualTo("rejected: The copy is unreadable");
        assertThat(passportRow.get("file").asText()).startsWith("version 1, ").endsWith(" UTC");
        assertThat(passportRow.get("reviewed").asText()).endsWith(" UTC by " + DocumentTable.nameOf(admin));
        JsonNode letterRow = DocumentTable.row(rows, "Employee", "Assignment letter");
        assertThat(letterRow.get("status").asText()).isEqualTo("accepted");
        assertThat(letterRow.get("reviewed").asText()).endsWith(" UTC by " + DocumentTable.nameOf(specialist));
        assertThat(rows.toString()).as("no passport data in the table").doesNotContain("X3344556", "2033");
        assertThat(specialist.caseDetails(id).get("timeline").findValuesAsText("name"))
                .contains("Passport copy of the employee rejected", "Assignment letter of the employee accepted");

        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "invalid", "validationComment", "See the notes"));
        JsonNode afterReview = specialist.caseDetails(id).get("documents");
        assertThat(afterReview.size()).as("every document is in the table").isEqualTo(rows.size());
        assertThat(statusOf(afterReview, passport)).isEqualTo("REJECTED");
        assertThat(noteOf(afterReview, passport)).isEqualTo("The copy is unreadable");
        assertThat(statusOf(afterReview, letter)).as("accepted documents stay accepted").isEqualTo("VALIDATED");
        assertThat(documentOf(afterReview, passport).get("reviewedBy").asText()).as("'invalid' touched no reviewed document").isEqualTo("admin");

        // the employee must replace the rejected files before confirming again: the confirmation alone is refused
        String provide = employee.awaitTask(caseNumber, "provide-immigration-documents");
        var withoutNewFiles = employee.complete(provide, vars("pd_passportNumber", "X3344556", "pd_passportExpiry", "2033-01-31", "documentsProvided", true));
        assertThat(withoutNewFiles.getStatusCode().value()).isEqualTo(400);
        assertThat(withoutNewFiles.getBody().get("fieldErrors").get("documentsProvided").asText())
                .contains("passport copy of the employee (rejected: a new file is needed)").doesNotContain("assignment letter");
        // the employee uploads new files for the rejected ones: only those come back for validation
        assertThat(employee.uploadMissingDocuments(id)).contains(passport).doesNotContain(letter);
        employee.completeTask(caseNumber, "provide-immigration-documents",
                vars("pd_passportNumber", "X3344556", "pd_passportExpiry", "2033-01-31", "documentsProvided", true));
        JsonNode again = specialist.caseDetails(id).get("documents");
        assertThat(statusOf(again, passport)).isEqualTo("PROVIDED");
        assertThat(documentOf(again, passport).has("reviewedBy")).as("a new file is not reviewed yet: %s", again).isFalse();
        assertThat(documentOf(again, passport).has("reviewedAt")).isFalse();
        assertThat(statusOf(again, letter)).isEqualTo("VALIDATED");
        assertThat(specialist.caseDetails(id).get("timeline").findValuesAsText("elementId")).contains("document-reviewed");

        // the form's review: "valid" accepts the new file, reviewed by whoever submitted the form
        String second = specialist.awaitTask(caseNumber, "validate-immigration-documents");
        JsonNode secondRows = DocumentTable.rows(specialist, second);
        assertThat(DocumentTable.row(secondRows, "Employee", "Passport copy").get("reviewed").asText()).isEqualTo("not yet");
        assertThat(specialist.complete(second, Map.of("documentsDecision", "valid")).getStatusCode().value()).isEqualTo(204);
        JsonNode validated = specialist.caseDetails(id).get("documents");
        assertThat(statusOf(validated, passport)).isEqualTo("VALIDATED");
        assertThat(documentOf(validated, passport).get("reviewedBy").asText()).isEqualTo("specialist");
        assertThat(java.time.Instant.parse(documentOf(validated, passport).get("reviewedAt").asText()))
                .isAfter(java.time.Instant.parse(documentOf(reviewed, passport).get("reviewedAt").asText()));
        assertThat(documentOf(validated, letter).get("reviewedBy").asText()).as("the accepted letter keeps its reviewer").isEqualTo("specialist");
    }

    private static long idOf(JsonNode documents, String type) {
        for (JsonNode d : documents) {
            if (d.get("documentType").asText().equals(type)) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no " + type + " in " + documents);
    }

    private static JsonNode documentOf(JsonNode documents, long id) {
        for (JsonNode d : documents) {
            if (d.get("id").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("no document " + id + " in " + documents);
    }

    private static String statusOf(JsonNode documents, long id) {
        for (JsonNode d : documents) {
            if (d.get("id").asLong() == id) {
                return d.get("status").asText();
            }
        }
        throw new AssertionError("no document " + id);
    }

    private static String noteOf(JsonNode documents, long id) {
        for (JsonNode d : documents) {
            if (d.get("id").asLong() == id) {
                return d.get("note").asText();
            }
        }
        throw new AssertionError("no document " + id);
    }
}
