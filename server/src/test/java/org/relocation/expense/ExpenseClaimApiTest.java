package org.relocation.expense;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.relocation.estimate.CostEstimator;
import org.relocation.policy.PolicyService;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expense claims through HTTP: who submits and reads, the conversion at the expense date's rate (demo rates: 1 EUR =
 * 1.1650 USD from 2026-10-01, so 116.50 USD = 100.00 EUR), the policy check against the remaining cap (housing: 3200 EUR
 * a month), duplicate flags, the lump-sum refusal, the encrypted receipt and its access log, and every bad field a 400
 * naming it with nothing written and no file stored.
 */
@ServerTest
class ExpenseClaimApiTest {

    private static final String MARKER = "RECEIPT-MARKER-7f3a";
    private static final LocalDate EXPENSE_DAY = LocalDate.of(2026, 11, 20);

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    PolicyService policy;
    @Autowired
    CostEstimator estimator;
    @Autowired
    JdbcTemplate jdbc;

    private RelocationCase managed;

    @BeforeEach
    void open() {
        managed = ExpenseCases.open(cases, policy, estimator, "LONG_TERM");
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + " " + MARKER + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> fields(String category, String date, String merchant, String currency, String amount) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("category", category);
        f.put("expenseDate", date);
        f.put("merchant", merchant);
        f.put("currency", currency);
        f.put("amount", amount);
        return f;
    }

    private static Map<String, String> travel() {
        return fields("travel", EXPENSE_DAY.toString(), "Lufthansa", "USD", "116.50");
    }

    private ResponseEntity<JsonNode> submit(String user, long caseId, Map<String, String> fields, byte[] file, String contentType) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                body.add(k, v);
            }
        });
        if (file != null) {
            HttpHeaders part = new HttpHeaders();
            part.setContentType(MediaType.parseMediaType(contentType));
            part.setContentDisposition(ContentDisposition.formData().name("file").filename("receipt.pdf").build());
            body.add("file", new HttpEntity<>(new ByteArrayResource(file), part));
        }
        return client(user).post().uri("/api/cases/" + caseId + "/expense-claims").contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> submit(String user, Map<String, String> fields, byte[] file) {
        return submit(user, managed.getId(), fields, file, "application/pdf");
    }

    private ResponseEntity<JsonNode> list(String user, long caseId) {
        return client(user).get().uri("/api/cases/" + caseId + "/expense-claims").retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<byte[]> receipt(String user, long caseId, long claimId) {
        return client(user).get().uri("/api/cases/" + caseId + "/expense-claims/" + claimId + "/receipt").retrieve().toEntity(byte[].class);
    }

    private RestClient client(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(s -> true, (req, res) -> { })
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static JsonNode created(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    private int written(long caseId) {
        return jdbc.queryForObject("select count(*) from expense_claim where case_id = ?", Integer.class, caseId)
                + jdbc.queryForObject("select count(*) from expense_receipt_access where case_id = ?", Integer.class, caseId)
                + jdbc.queryForObject("select count(*) from expense_receipt_chunk k join expense_claim c on c.id = k.claim_id where c.case_id = ?",
                Integer.class, caseId);
    }

    @Test
    void theEmployeeClaimsAnExpenseConvertedAtTheExpenseDatesRateWithAnEncryptedReceipt() {
        byte[] file = pdf("taxi");
        JsonNode claim = created(submit("employee", travel(), file));

        assertThat(claim.get("category").asText()).isEqualTo("travel");
        assertThat(claim.get("amount").decimalValue()).isEqualByComparingTo("116.50");
        assertThat(claim.get("currency").asText()).isEqualTo("USD");
        assertThat(claim.get("reportingAmount").decimalValue()).as("116.50 USD at 1 EUR = 1.1650 USD").isEqualByComparingTo("100.00");
        assertThat(claim.get("reportingCurrency").asText()).isEqualTo("EUR");
        assertThat(claim.get("withinPolicy").asBoolean()).isTrue();
        assertThat(claim.has("remainingCap") && !claim.get("remainingCap").isNull()).as("travel has no policy cap").isFalse();
        assertThat(claim.get("possibleDuplicate").asBoolean()).isFalse();
        assertThat(claim.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(claim.get("submittedBy").asText()).isEqualTo("employee");
        assertThat(claim.get("receipt").get("contentType").asText()).isEqualTo("application/pdf");
        long id = claim.get("id").asLong();

        byte[] stored = jdbc.queryForObject("select ciphertext from expense_receipt_chunk where claim_id = ?", byte[].class, id);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("stored encrypted").doesNotContain(MARKER);

        ResponseEntity<byte[]> download = receipt("employee", managed.getId(), id);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(file);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("expense-claim-" + id + "-receipt.pdf");

        JsonNode log = client("specialist").get().uri("/api/cases/" + managed.getId() + "/expense-claims/" + id + "/receipt/access-log")
                .retrieve().toEntity(JsonNode.class).getBody();
        assertThat(log.findValuesAsText("action")).containsExactly("UPLOAD", "DOWNLOAD");
        assertThat(log.findValuesAsText("actor")).containsExactly("employee", "employee");
    }

    @Test
    void aClaimOverTheRemainingCapIsOutsidePolicyAndOneWithinIsNot() {
        JsonNode within = created(submit("employee", fields("housing", EXPENSE_DAY.toString(), "City Flats", "EUR", "1000.00"), pdf("rent 1")));
        assertThat(within.get("withinPolicy").asBoolean()).isTrue();
        assertThat(within.get("remainingCap").decimalValue()).as("housing cap 3200 EUR a month").isEqualByComparingTo("3200.00");
        assertThat(within.has("policyNote") && !within.get("policyNote").isNull()).isFalse();

        JsonNode outside = created(submit("employee", fields("housing", EXPENSE_DAY.toString(), "City Flats", "EUR", "3500.00"), pdf("rent 2")));
        assertThat(outside.get("withinPolicy").asBoolean()).isFalse();
        assertThat(outside.get("remainingCap").decimalValue()).as("a submitted claim is not a payment: the cap is still whole")
                .isEqualByComparingTo("3200.00");
        assertThat(outside.get("policyNote").asText()).contains("exceeds what is left of the policy cap").contains("policy exception");
    }

    @Test
    void duplicatesAreFlaggedNotRefused() {
        byte[] file = pdf("hotel");
        long first = created(submit("employee", travel(), file)).get("id").asLong();

        JsonNode sameFile = created(submit("specialist", fields("travel", "2026-11-21", "Other Hotel", "EUR", "80.00"), file));
        assertThat(sameFile.get("submittedBy").asText()).as("on the employee's behalf").isEqualTo("specialist");
        assertThat(sameFile.get("duplicateReceiptOf").asLong()).isEqualTo(first);
        assertThat(sameFile.get("possibleDuplicate").asBoolean()).isTrue();

        JsonNode sameDetails = created(submit("employee", fields("travel", EXPENSE_DAY.toString(), "  lufthansa ", "USD", "116.5"), pdf("copy")));
        assertThat(sameDetails.get("duplicateDetailsOf").asLong()).as("same date, amount, currency and merchant").isEqualTo(first);
        assertThat(sameDetails.has("duplicateReceiptOf") && !sameDetails.get("duplicateReceiptOf").isNull()).isFalse();

        JsonNode other = created(submit("employee", fields("travel", EXPENSE_DAY.toString(), "Lufthansa", "USD", "116.51"), pdf("other")));
        assertThat(other.get("possibleDuplicate").asBoolean()).isFalse();

        assertThat(list("employee", managed.getId()).getBody().get("claims")).hasSize(4);
    }

    @Test
    void aLumpSumCaseTakesNoClaimAndNothingIsWritten() {
        RelocationCase lumpSum = ExpenseCases.open(cases, policy, estimator, "SHORT_TERM");
        ResponseEntity<JsonNode> r = submit("employee", lumpSum.getId(), travel(), pdf("lump"), "application/pdf");

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains("lump-sum package").contains("reimbursed nothing");
        assertThat(written(lumpSum.getId())).isZero();
    }

    @Test
    void everyBadFieldIsA400NamingItAndNothingIsWritten() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        List<Object[]> cases = List.of(
                new Object[]{fields(null, today, "Shop", "EUR", "10"), pdf("a"), "category"},
                new Object[]{fields("yacht", today, "Shop", "EUR", "10"), pdf("a"), "category"},
                new Object[]{fields("cost-of-living", today, "Shop", "EUR", "10"), pdf("a"), "category"},
                new Object[]{fields("travel", null, "Shop", "EUR", "10"), pdf("a"), "expenseDate"},
                new Object[]{fields("travel", "20-11-2026", "Shop", "EUR", "10"), pdf("a"), "expenseDate"},
                new Object[]{fields("travel", tomorrow, "Shop", "EUR", "10"), pdf("a"), "expenseDate"},
                new Object[]{fields("travel", "2020-01-01", "Shop", "EUR", "10"), pdf("a"), "expenseDate"},
                new Object[]{fields("travel", today, " ", "EUR", "10"), pdf("a"), "merchant"},
                new Object[]{fields("travel", today, "x".repeat(101), "EUR", "10"), pdf("a"), "merchant"},
                new Object[]{fields("travel", today, "Line\nbreak", "EUR", "10"), pdf("a"), "merchant"},
                new Object[]{fields("travel", today, "Shop", "eur", "10"), pdf("a"), "currency"},
                new Object[]{fields("travel", today, "Shop", null, "10"), pdf("a"), "currency"},
                new Object[]{fields("travel", "2025-06-01", "Shop", "USD", "10"), pdf("a"), "currency"},
                new Object[]{fields("travel", today, "Shop", "EUR", null), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "EUR", "ten"), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "EUR", "-5"), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "EUR", "0"), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "EUR", "10.001"), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "JPY", "100.5"), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "EUR", "10000000.01"), pdf("a"), "amount"},
                new Object[]{fields("travel", today, "Shop", "EUR", "10"), null, "file"},
                new Object[]{fields("travel", today, "Shop", "EUR", "10"), exe, "file"},
                new Object[]{fields("travel", today, "Shop", "EUR", "10"), new byte[0], "file"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            ResponseEntity<JsonNode> r = submit("employee", managed.getId(), (Map<String, String>) c[0], (byte[]) c[1], "application/pdf");
            assertThat(r.getStatusCode().value()).as("%s: %s", c[2], r.getBody()).isEqualTo(400);
            assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(r.getBody().get("fieldErrors").has((String) c[2])).as("%s names %s", r.getBody(), c[2]).isTrue();
            assertThat(r.getBody().get("fieldErrors").get((String) c[2]).asText()).as("a sentence").contains(" ");
        }
        ResponseEntity<JsonNode> all = submit("employee", managed.getId(), Map.of(), null, "application/pdf");
        assertThat(all.getStatusCode().value()).isEqualTo(400);
        assertThat(all.getBody().get("fieldErrors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("category", "expenseDate", "merchant", "currency", "amount", "file");
        ResponseEntity<JsonNode> declaredWrong = submit("employee", managed.getId(), travel(), pdf("b"), "image/png");
        assertThat(declaredWrong.getBody().get("fieldErrors").get("file").asText()).contains("declared as image/png");

        assertThat(written(managed.getId())).as("no claim, no receipt, no log line").isZero();
    }

    @Test
    void whoSubmitsAndWhoReads() {
        long id = created(submit("employee", travel(), pdf("roles"))).get("id").asLong();
        long caseId = managed.getId();

        assertThat(submit("manager", travel(), pdf("m")).getStatusCode().value()).isEqualTo(403);
        assertThat(submit("finance", travel(), pdf("f")).getStatusCode().value()).isEqualTo(403);
        assertThat(submit("employee2", travel(), pdf("e2")).getStatusCode().value()).as("another employee's case").isEqualTo(404);
        assertThat(created(submit("admin", travel(), pdf("admin"))).get("submittedBy").asText()).isEqualTo("admin");

        for (String reader : List.of("employee", "specialist", "finance", "hradmin", "admin")) {
            ResponseEntity<JsonNode> r = list(reader, caseId);
            assertThat(r.getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(r.getBody().get("claims").findValuesAsText("id")).as(reader).contains(String.valueOf(id));
        }
        assertThat(list("employee2", caseId).getStatusCode().value()).isEqualTo(404);
        assertThat(list("manager", caseId).getStatusCode().value()).isEqualTo(403);
        assertThat(list("specialist", 999_999_999L).getStatusCode().value()).isEqualTo(404);

        assertThat(receipt("finance", caseId, id).getStatusCode().value()).as("finance approves claims").isEqualTo(200);
        assertThat(receipt("specialist", caseId, id).getStatusCode().value()).isEqualTo(200);
        assertThat(receipt("hradmin", caseId, id).getStatusCode().value()).as("reads the claims, not the receipts").isEqualTo(403);
        assertThat(receipt("employee2", caseId, id).getStatusCode().value()).isEqualTo(404);
        assertThat(receipt("employee", caseId, 999_999_999L).getStatusCode().value()).isEqualTo(404);

        List<String> log = jdbc.queryForList("select concat(actor, ':', action) from expense_receipt_access where claim_id = ? order by id",
                String.class, id);
        assertThat(log).containsExactly("employee:UPLOAD", "finance:DOWNLOAD", "specialist:DOWNLOAD", "hradmin:DENIED");
    }
}
