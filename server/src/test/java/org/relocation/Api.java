package org.relocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HTTP client of the tests: the case API and the engine REST API, as a given demo user (password demo). */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final RestClient http;
    private final int port;

    private Api(RestClient http, int port) {
        this.http = http;
        this.port = port;
    }

    /** Who decides each approval task, and the form values of an approval. */
    private static final Map<String, String[]> APPROVERS = Map.of(
            "approve-relocation", new String[]{"manager", "managerDecision", "managerComment"},
            "approve-policy-exception", new String[]{"hrlead", "exceptionDecision", "exceptionComment"},
            "approve-budget", new String[]{"finance", "financeDecision", "financeComment"},
            "approve-transfer", new String[]{"director", "secondLevelDecision", "secondLevelComment"});

    public static Api as(int port, String user) {
        RestClient.Builder b = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> true, (req, res) -> { });
        if (user != null) {
            b.defaultHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return new Api(b.build(), port);
    }

    public static Api anonymous(int port) {
        return as(port, null);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    /** The status of a GET, whatever its body. */
    public int getStatus(String path) {
        return http.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
    }

    public String getText(String path) {
        ResponseEntity<String> r = http.get().uri(path).retrieve().toEntity(String.class);
        assertThat(r.getStatusCode().value()).as("GET %s: %s", path, r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    /** The body of a GET that must answer 200, as bytes (a file). */
    public byte[] getBytes(String path) {
        ResponseEntity<byte[]> r = http.get().uri(path).retrieve().toEntity(byte[].class);
        assertThat(r.getStatusCode().value()).as("GET %s", path).isEqualTo(200);
        return r.getBody();
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> postRaw(String path, String body, Map<String, String> headers) {
        return http.method(HttpMethod.POST).uri(path).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::add)).body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class);
    }

    // ---- cases

    public static ObjectNode intake(String employeeUserId, String nationality, String home, String host, String type, String budget) {
        ObjectNode n = JSON.createObjectNode();
        n.put("employeeName", "Test Employee");
        n.put("employeeEmail", employeeUserId + "@example.com");
        n.put("employeeUserId", employeeUserId);
        n.put("nationality", nationality);
        n.put("homeCountry", home);
        n.put("homeCity", "Home City");
        n.put("hostCountry", host);
        n.put("hostCity", "Host City");
        n.put("assignmentType", type);
        n.put("startDate", "2027-03-01");
        n.put("endDate", "2029-02-28");
        n.put("costCentre", "CC-42");
        n.put("budgetAmount", budget);
        n.put("budgetCurrency", "EUR");
        n.put("gradeLevel", 6);
        n.put("baseSalaryAmount", 90000);
        n.put("baseSalaryCurrency", "EUR");
        n.put("lineManagerUserId", "manager"); // the specialist: by the least-open-cases rule
        return n;
    }

    /**
     * Issue 17's family of four: an employee, a partner and two children (11 and 7 at the start date), Brazilians moving
     * long term from Sao Paulo to the host city in Germany.
     */
    public static ObjectNode familyOfFour(String hostCity) {
        ObjectNode intake = intake("employee", "BR", "BR", "DE", "LONG_TERM", "400000");
        intake.put("homeCity", "Sao Paulo");
        intake.put("hostCity", hostCity);
        com.fasterxml.jackson.databind.node.ArrayNode dependents = intake.putArray("dependents");
        dependents.addObject().put("relationship", "PARTNER").put("fullName", "Ana Souza").put("nationality", "BR").put("birthDate", "1988-03-14");
        dependents.addObject().put("relationship", "CHILD").put("fullName", "Lucas Souza").put("nationality", "BR").put("birthDate", "2015-05-01");
        dependents.addObject().put("relationship", "CHILD").put("fullName", "Bia Souza").put("nationality", "BR").put("birthDate", "2019-08-20");
        return intake;
    }

    public JsonNode openCase(ObjectNode intake) {
        ResponseEntity<JsonNode> r = post("/api/cases", intake);
        assertThat(r.getStatusCode().value()).as("POST /api/cases: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    public JsonNode caseDetails(long id) {
        ResponseEntity<JsonNode> r = get("/api/cases/" + id);
        assertThat(r.getStatusCode().value()).as("GET case: %s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    // ---- document files

    /** A tiny but valid PDF (the server recognises files by their content): what the tests upload as a document's file. */
    public static final byte[] TINY_PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** POST a file as the multipart/form-data part "file" (an upload: {@code /file}; a paper original's scan: {@code /paper-original}). */
    public ResponseEntity<JsonNode> postFile(String path, byte[] content, String fileName, String contentType) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(contentType));
        partHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content), partHeaders));
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(JsonNode.class);
    }

    /** Uploads a small PDF as the document's file and checks the server stored it (201). */
    public void uploadFile(long caseId, long documentId) {
        ResponseEntity<JsonNode> r = postFile("/api/cases/" + caseId + "/documents/" + documentId + "/file", TINY_PDF, "document.pdf", "application/pdf");
        assertThat(r.getStatusCode().value()).as("upload document %s of case %s: %s", documentId, caseId, r.getBody()).isEqualTo(201);
    }

    /**
     * As this user (the case's employee or a specialist): uploads a small PDF for every checklist document that needs a
     * file, i.e. still requested or rejected. Returns the ids of the documents uploaded.
     */
    public List<Long> uploadMissingDocuments(long caseId) {
        List<Long> uploaded = new ArrayList<>();
        for (JsonNode d : caseDetails(caseId).get("documents")) {
            String status = d.get("status").asText();
            if (status.equals("REQUESTED") || status.equals("REJECTED")) {
                uploadFile(caseId, d.get("id").asLong());
                uploaded.add(d.get("id").asLong());
            }
        }
        return uploaded;
    }

    /**
     * As the case's employee: waits for the documents task, uploads a file for every document that needs one, and
     * completes the task with the passport data and the confirmation that the documents are in.
     */
    public void provideDocuments(long caseId, String caseNumber, String passportNumber, String passportExpiry) {
        awaitTask(caseNumber, "provide-immigration-documents");
        uploadMissingDocuments(caseId);
        completeTask(caseNumber, "provide-immigration-documents",
                vars("pd_passportNumber", passportNumber, "pd_passportExpiry", passportExpiry, "documentsProvided", true));
    }

    // ---- tasks through /engine-rest

    /** Waits until this user sees the case's task with that key, and returns its id. */
    public String awaitTask(String caseNumber, String taskKey) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            ResponseEntity<JsonNode> r = get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + taskKey);
            assertThat(r.getStatusCode().value()).isEqualTo(200);
            assertThat(r.getBody()).as("task %s of %s", taskKey, caseNumber).hasSize(1);
            id[0] = r.getBody().get(0).get("id").asText();
        });
        return id[0];
    }

    public ResponseEntity<JsonNode> complete(String taskId, Map<String, Object> variables) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode vars = body.putObject("variables");
        variables.forEach((k, v) -> vars.set(k, JSON.createObjectNode().putPOJO("value", v)));
        return post("/engine-rest/task/" + taskId + "/complete", body);
    }

    /**
     * Waits for the task, completes it with the form values, checks the engine accepted them, and that the case record
     * keeps the submission as submitted (at the production history level, which keeps no variables).
     */
    public void completeTask(String caseNumber, String taskKey, Map<String, Object> variables) {
        String id = awaitTask(caseNumber, taskKey);
        Api admin = as(port, "admin");
        long caseId = admin.get("/engine-rest/task/" + id + "/variables/caseId").getBody().get("value").asLong();
        ResponseEntity<JsonNode> r = complete(id, variables);
        assertThat(r.getStatusCode().value()).as("complete %s: %s", taskKey, r.getBody()).isEqualTo(204);
        JsonNode submissions = admin.caseDetails(caseId).get("submissions");
        JsonNode latest = null;
        for (JsonNode s : submissions) {
            if (s.get("taskKey").asText().equals(taskKey)) {
                latest = s;
            }
        }
        assertThat(latest).as("the submission of %s on case %s: %s", taskKey, caseNumber, submissions).isNotNull();
        JsonNode fields = latest.get("fields");
        variables.forEach((k, v) -> assertThat(fields.path(k).asText(null)).as("%s of %s on the case record", k, taskKey)
                .isEqualTo(String.valueOf(v)));
    }

    /**
     * Records a lease within every policy's housing cap (destination services: after the home-search vendor confirmed),
     * for a journey that goes on to the arrival.
     */
    public void recordLease(String caseNumber) {
        completeTask(caseNumber, "record-lease", vars("pd_leaseAddress", "Teststrasse 1, 10115 Berlin", "pd_monthlyRent", 1200,
                "rentCurrency", "EUR", "pd_depositAmount", 3600, "pd_leaseStart", "2027-03-01", "pd_leaseEnd", "2029-02-28"));
    }

    /**
     * Gives every approval the case's route asks for (manager, HR lead for each exception, finance, second level), each
     * by a user of its role, until the approval phase is over.
     */
    public void approveAll(long caseId, String caseNumber) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode tasks = as(port, "admin").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber).getBody();
            for (JsonNode t : tasks) {
                String[] approver = APPROVERS.get(t.get("taskDefinitionKey").asText());
                if (approver != null) {
                    ResponseEntity<JsonNode> r = as(port, approver[0]).complete(t.get("id").asText(),
                            vars(approver[1], "approve", approver[2], "Approved in the test"));
                    assertThat(r.getStatusCode().value()).as("approve %s: %s", t.get("taskDefinitionKey").asText(), r.getBody()).isEqualTo(204);
                }
            }
            JsonNode phases = as(port, "admin").caseDetails(caseId).get("phases");
            boolean approvalOpen = false;
            boolean approvalDone = false;
            for (JsonNode p : phases) {
                if (p.get("phase").asText().equals("approval")) {
                    approvalOpen |= !p.hasNonNull("completedAt");
                    approvalDone |= p.hasNonNull("completedAt");
                }
            }
            return approvalDone && !approvalOpen;
        });
    }

    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
