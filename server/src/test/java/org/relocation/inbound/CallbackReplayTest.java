package org.relocation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Vendor callbacks are anonymous, so their size, freshness and uniqueness are checked before anything of them is
 * used: a body over the cap (64 KiB by default), declared or chunked, is refused with 413; a timestamp outside the
 * window (5 minutes by default) or a bad signature with 401; a nonce used before with 409, even when the callback
 * would be accepted again by the order's state. None of them changes anything. Counsel for the host city "Manual
 * Answers" is played by the test, not the demo simulator.
 */
@ServerTest
class CallbackReplayTest {

    private static final String SECRET = "demo-counsel-secret";
    private static final String PATH = "/api/vendor-callbacks/immigration-counsel";
    private static final int CAP = 64 * 1024;
    private static final long WINDOW = 300;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CallbackNonces nonces;

    @Test
    void oversizedStaleForgedAndReplayedCallbacksChangeNothing() throws Exception {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers"));
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);
        Api.as(port, "employee").provideDocuments(id, caseNumber, "X7654321", "2033-01-31");
        specialist.completeTask(caseNumber, "validate-immigration-documents", vars("documentsDecision", "valid"));
        await().atMost(Duration.ofSeconds(30)).until(() -> counselOrder(id) != null && counselOrder(id).getStatus() == ServiceOrder.Status.SENT);
        String reference = counselOrder(id).getReference();
        String submitted = "{\"reference\":\"" + reference + "\",\"status\":\"SUBMITTED\"}";

        // over the cap: a valid, signed callback padded with JSON whitespace to one byte more than the cap
        String oversized = submitted + " ".repeat(CAP + 1 - submitted.length());
        ResponseEntity<JsonNode> declared = post(oversized, signed(oversized, SECRET, now()));
        assertThat(declared.getStatusCode().value()).as("declared Content-Length over the cap: %s", declared.getBody()).isEqualTo(413);
        assertThat(declared.getBody().get("title").asText()).isEqualTo("Content too large");
        HttpResponse<String> chunked = postChunked(oversized, signed(oversized, SECRET, now()));
        assertThat(chunked.statusCode()).as("chunked body over the cap: %s", chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("at most " + CAP + " bytes");
        String atCap = oversized.substring(0, CAP);
        ResponseEntity<JsonNode> read = post(atCap, signed(atCap, "wrong-secret", now()));
        assertThat(read.getStatusCode().value()).as("exactly the cap: read, then its signature refused").isEqualTo(401);
        assertThat(read.getBody().get("detail").asText()).isEqualTo("Missing or bad signature");

        // stale, future, forged, incomplete, and signed the old way (body only)
        assertThat(post(submitted, signed(submitted, SECRET, now() - WINDOW - 60)).getStatusCode().value()).as("stale").isEqualTo(401);
        assertThat(post(submitted, signed(submitted, SECRET, now() + WINDOW + 60)).getStatusCode().value()).as("future").isEqualTo(401);
        assertThat(post(submitted, signed(submitted, "wrong-secret", now())).getStatusCode().value()).as("bad signature").isEqualTo(401);
        Map<String, String> noNonce = new HashMap<>(signed(submitted, SECRET, now()));
        noNonce.remove(Signatures.NONCE_HEADER);
        assertThat(post(submitted, noNonce).getStatusCode().value()).as("no nonce").isEqualTo(401);
        Map<String, String> shortNonce = new HashMap<>(signed(submitted, SECRET, now()));
        shortNonce.put(Signatures.NONCE_HEADER, "short");
        assertThat(post(submitted, shortNonce).getStatusCode().value()).as("malformed nonce").isEqualTo(401);
        Map<String, String> bodyOnly = new HashMap<>(signed(submitted, SECRET, now()));
        bodyOnly.put(Signatures.HEADER, Signatures.sign(submitted.getBytes(StandardCharsets.UTF_8), SECRET));
        ResponseEntity<JsonNode> oldScheme = post(submitted, bodyOnly);
        assertThat(oldScheme.getStatusCode().value()).as("signature of the body only").isEqualTo(401);
        assertThat(oldScheme.getBody().get("detail").asText()).isEqualTo("Missing or bad signature");
        assertThat(counselOrder(id).getStatus()).as("nothing refused was recorded").isEqualTo(ServiceOrder.Status.SENT);
        assertThat(callbacksOnTimeline(specialist, id)).isZero();

        // accepted once (a chunked body within the cap is read like any other), then every replay is refused
        Map<String, String> submittedHeaders = signed(submitted, SECRET, now());
        assertThat(postChunked(submitted, submittedHeaders).statusCode()).isEqualTo(202);
        assertThat(counselOrder(id).getStatus()).isEqualTo(ServiceOrder.Status.SUBMITTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM callback_nonce WHERE vendor = ? AND nonce = ?", Integer.class,
                "immigration-counsel", submittedHeaders.get(Signatures.NONCE_HEADER))).as("the nonce is in the shared database").isEqualTo(1);
        ResponseEntity<JsonNode> replay = post(submitted, submittedHeaders);
        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        assertThat(replay.getBody().get("title").asText()).isEqualTo("Callback replayed");
        String rfi = "{\"reference\":\"" + reference + "\",\"status\":\"INFO_REQUESTED\",\"note\":\"Certified translation of the degree\"}";
        Map<String, String> rfiHeaders = signed(rfi, SECRET, now());
        String renewed = Long.toString(now() - 1);
        Map<String, String> sameNonceNewTimestamp = Map.of(Signatures.TIMESTAMP_HEADER, renewed,
                Signatures.NONCE_HEADER, submittedHeaders.get(Signatures.NONCE_HEADER),
                Signatures.HEADER, Signatures.signCallback(renewed, submittedHeaders.get(Signatures.NONCE_HEADER), rfi.getBytes(StandardCharsets.UTF_8), SECRET));
        ResponseEntity<JsonNode> reused = post(rfi, sameNonceNewTimestamp);
        assertThat(reused.getStatusCode().value()).as("a used nonce with a new timestamp and a valid signature").isEqualTo(409);
        assertThat(reused.getBody().get("title").asText()).isEqualTo("Callback replayed");
        assertThat(counselOrder(id).getStatus()).isEqualTo(ServiceOrder.Status.SUBMITTED);

        // the request for information, answered by the specialist: the order waits for counsel again, and would take
        // the earlier SUBMITTED and INFO_REQUESTED again; replayed, both are refused and nothing happens
        assertThat(post(rfi, rfiHeaders).getStatusCode().value()).isEqualTo(202);
        specialist.completeTask(caseNumber, "answer-counsel-request",
                vars("informationSummary", "Uploaded the certified translation", "informationProvided", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> counselOrder(id).getStatus() == ServiceOrder.Status.SENT);
        assertThat(post(submitted, submittedHeaders).getStatusCode().value()).as("SUBMITTED replayed").isEqualTo(409);
        assertThat(post(rfi, rfiHeaders).getStatusCode().value()).as("INFO_REQUESTED replayed").isEqualTo(409);
        assertThat(counselOrder(id).getStatus()).isEqualTo(ServiceOrder.Status.SENT);
        assertThat(callbacksOnTimeline(specialist, id)).as("the two accepted callbacks, once each").isEqualTo(2);
    }

    @Test
    void expiredNoncesArePurgedAndFreshOnesKept() {
        long now = now();
        jdbc.update("INSERT INTO callback_nonce (vendor, nonce, expires_at) VALUES (?, ?, ?)", "housing", "expired-nonce-000000", now - 2 * WINDOW - 1);
        jdbc.update("INSERT INTO callback_nonce (vendor, nonce, expires_at) VALUES (?, ?, ?)", "housing", "kept-nonce-00000000", now - WINDOW);
        nonces.purgeExpired(now);
        assertThat(jdbc.queryForList("SELECT nonce FROM callback_nonce WHERE vendor = 'housing' AND nonce IN ('expired-nonce-000000', 'kept-nonce-00000000')", String.class))
                .as("kept a window past its expiry, for clocks that differ between nodes").containsExactly("kept-nonce-00000000");
    }

    private ResponseEntity<JsonNode> post(String body, Map<String, String> headers) {
        return Api.anonymous(port).postRaw(PATH, body, headers);
    }

    /** Without a Content-Length: the body is sent in chunks, so only reading it shows its size. */
    private HttpResponse<String> postChunked(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> signed(String body, String secret, long timestamp) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), secret, timestamp);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private ServiceOrder counselOrder(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == ServiceType.IMMIGRATION_COUNSEL)
                .findFirst().orElse(null);
    }

    private static long callbacksOnTimeline(Api user, long caseId) {
        return user.caseDetails(caseId).get("timeline").findValuesAsText("kind").stream().filter("CALLBACK_RECEIVED"::equals).count();
    }
}
