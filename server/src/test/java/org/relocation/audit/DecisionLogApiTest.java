package org.relocation.audit;

import org.relocation.TestCases;
import org.relocation.relocationcase.CaseService;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/cases/{id}/decision-log and its CSV export: content, verification, quoting, formula guard, roles, errors. */
@ServerTest
class DecisionLogApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DecisionLog log;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    /** A case record without a journey (only this test writes to its log), as the case API shows it. */
    private JsonNode caseWithLog() {
        long id = TestCases.recordOnly(cases).getId();
        JsonNode c = Api.as(port, "specialist").caseDetails(id);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("inputs", Map.of("hostCountry", "DE", "assignmentType", "LONG_TERM"));
        rule.put("outputs", Map.of("allowanceTier", "B"));
        tx.executeWithoutResult(s -> {
            log.append(id, DecisionKind.RULE_DECISION, "relocation-allowances", "Allowance tier B for a long-term move to DE", rule, DecisionLog.SYSTEM);
            log.append(id, DecisionKind.APPROVAL, "approve-budget, final", "Approved \"as proposed\", within policy", Map.of("decision", "approved"), "manager");
            log.append(id, DecisionKind.POLICY_EXCEPTION, "@exception", "=HYPERLINK(\"http://evil.example\",\"click\")", null, "hradmin");
            log.append(id, DecisionKind.ESTIMATE, "estimate", "-2+3", Map.of("total", "81000.00"), "system");
        });
        return c;
    }

    private ResponseEntity<String> csv(String user, String path) {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { }).build();
        RestClient.RequestHeadersSpec<?> get = http.get().uri(path);
        if (user != null) {
            get = get.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return get.retrieve().toEntity(String.class);
    }

    @Test
    void theLogIsListedInOrderWithDetailsAsJsonAndVerified() {
        JsonNode c = caseWithLog();
        ResponseEntity<JsonNode> r = Api.as(port, "specialist").get("/api/cases/" + c.get("id") + "/decision-log");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        JsonNode body = r.getBody();
        assertThat(body.get("caseNumber").asText()).isEqualTo(c.get("caseNumber").asText());
        assertThat(body.get("verified").asBoolean()).isTrue();
        assertThat(body.has("brokenAtSequence")).isFalse();
        JsonNode entries = body.get("entries");
        assertThat(entries).hasSize(4);
        JsonNode first = entries.get(0);
        assertThat(first.get("sequence").asInt()).isEqualTo(1);
        assertThat(first.get("kind").asText()).isEqualTo("RULE_DECISION");
        assertThat(first.get("subject").asText()).isEqualTo("relocation-allowances");
        assertThat(first.get("actor").asText()).isEqualTo("system");
        assertThat(first.get("details").isObject()).isTrue();
        assertThat(first.get("details").get("outputs").get("allowanceTier").asText()).isEqualTo("B");
        assertThat(first.get("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(first.has("previousHash")).isFalse();
        assertThat(entries.get(1).get("previousHash").asText()).isEqualTo(first.get("hash").asText());
        assertThat(entries.get(2).get("details").isObject()).isTrue();
        assertThat(entries).extracting(e -> e.get("sequence").asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anAlteredRowMakesTheLogUnverifiedAtItsSequence() {
        JsonNode c = caseWithLog();
        jdbc.update("UPDATE decision_log_entry SET actor = 'finance' WHERE case_id = ? AND sequence = 2", c.get("id").asLong());
        JsonNode body = Api.as(port, "admin").get("/api/cases/" + c.get("id") + "/decision-log").getBody();
        assertThat(body.get("verified").asBoolean()).isFalse();
        assertThat(body.get("brokenAtSequence").asInt()).isEqualTo(2);
        assertThat(body.get("problem").asText()).isNotBlank();
        assertThat(csv("admin", "/api/cases/" + c.get("id") + "/decision-log.csv").getHeaders().getFirst("X-Decision-Log-Verified")).isEqualTo("false");
    }

    @Test
    void theCsvExportQuotesCellsAndDisarmsFormulas() {
        JsonNode c = caseWithLog();
        String number = c.get("caseNumber").asText();
        ResponseEntity<String> r = csv("hradmin", "/api/cases/" + c.get("id") + "/decision-log.csv");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"" + number + "-decision-log.csv\"");
        assertThat(r.getHeaders().getFirst("X-Decision-Log-Verified")).isEqualTo("true");
        List<String> lines = List.of(r.getBody().split("\r\n"));
        assertThat(r.getBody()).endsWith("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("case_number,sequence,occurred_at,kind,subject,summary,details,actor,previous_hash,hash");
        JsonNode entries = Api.as(port, "hradmin").get("/api/cases/" + c.get("id") + "/decision-log").getBody().get("entries");
        String at = entries.get(0).get("occurredAt").asText();
        assertThat(lines.get(1)).isEqualTo(number + ",1," + at + ",RULE_DECISION,relocation-allowances,Allowance tier B for a long-term move to DE,"
                + "\"{\"\"inputs\"\":{\"\"assignmentType\"\":\"\"LONG_TERM\"\",\"\"hostCountry\"\":\"\"DE\"\"},\"\"outputs\"\":{\"\"allowanceTier\"\":\"\"B\"\"}}\","
                + "system,," + entries.get(0).get("hash").asText());
        assertThat(lines.get(2)).startsWith(number + ",2," + entries.get(1).get("occurredAt").asText() + ",APPROVAL,"
                + "\"approve-budget, final\",\"Approved \"\"as proposed\"\", within policy\",\"{\"\"decision\"\":\"\"approved\"\"}\",manager,"
                + entries.get(0).get("hash").asText() + ",");
        assertThat(lines.get(3)).contains(",POLICY_EXCEPTION,'@exception,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",{},hradmin,");
        assertThat(lines.get(4)).contains(",ESTIMATE,estimate,'-2+3,");
    }

    @Test
    void onlyStaffRolesReadTheLogAndThereIsNoWayToWriteIt() {
        JsonNode c = caseWithLog();
        String path = "/api/cases/" + c.get("id") + "/decision-log";
        // staff who run cases, and the manager who acted on this one (an entry of theirs); finance never acted on it
        for (String user : List.of("specialist", "manager", "hradmin", "admin")) {
            assertThat(Api.as(port, user).get(path).getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(csv(user, path + ".csv").getStatusCode().value()).as(user + " csv").isEqualTo(200);
        }
        assertThat(Api.as(port, "finance").get(path).getStatusCode().value()).as("finance").isEqualTo(404);
        assertThat(csv("finance", path + ".csv").getStatusCode().value()).as("finance csv").isEqualTo(404);
        // the case's own employee neither
        assertThat(Api.as(port, "employee").get(path).getStatusCode().value()).isEqualTo(403);
        assertThat(csv("employee", path + ".csv").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "owner").get(path).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(path).getStatusCode().value()).isEqualTo(401);
        assertThat(csv(null, path + ".csv").getStatusCode().value()).isEqualTo(401);

        for (String write : List.of(path, path + ".csv")) {
            ResponseEntity<JsonNode> post = Api.as(port, "admin").post(write, Map.of("summary", "forged"));
            assertThat(post.getStatusCode().value()).as("POST %s", write).isEqualTo(405);
        }
        assertThat(log.entries(c.get("id").asLong())).hasSize(4);
    }

    @Test
    void anUnknownCaseIs404AndABadIdIs400() {
        for (String suffix : List.of("/decision-log", "/decision-log.csv")) {
            ResponseEntity<JsonNode> unknown = Api.as(port, "specialist").get("/api/cases/999999999" + suffix);
            assertThat(unknown.getStatusCode().value()).isEqualTo(404);
            assertThat(unknown.getHeaders().getContentType().toString()).contains("application/problem+json");
            ResponseEntity<JsonNode> bad = Api.as(port, "specialist").get("/api/cases/abc" + suffix);
            assertThat(bad.getStatusCode().value()).isEqualTo(400);
            assertThat(bad.getBody().get("fieldErrors").has("caseId")).isTrue();
        }
        ResponseEntity<String> csvOnly = csv("specialist", "/api/cases/999999999/decision-log.csv");
        assertThat(csvOnly.getStatusCode().value()).isEqualTo(404);
    }
}
