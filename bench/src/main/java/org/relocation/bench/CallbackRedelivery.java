package org.relocation.bench;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays a vendor's webhook retry for answers the demo vendor simulator lost. The simulator retries a callback
 * only on HTTP 409; when the callback endpoint answers 500 instead (an OptimisticLockingException while a
 * parallel branch of the same case moves), the answer is dropped and the case waits forever. A real vendor
 * retries on 5xx, so this watchdog does: a process that has waited for a vendor message longer than
 * {@code after} gets the order's answer again, signed with the vendor's (demo) secret, through the same
 * public callback endpoint. Every redelivery is counted and reported.
 */
final class CallbackRedelivery implements Runnable {

    /** A vendor message the journey waits for, and the order whose answer it carries. */
    private record Awaited(String message, String vendor, String serviceType, String status, String cost) {
    }

    private static final List<Awaited> AWAITED = List.of(
            new Awaited("immigration-decision", "immigration-counsel", "IMMIGRATION_COUNSEL", "APPROVED", "1500.00"),
            new Awaited("housing-confirmed", "housing", "TEMPORARY_HOUSING", "CONFIRMED", "4200.00"),
            new Awaited("shipment-confirmed", "moving", "HOUSEHOLD_SHIPMENT", "CONFIRMED", "7800.00"));

    /**
     * How often it looks for waiting processes: three execution queries, each listing every process waiting for that
     * message. Every 2 s they took about 2% of the server's CPU, work of the benchmark rather than of the journey; a
     * lost answer is redelivered after {@code after} (20 s) at the earliest anyway.
     */
    private static final long CHECK_EVERY_MILLIS = 5000;

    private final EngineClient client;
    private final String user;
    private final Map<String, String> secrets;
    private final long afterNanos;
    private final AtomicBoolean done;
    private final Map<String, Long> waitingSince = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final AtomicLong redelivered = new AtomicLong();

    CallbackRedelivery(EngineClient client, String user, Map<String, String> secrets, Duration after, AtomicBoolean done) {
        this.client = client;
        this.user = user;
        this.secrets = secrets;
        this.afterNanos = after.toNanos();
        this.done = done;
    }

    @Override
    public void run() {
        while (!done.get()) {
            try {
                Thread.sleep(CHECK_EVERY_MILLIS);
                check();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.err.println("  ! callback watchdog: " + e.getMessage());
            }
        }
    }

    private void check() {
        long now = System.nanoTime();
        Map<String, Long> seen = new HashMap<>();
        for (Awaited a : AWAITED) {
            EngineClient.Reply reply = client.get(user, "/engine-rest/execution?messageEventSubscriptionName=" + a.message());
            if (!reply.ok()) {
                continue;
            }
            for (JsonNode execution : reply.json()) {
                String key = a.message() + "/" + execution.path("id").asText();
                long since = waitingSince.getOrDefault(key, now);
                seen.put(key, since);
                if (now - since > afterNanos && !done.get()) {
                    redeliver(a, execution.path("processInstanceId").asText());
                    seen.put(key, now); // wait as long again before another try
                }
            }
        }
        waitingSince.clear();
        waitingSince.putAll(seen);
    }

    private void redeliver(Awaited a, String processInstanceId) {
        EngineClient.Reply variable = client.get(user, "/engine-rest/process-instance/" + processInstanceId + "/variables/caseId");
        if (!variable.ok()) {
            return;
        }
        long caseId = variable.json().path("value").asLong();
        EngineClient.Reply details = client.get(user, "/api/cases/" + caseId);
        if (!details.ok()) {
            return;
        }
        JsonNode c = details.json();
        for (JsonNode order : c.path("serviceOrders")) {
            if (!a.serviceType().equals(order.path("serviceType").asText()) || !"SENT".equals(order.path("status").asText())) {
                continue;
            }
            String reference = order.path("reference").asText();
            Map<String, Object> callback = new LinkedHashMap<>();
            callback.put("reference", reference);
            callback.put("status", a.status());
            callback.put("vendorReference", a.vendor().toUpperCase() + "-" + reference.substring(3));
            callback.put("costAmount", new BigDecimal(a.cost()));
            callback.put("costCurrency", "EUR");
            if (a.serviceType().equals("IMMIGRATION_COUNSEL")) {
                callback.put("permitNumber", "PRM-" + reference.substring(3));
                callback.put("validFrom", c.path("startDate").asText());
                callback.put("validUntil", c.path("endDate").asText());
            }
            int status = post(a.vendor(), callback);
            if (status == 202 || status == 200) {
                redelivered.incrementAndGet();
                System.err.printf("  ~ redelivered the lost %s answer %s of case %s (the simulator dropped it)%n",
                        a.vendor(), reference, c.path("caseNumber").asText());
            }
        }
    }

    private int post(String vendor, Map<String, Object> callback) {
        try {
            byte[] body = EngineClient.JSON.writeValueAsBytes(callback);
            String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
            String nonce = java.util.UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/vendor-callbacks/" + vendor))
                    .header("Content-Type", "application/json")
                    .header("X-Relocation-Timestamp", timestamp)
                    .header("X-Relocation-Nonce", nonce)
                    .header("X-Relocation-Signature", sign(timestamp, nonce, body, secrets.get(vendor)))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The server's callback signature: HMAC-SHA256 of "timestamp.nonce.body" (docs/operations.md, "Vendor callbacks"). */
    static String sign(String timestamp, String nonce, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "." + nonce + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
