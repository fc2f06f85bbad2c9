package org.relocation.document.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Document files through HTTP: upload as the case's employee or a specialist, download the same bytes, the
 * bytes at rest encrypted, type/size/empty limits as 400s naming "file" with nothing written, another employee
 * refused and the refusal audited, unknown ids 404, no credentials 401.
 * <p>
 * One case (an Indian national moving to Germany on a long-term assignment) gives eight checklist documents;
 * each test works on its own document, so the tests do not depend on each other's order.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentApiTest {

    private static final String MARKER = "PLAINTEXT-MARKER-Priya-Raman-X1234567";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Title (" + MARKER + ") >>\nendobj\ntrailer\n<<>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = png();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    long caseId;
    List<Long> documentIds;
    long otherCaseId;

    @BeforeAll
    void aCaseWithItsDocumentChecklist() {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000"));
        caseId = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true, "reviewNotes", "Complete"));
        specialist.approveAll(caseId, caseNumber);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(specialist.caseDetails(caseId).get("documents").size()).isGreaterThanOrEqualTo(8));
        documentIds = specialist.caseDetails(caseId).get("documents").findValues("id").stream().map(JsonNode::asLong).toList();
        otherCaseId = specialist.openCase(Api.intake("employee2", "IN", "GB", "DE", "LONG_TERM", "250000")).get("id").asLong();
    }

    @Test
    void theEmployeeUploadsAPdfGetsTheSameBytesBackAndTheBytesAtRestAreEncrypted() {
        long documentId = documentIds.get(0);
        ResponseEntity<JsonNode> r = upload("employee", caseId, documentId, PDF, "passport.pdf", "application/pdf");

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getHeaders().getLocation()).hasToString(filePath(caseId, documentId));
        assertThat(r.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(r.getBody().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(r.getBody().get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(r.getBody().get("uploadedBy").asText()).isEqualTo("employee");
        assertThat(r.getBody().has("content")).isFalse();

        ResponseEntity<byte[]> file = download("employee", caseId, documentId);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(PDF);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        ContentDisposition disposition = file.getHeaders().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).endsWith("-v1.pdf").doesNotContain("passport.pdf");
        assertThat(download("specialist", caseId, documentId).getBody()).isEqualTo(PDF);
        assertThat(download("admin", caseId, documentId).getBody()).isEqualTo(PDF);

        Map<String, Object> row = jdbc.queryForMap("select id, iv, key_id, sha256, size_bytes from document_file where document_id = ?", documentId);
        byte[] ciphertext = storedCiphertext(((Number) row.get("id")).longValue());
        assertThat(ciphertext).isNotEqualTo(PDF).hasSize(PDF.length + 16);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER).doesNotContain("%PDF");
        assertThat(indexOf(ciphertext, MARKER.getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat((byte[]) row.get("iv")).hasSize(12);
        assertThat(row.get("key_id")).isEqualTo("demo");
        assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(PDF.length);

        JsonNode document = document(Api.as(port, "employee").caseDetails(caseId), documentId);
        assertThat(document.get("status").asText()).isEqualTo("PROVIDED");
        assertThat(document.get("file").get("version").asInt()).isEqualTo(1);
        assertThat(document.get("file").get("contentType").asText()).isEqualTo("application/pdf");
        JsonNode timeline = Api.as(port, "specialist").caseDetails(caseId).get("timeline");
        assertThat(timeline.findValuesAsText("elementId")).contains("document-uploaded");

        JsonNode log = Api.as(port, "specialist").get(accessLogPath(caseId, documentId)).getBody();
        assertThat(log.findValuesAsText("action")).containsExactly("UPLOAD", "DOWNLOAD", "DOWNLOAD", "DOWNLOAD");
        assertThat(log.findValuesAsText("actor")).containsExactly("employee", "employee", "specialist", "admin");
        assertThat(log.toString()).doesNotContain("passport.pdf");
    }

    @Test
    void aReUploadAddsAVersionAndTheLatestIsServed() {
        long documentId = documentIds.get(1);
        ResponseEntity<JsonNode> first = upload("specialist", caseId, documentId, PNG, "photo.png", "image/png");
        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> second = upload("employee", caseId, documentId, PDF, "photo-again.pdf", MediaType.APPLICATION_OCTET_STREAM_VALUE);
        assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(201);
        assertThat(second.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(second.getBody().get("contentType").asText()).as("the type comes from the content").isEqualTo("application/pdf");

        ResponseEntity<byte[]> file = download("employee", caseId, documentId);
        assertThat(file.getBody()).isEqualTo(PDF);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).endsWith("-v2.pdf");
        List<byte[]> ivs = jdbc.queryForList("select iv from document_file where document_id = ? order by version", byte[].class, documentId);
        assertThat(ivs).hasSize(2);
        assertThat(ivs.get(0)).isNotEqualTo(ivs.get(1));
        assertThat(document(Api.as(port, "specialist").caseDetails(caseId), documentId).get("file").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aPngIsAcceptedAndServedAsPng() {
        long documentId = documentIds.get(2);
        assertThat(upload("employee", caseId, documentId, PNG, "photo.png", "image/png").getStatusCode().value()).isEqualTo(201);
        ResponseEntity<byte[]> file = download("employee", caseId, documentId);
        assertThat(file.getBody()).isEqualTo(PNG);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    }

    @Test
    void wrongTypesEmptyFilesAndMissingPartsAre400NamingFileAndWriteNothing() {
        long documentId = documentIds.get(3);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        byte[] text = ("This is not a PDF. " + MARKER).getBytes(StandardCharsets.UTF_8);
        long files = count("document_file");
        long log = count("document_access_log");

        assertBadFile(upload("employee", caseId, documentId, text, "passport.pdf", "application/pdf"), "must be a PDF, JPEG or PNG");
        assertBadFile(upload("employee", caseId, documentId, exe, "setup.exe", "application/octet-stream"), "must be a PDF, JPEG or PNG");
        assertBadFile(upload("employee", caseId, documentId, exe, "setup.pdf", "application/pdf"), "must be a PDF, JPEG or PNG");
        assertBadFile(upload("employee", caseId, documentId, PNG, "photo.pdf", "application/pdf"), "declared as application/pdf");
        assertBadFile(upload("employee", caseId, documentId, new byte[0], "empty.pdf", "application/pdf"), "is empty");

        ResponseEntity<JsonNode> otherPart = multipart("employee", filePath(caseId, documentId), "document", PDF, "a.pdf", "application/pdf");
        assertBadFile(otherPart, "is required");
        ResponseEntity<JsonNode> json = Api.as(port, "employee").post(filePath(caseId, documentId), Map.of("file", "JVBERi0="));
        assertBadFile(json, "is required");

        assertThat(count("document_file")).isEqualTo(files);
        assertThat(count("document_access_log")).isEqualTo(log);
        assertThat(document(Api.as(port, "specialist").caseDetails(caseId), documentId).get("status").asText()).isEqualTo("REQUESTED");
        assertThat(download("employee", caseId, documentId).getStatusCode().value()).as("no file yet").isEqualTo(404);
    }

    @Test
    void aFileOverTenMegabytesIsAProblemDetailNotA500AndWritesNothing() {
        long documentId = documentIds.get(4);
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        long files = count("document_file");

        RawResponse r = RawResponse.upload(port, "employee", filePath(caseId, documentId), large);

        assertThat(r.status()).as("%s", r.body()).isEqualTo(413);
        assertThat(r.contentType()).contains("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("detail").asText()).contains("larger than 10 MB");
        assertThat(problem.get("fieldErrors").get("file").asText()).contains("10 MB");
        assertThat(count("document_file")).isEqualTo(files);

        byte[] atLimit = Arrays.copyOf(PDF, 10 * 1024 * 1024);
        ResponseEntity<JsonNode> ok = upload("employee", caseId, documentId, atLimit, "limit.pdf", "application/pdf");
        assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(201);
        assertThat(download("specialist", caseId, documentId).getBody()).isEqualTo(atLimit);
        long fileId = jdbc.queryForObject("select id from document_file where document_id = ? and version = 1", Long.class, documentId);
        assertThat(jdbc.queryForObject("select count(*) from document_file_chunk where file_id = ?", Long.class, fileId)).isEqualTo(11);
        byte[] stored = storedCiphertext(fileId);
        assertThat(stored).hasSize(atLimit.length + 16);
        assertThat(indexOf(Arrays.copyOf(stored, 4096), MARKER.getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
    }

    @Test
    void aBrokenMultipartBodyIsA400NamingFile() {
        long documentId = documentIds.get(4);
        ResponseEntity<JsonNode> r = client("employee").post().uri(filePath(caseId, documentId))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"))
                .body("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 and no end".getBytes(StandardCharsets.US_ASCII))
                .retrieve().toEntity(JsonNode.class);
        assertBadFile(r, "could not be read");
    }

    @Test
    void anotherEmployeeIsRefusedAndTheRefusalIsAudited() {
        long documentId = documentIds.get(5);
        assertThat(upload("employee", caseId, documentId, PDF, "contract.pdf", "application/pdf").getStatusCode().value()).isEqualTo(201);
        long files = count("document_file");

        ResponseEntity<byte[]> read = download("employee2", caseId, documentId);
        assertThat(read.getStatusCode().value()).isEqualTo(403);
        assertThat(new String(read.getBody(), StandardCharsets.UTF_8)).doesNotContain(MARKER).contains("may not access this document");
        ResponseEntity<byte[]> askingForAPdf = client("employee2").get().uri(filePath(caseId, documentId)).accept(MediaType.APPLICATION_PDF)
                .retrieve().toEntity(byte[].class);
        assertThat(askingForAPdf.getStatusCode().value()).isEqualTo(403);
        assertThat(askingForAPdf.getHeaders().getContentType().toString()).contains("application/problem+json");
        ResponseEntity<JsonNode> write = upload("employee2", caseId, documentId, PDF, "mine.pdf", "application/pdf");
        assertThat(write.getStatusCode().value()).isEqualTo(403);
        assertThat(write.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(download("manager", caseId, documentId).getStatusCode().value()).isEqualTo(403);
        assertThat(download("hradmin", caseId, documentId).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee2").get(accessLogPath(caseId, documentId)).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee").get(accessLogPath(caseId, documentId)).getStatusCode().value()).isEqualTo(403);
        assertThat(count("document_file")).as("nothing stored for a refused upload").isEqualTo(files);

        List<Map<String, Object>> denied = jdbc.queryForList(
                "select actor, outcome, file_id from document_access_log where document_id = ? and action = 'DENIED' order by id", documentId);
        assertThat(denied).extracting(m -> m.get("actor")).containsExactly("employee2", "employee2", "employee2", "manager", "hradmin");
        assertThat(denied).extracting(m -> (String) m.get("outcome")).first().asString().startsWith("DOWNLOAD refused");
        assertThat(denied.get(2).get("outcome").toString()).startsWith("UPLOAD refused");
        JsonNode log = Api.as(port, "admin").get(accessLogPath(caseId, documentId)).getBody();
        assertThat(log.findValuesAsText("action")).containsExactly("UPLOAD", "DENIED", "DENIED", "DENIED", "DENIED", "DENIED");
        assertThat(log.get(1).get("actor").asText()).isEqualTo("employee2");
    }

    @Test
    void unknownCasesAndDocumentsAndDocumentsOfAnotherCaseAre404() {
        long documentId = documentIds.get(6);
        long log = count("document_access_log");
        assertThat(download("specialist", 999_999, documentId).getStatusCode().value()).isEqualTo(404);
        assertThat(download("specialist", caseId, 999_999).getStatusCode().value()).isEqualTo(404);
        assertThat(download("specialist", otherCaseId, documentId).getStatusCode().value()).isEqualTo(404);
        assertThat(download("employee2", otherCaseId, documentId).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> upload = upload("employee", otherCaseId, documentId, PDF, "a.pdf", "application/pdf");
        assertThat(upload.getStatusCode().value()).isEqualTo(404);
        assertThat(upload.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(Api.as(port, "specialist").get(accessLogPath(otherCaseId, documentId)).getStatusCode().value()).isEqualTo(404);
        assertThat(Api.as(port, "specialist").get("/api/cases/" + caseId + "/documents/abc/file").getStatusCode().value()).isEqualTo(400);
        assertThat(count("document_access_log")).isEqualTo(log);
    }

    @Test
    void withoutCredentialsEverythingIs401() {
        long documentId = documentIds.get(7);
        assertThat(RestClient.create("http://localhost:" + port).get().uri(filePath(caseId, documentId)).retrieve()
                .onStatus(s -> true, (req, res) -> { }).toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(upload(null, caseId, documentId, PDF, "a.pdf", "application/pdf").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(port).get(accessLogPath(caseId, documentId)).getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from document_file where document_id = ?", Long.class, documentId)).isZero();
    }

    // ---- helpers

    private static void assertBadFile(ResponseEntity<JsonNode> r, String message) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().get("fieldErrors").get("file").asText()).contains(message);
    }

    private ResponseEntity<JsonNode> upload(String user, long caseId, long documentId, byte[] content, String fileName, String contentType) {
        return multipart(user, filePath(caseId, documentId), "file", content, fileName, contentType);
    }

    private ResponseEntity<JsonNode> multipart(String user, String path, String part, byte[] content, String fileName, String contentType) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType));
        partHeaders.setContentDisposition(ContentDisposition.formData().name(part).filename(fileName).build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add(part, new HttpEntity<>(new ByteArrayResource(content), partHeaders));
        return client(user).post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<byte[]> download(String user, long caseId, long documentId) {
        return client(user).get().uri(filePath(caseId, documentId)).retrieve().toEntity(byte[].class);
    }

    private RestClient client(String user) {
        RestClient.Builder b = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { });
        if (user != null) {
            b.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private static String filePath(long caseId, long documentId) {
        return "/api/cases/" + caseId + "/documents/" + documentId + "/file";
    }

    private static String accessLogPath(long caseId, long documentId) {
        return "/api/cases/" + caseId + "/documents/" + documentId + "/access-log";
    }

    private static JsonNode document(JsonNode caseDetails, long documentId) {
        for (JsonNode d : caseDetails.get("documents")) {
            if (d.get("id").asLong() == documentId) {
                return d;
            }
        }
        throw new AssertionError("no document " + documentId + " in " + caseDetails.get("documents"));
    }

    /** The bytes at rest: the file's ciphertext pieces, joined. */
    private byte[] storedCiphertext(long fileId) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        jdbc.queryForList("select ciphertext from document_file_chunk where file_id = ? order by chunk_index", byte[].class, fileId)
                .forEach(joined::writeBytes);
        return joined.toByteArray();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A real 1x1 PNG. */
    private static byte[] png() {
        return Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
