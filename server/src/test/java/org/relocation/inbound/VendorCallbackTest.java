package org.relocation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed vendor callbacks: bad signature 401, unknown order 404, duplicate 409, malformed 400, none changes anything. */
@ServerTest
class VendorCallbackTest {

    private static final String HOUSING_SECRET = "demo-housing-secret";

    @LocalServerPort
    int port;

    @Autowired
    ServiceOrderRepository orders;

    @Test
    void callbacksAreAuthenticatedAndUnknownOrDuplicateOnesChangeNothing() {
        Api specialist = Api.as(port, "specialist");
        JsonNode c = specialist.openCase(Api.intake("employee", "DE", "DE", "NL", "LONG_TERM", "250000"));
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(c.get("id").asLong(), caseNumber);
        specialist.completeTask(caseNumber, "record-kickoff-call", Api.vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Team", "kickoffNotes", "Scope agreed with the employee"));
        // the simulator confirms the housing order through the same endpoint
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(orders.findByCaseIdOrderById(c.get("id").asLong()).stream()
                .filter(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING).findFirst().orElseThrow().getStatus().name()).isEqualTo("CONFIRMED"));
        String reference = orders.findByCaseIdOrderById(c.get("id").asLong()).stream()
                .filter(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING).findFirst().orElseThrow().getReference();

        Api vendor = Api.anonymous(port);
        String duplicate = "{\"reference\":\"" + reference + "\",\"status\":\"CONFIRMED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", duplicate, Map.of()).getStatusCode().value()).isEqualTo(401);
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", duplicate, Map.of(Signatures.HEADER, "sha256=00")).getStatusCode().value()).isEqualTo(401);
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", duplicate, signed(duplicate, "wrong-secret")).getStatusCode().value()).isEqualTo(401);
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", duplicate, signed(duplicate, HOUSING_SECRET)).getStatusCode().value()).isEqualTo(409);

        String unknown = "{\"reference\":\"SO-DOES-NOT-EXIST\",\"status\":\"CONFIRMED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", unknown, signed(unknown, HOUSING_SECRET)).getStatusCode().value()).isEqualTo(404);
        assertThat(vendor.postRaw("/api/vendor-callbacks/moving", duplicate, signed(duplicate, "demo-moving-secret")).getStatusCode().value())
                .as("another vendor's order").isEqualTo(404);
        String malformed = "{\"reference\":";
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", malformed, signed(malformed, HOUSING_SECRET)).getStatusCode().value()).isEqualTo(400);
        String badStatus = "{\"reference\":\"" + reference + "\",\"status\":\"MAYBE\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", badStatus, signed(badStatus, HOUSING_SECRET)).getStatusCode().value()).isEqualTo(400);
        String negative = "{\"reference\":\"" + reference + "\",\"status\":\"CONFIRMED\",\"costAmount\":-5,\"costCurrency\":\"EUR\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", negative, signed(negative, HOUSING_SECRET)).getStatusCode().value()).isEqualTo(400);
        assertThat(vendor.postRaw("/api/vendor-callbacks/nobody", duplicate, signed(duplicate, HOUSING_SECRET)).getStatusCode().value()).isEqualTo(401);

        // the housing order's answers on the timeline: the simulator's acknowledgement and confirmation only (the refused
        // calls above add none; the case's other vendors go on answering their own orders meanwhile)
        java.util.List<String> housing = new java.util.ArrayList<>();
        specialist.caseDetails(c.get("id").asLong()).get("timeline").forEach(e -> {
            if (e.path("kind").asText().equals("CALLBACK_RECEIVED") && e.path("name").asText().startsWith("TEMPORARY_HOUSING")) {
                housing.add(e.path("name").asText() + " by " + e.path("actor").asText());
            }
        });
        assertThat(housing).as("only the simulator's accepted callbacks are on the timeline")
                .filteredOn(h -> !h.contains("acknowledged")).containsExactly("TEMPORARY_HOUSING confirmed by housing");
        // its acknowledgement comes first when it arrives before the confirmation (one is enough for the SLA)
        assertThat(housing).filteredOn(h -> h.contains("acknowledged")).isSubsetOf("TEMPORARY_HOUSING acknowledged by housing")
                .hasSizeLessThanOrEqualTo(1);
    }

    /** Signed as a vendor signs a callback now: timestamp, fresh nonce, HMAC of "timestamp.nonce.body". */
    private static Map<String, String> signed(String body, String secret) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), secret, java.time.Instant.now().getEpochSecond());
    }
}
