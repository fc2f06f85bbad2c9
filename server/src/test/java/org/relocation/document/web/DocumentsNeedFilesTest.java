package org.relocation.document.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * A checklist document is PROVIDED only with a file on record: the employee's upload, or the scan of a paper original
 * the specialist registered (who and when on record). Ticking "provided" without the files is a 400 naming the
 * documents; "valid" is a 400 while a document has no file; only specialists register paper originals.
 */
@ServerTest
class DocumentsNeedFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDocumentsAreProvidedOnlyWithAFileUploadedOrAPaperOriginalRegistered() {
        Api specialist = Api.as(port, "specialist");
        Api employee = Api.as(port, "employee2");
        JsonNode created = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "250000"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        String task = employee.awaitTask(caseNumber, "provide-immigration-documents");
        List<JsonNode> documents = list(specialist.caseDetails(id).get("documents"));
        assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
        // the employee finds the case of their task (what the benchmark client does before uploading)
        assertThat(employee.get("/engine-rest/task/" + task + "/variables/caseId").getBody().get("value").asLong()).isEqualTo(id);

        // ticking "provided" with no file at all: 400 naming every document in plain words, nothing marked, the task stays open
        ResponseEntity<JsonNode> none = employee.complete(task, vars("pd_passportNumber", "X9988776", "pd_passportExpiry", "2033-01-31",
                "documentsProvided", true));
        assertThat(none.getStatusCode().value()).as("%s", none.getBody()).isEqualTo(400);
        String problem = none.getBody().get("fieldErrors").get("documentsProvided").asText();
        assertThat(problem).startsWith("Upload a file for every requested document first; still without one: ")
                .contains("passport copy of the employee", "assignment letter of the employee")
                .doesNotContain("{", "}", "=", "[", "X9988776");
        assertThat(none.getBody().toString()).doesNotContain("X9988776");
        assertThat(statuses(specialist, id)).containsOnly("REQUESTED");
        assertThat(employee.awaitTask(caseNumber, "provide-immigration-documents")).isEqualTo(task);

        // the paper original route is the specialist's: the employee, a manager and an admin get 403 and nothing is stored
        long passport = idOf(documents, "passport-copy");
        String paperOriginal = "/api/cases/" + id + "/documents/" + passport + "/paper-original";
        long files = jdbc.queryForObject("select count(*) from document_file", Long.class);
        for (String user : List.of("employee2", "manager", "admin")) {
            assertThat(Api.as(port, user).postFile(paperOriginal, Api.TINY_PDF, "scan.pdf", "application/pdf").getStatusCode().value())
                    .as("paper original registered by %s", user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).postFile(paperOriginal, Api.TINY_PDF, "scan.pdf", "application/pdf").getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from document_file", Long.class)).isEqualTo(files);
        ResponseEntity<JsonNode> notAScan = specialist.postFile(paperOriginal, "not a scan".getBytes(), "scan.pdf", "application/pdf");
        assertThat(notAScan.getStatusCode().value()).isEqualTo(400);
        assertThat(notAScan.getBody().get("fieldErrors").has("file")).isTrue();
        assertThat(specialist.postFile("/api/cases/" + id + "/documents/999999/paper-original", Api.TINY_PDF, "scan.pdf", "application/pdf")
                .getStatusCode().value()).isEqualTo(404);

        // the specialist saw the passport's paper original and registers its scan: PROVIDED, with who and when
        ResponseEntity<JsonNode> registered = specialist.postFile(paperOriginal, Api.TINY_PDF, "scan.pdf", "application/pdf");
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        assertThat(registered.getBody().get("uploadedBy").asText()).isEqualTo("specialist");
        JsonNode passportDocument = find(specialist.caseDetails(id).get("documents"), passport);
        assertThat(passportDocument.get("status").asText()).isEqualTo("PROVIDED");
        assertThat(passportDocument.get("file").get("source").asText()).isEqualTo("PAPER_ORIGINAL");
        assertThat(passportDocument.get("file").get("uploadedBy").asText()).isEqualTo("specialist");
        assertThat(passportDocument.get("file").get("uploadedAt").asText()).isNotBlank();
        assertThat(Api.as(port, "admin").get("/api/cases/" + id + "/documents/" + passport + "/access-log").getBody().findValuesAsText("action"))
                .contains("PAPER_ORIGINAL");
        assertThat(specialist.caseDetails(id).get("timeline").findValuesAsText("elementId")).contains("document-paper-original");

        // one file still missing: refused, naming only what is missing
        long letter = idOf(documents, "assignment-letter");
        List<Long> rest = new ArrayList<>(documents.stream().map(d -> d.get("id").asLong()).filter(d -> d != passport && d != letter).toList());
        rest.forEach(d -> employee.uploadFile(id, d));
        ResponseEntity<JsonNode> oneMissing = employee.complete(task, vars("pd_passportNumber", "X9988776", "pd_passportExpiry", "2033-01-31",
                "documentsProvided", true));
        assertThat(oneMissing.getStatusCode().value()).isEqualTo(400);
        assertThat(oneMissing.getBody().get("fieldErrors").get("documentsProvided").asText())
                .contains("assignment letter of the employee").doesNotContain("passport");

        // every document has a file: accepted, and the passport's paper original stays as registered
        employee.uploadFile(id, letter);
        assertThat(employee.complete(task, vars("pd_passportNumber", "X9988776", "pd_passportExpiry", "2033-01-31", "documentsProvided", true))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode after = specialist.caseDetails(id).get("documents");
        assertThat(statuses(specialist, id)).containsOnly("PROVIDED");
        assertThat(find(after, letter).get("file").get("source").asText()).isEqualTo("UPLOAD");
        assertThat(find(after, passport).get("file").get("source").asText()).isEqualTo("PAPER_ORIGINAL");

        // a document marked provided without a file (a record from before files were required): "valid" is a 400 naming it
        jdbc.update("update case_document set file_source = null where id = ?", letter);
        String validate = specialist.awaitTask(caseNumber, "validate-immigration-documents");
        ResponseEntity<JsonNode> valid = specialist.complete(validate, vars("documentsDecision", "valid"));
        assertThat(valid.getStatusCode().value()).as("%s", valid.getBody()).isEqualTo(400);
        assertThat(valid.getBody().get("fieldErrors").get("documentsDecision").asText())
                .isEqualTo("Assignment letter of the employee has no file: ask for it again, or choose 'invalid'.");
        assertThat(valid.getBody().get("message").asText()).doesNotContain("{", "}", "=", "[", "passport", "Passport");

        // the form's documents table: every document per traveller; only for whoever may open the task
        JsonNode rows = DocumentTable.rows(specialist, validate);
        assertThat(rows.size()).isEqualTo(documents.size());
        assertThat(DocumentTable.row(rows, "Employee", "Passport copy").get("status").asText()).isEqualTo("provided, to review");
        assertThat(DocumentTable.row(rows, "Employee", "Passport copy").get("reviewed").asText()).isEqualTo("not yet");
        assertThat(rows.toString()).doesNotContain("X9988776", "2033-01-31");
        for (String user : List.of("employee2", "manager")) {
            ResponseEntity<JsonNode> refused = Api.as(port, user).get("/engine-rest/task/" + validate + "/form-variables");
            assertThat(refused.getStatusCode().value()).as("form variables for %s", user).isIn(403, 404);
            assertThat(String.valueOf(refused.getBody())).doesNotContain("documents", "Passport copy", "caseCard");
        }
        assertThat(specialist.awaitTask(caseNumber, "validate-immigration-documents")).isEqualTo(validate);

        // its file arrives again: "valid" is accepted
        employee.uploadFile(id, letter);
        assertThat(specialist.complete(validate, vars("documentsDecision", "valid")).getStatusCode().value()).isEqualTo(204);
        assertThat(statuses(specialist, id)).containsOnly("VALIDATED");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<String> statuses(Api user, long caseId) {
        return user.caseDetails(caseId).get("documents").findValuesAsText("status");
    }

    private static long idOf(List<JsonNode> documents, String type) {
        return documents.stream().filter(d -> d.get("documentType").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + documents)).get("id").asLong();
    }

    private static JsonNode find(JsonNode documents, long id) {
        for (JsonNode d : documents) {
            if (d.get("id").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("no document " + id + " in " + documents);
    }
}
