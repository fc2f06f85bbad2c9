package org.relocation.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Demo only: plays every vendor. It checks an order's signature like a vendor would, and after a delay
 * answers through the same signed callback endpoint a real vendor uses (retrying while the case is not
 * yet waiting). Counsel approves each permit for the assignment's dates (and answers a request for more
 * information the same way); housing and movers confirm with a cost. Orders for a host city listed in
 * relocation.demo.simulator-manual-cities ("Manual Answers") are accepted but not answered: someone plays the
 * vendor by hand through the signed callback endpoint.
 * <p>
 * It plays registered vendors (demo-seeded or registered through /api/vendors with an endpoint URL
 * {@code http://localhost:{local-port}/simulator/<code>}) and the configured endpoints alike, checking the order with the
 * secret the vendor is known by ({@link VendorRegister#callbackSecret}). How a vendor answers is a query parameter of
 * its endpoint URL, so each vendor is told on its own (docs/operations.md "Vendor simulator"): {@code ?answer=normal}
 * (the default: after relocation.demo.simulator-delay), {@code ?answer=late&delay=30s} (after the given delay, default
 * 30s), {@code ?answer=refuse} (REFUSED with a note, for services a vendor may refuse: counsel, payroll, housing,
 * moving, destination services; others are not answered) or {@code ?answer=never} (accepted, never answered). An order placed on an accepted
 * quote is invoiced at the quote's price ({@code &invoice=over}: 10% above it, for finance's decision); housing vendors
 * answer quote requests at their NIGHT rate (a refusing one declines); notices (a quote not chosen, an invoice disputed)
 * are accepted and not answered. Answering normally, it first acknowledges the order (ACKNOWLEDGED, the
 * acknowledgement SLA).
 */
@RestController
@Profile("demo") // never without the demo profile, whatever relocation.demo.* says (platform/configuration)
@ConditionalOnProperty(name = "relocation.demo.enabled", havingValue = "true")
class VendorSimulator {

    private static final Logger log = LoggerFactory.getLogger(VendorSimulator.class);
    private static final Map<String, BigDecimal> COSTS = Map.of(
            "TEMPORARY_HOUSING", new BigDecimal("4200.00"), "HOUSEHOLD_SHIPMENT", new BigDecimal("7800.00"),
            "IMMIGRATION_COUNSEL", new BigDecimal("1500.00"));

    /** An order's text naming the quote it was placed on (HousingQuotes#orderChosen): its price and currency. */
    private static final java.util.regex.Pattern ACCEPTED_QUOTE = java.util.regex.Pattern.compile("accepted quote \\S+ at ([0-9]+(?:\\.[0-9]+)?) ([A-Z]{3})");

    /** How a simulated vendor answers, from its endpoint URL's {@code answer} parameter. */
    enum Answer { NORMAL, LATE, REFUSE, NEVER }

    private static final Duration DEFAULT_LATE = Duration.ofSeconds(30);

    private final VendorRegister vendors;
    private final ObjectMapper json;
    private final Duration delay;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "vendor-simulator");
        t.setDaemon(true);
        return t;
    });
    private final RestClient http = RestClient.create();
    private volatile int port;

    private final java.util.Set<String> manualCities;

    private final java.time.Clock clock;

    VendorSimulator(VendorRegister vendors, ObjectMapper json, @Value("${relocation.demo.simulator-delay:2s}") Duration delay,
                    @Value("${relocation.demo.simulator-manual-cities:Manual Answers}") java.util.List<String> manualCities,
                    java.time.Clock clock) {
        this.vendors = vendors;
        this.clock = clock;
        this.json = json;
        this.delay = delay;
        this.manualCities = manualCities.stream().map(c -> c.trim().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    @org.springframework.context.event.EventListener
    void onWebServer(org.springframework.boot.web.context.WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    @PostMapping(path = "/simulator/{vendor}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> order(@PathVariable String vendor, @RequestBody byte[] body,
                               @RequestHeader(name = Signatures.HEADER, required = false) String signature,
                               @RequestParam(name = "answer", required = false) String answerParameter,
                               @RequestParam(name = "delay", required = false) String delayParameter,
                               @RequestParam(name = "invoice", required = false) String invoiceParameter) throws Exception {
        String secret = vendors.callbackSecret(vendor).orElse(null);
        if (secret == null || !Signatures.verify(body, secret, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Answer how;
        Duration after;
        try {
            how = answerParameter == null ? Answer.NORMAL : Answer.valueOf(answerParameter.trim().toUpperCase(java.util.Locale.ROOT));
            after = how == Answer.LATE ? (delayParameter == null ? DEFAULT_LATE
                    : org.springframework.boot.convert.DurationStyle.detectAndParse(delayParameter.trim())) : delay;
        } catch (IllegalArgumentException e) {
            log.warn("Simulated vendor {}: answer must be normal, late, refuse or never, delay a duration such as 30s", vendor);
            return ResponseEntity.badRequest().build();
        }
        VendorRequest request = json.readValue(body, VendorRequest.class);
        if (how == Answer.NEVER || request.hostCity() != null && manualCities.contains(request.hostCity().trim().toLowerCase(java.util.Locale.ROOT))) {
            // never: a vendor that does not answer. Manual cities, a sandbox convention: orders for these host cities are
            // answered by hand (signed callbacks), e.g. to show counsel's request for information or a refusal
            return ResponseEntity.accepted().build();
        }
        if (request.serviceType() != null && request.serviceType().endsWith("_QUOTE")) {
            // a quote request: for a stay the vendor's nightly rate for the nights asked, otherwise its contract rates for
            // what is asked (per order, per m³, per hour); a refusing vendor declines
            boolean decline = how == Answer.REFUSE;
            scheduler.schedule(() -> answerQuote(vendor, secret, request, decline, 1), after.toMillis(), TimeUnit.MILLISECONDS);
            return ResponseEntity.accepted().build();
        }
        if (java.util.Set.of("IMMIGRATION_COUNSEL", "IMMIGRATION_COUNSEL_INFORMATION", "TEMPORARY_HOUSING", "HOUSEHOLD_SHIPMENT",
                        "PAYROLL_INSTRUCTION", "TAX_BRIEFING", "BENEFITS_ENROLMENT", "HOME_SEARCH", "SCHOOL_SEARCH", "DESTINATION_SERVICES",
                        "LANGUAGE_TRAINING", "PARTNER_SUPPORT", "EAP_ENROLMENT")
                .contains(request.serviceType())) {
            boolean refuse = how == Answer.REFUSE;
            if (refuse && !refusable(request.serviceType())) {
                return ResponseEntity.accepted().build(); // a service nobody may refuse: the refusing vendor stays silent
            }
            if (how == Answer.NORMAL && !request.serviceType().endsWith("_INFORMATION")) {
                // a vendor answering normally first acknowledges the order (its acknowledgement SLA)
                scheduler.schedule(() -> acknowledge(vendor, secret, request, 1), 0, TimeUnit.MILLISECONDS);
            }
            boolean overInvoice = "over".equalsIgnoreCase(invoiceParameter);
            scheduler.schedule(() -> answer(vendor, secret, request, refuse, overInvoice, 1), after.toMillis(), TimeUnit.MILLISECONDS);
        }
        return ResponseEntity.accepted().build();
    }

    private static boolean refusable(String serviceType) {
        return serviceType.startsWith("IMMIGRATION_COUNSEL") || ServiceType.valueOf(serviceType).mayBeRefused();
    }

    private void answer(String vendor, String secret, VendorRequest request, boolean refuse, boolean overInvoice, int attempt) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("reference", request.reference());
        boolean counsel = request.serviceType().startsWith("IMMIGRATION_COUNSEL");
        if (refuse) {
            callback.put("status", "REFUSED");
            callback.put("note", "Simulated refusal: no capacity for this order");
        } else {
            callback.put("status", counsel ? "APPROVED" : "CONFIRMED");
        }
        callback.put("vendorReference", vendor.toUpperCase() + "-" + request.reference().substring(3));
        java.util.regex.Matcher quoted = ACCEPTED_QUOTE.matcher(request.detail() == null ? "" : request.detail());
        if (!refuse && quoted.find()) {
            // invoiced at the accepted quote's price (10% above it when told to overcharge)
            BigDecimal price = new BigDecimal(quoted.group(1));
            callback.put("costAmount", overInvoice ? price.multiply(new BigDecimal("1.10")).setScale(2, java.math.RoundingMode.HALF_EVEN) : price);
            callback.put("costCurrency", quoted.group(2));
        } else if (!refuse && COSTS.containsKey(request.serviceType())) {
            callback.put("costAmount", COSTS.get(request.serviceType()));
            callback.put("costCurrency", "EUR");
        }
        if (counsel && !refuse) {
            callback.put("permitNumber", "PRM-" + request.reference().substring(3));
            callback.put("validFrom", request.startDate().toString());
            // a permanent transfer without an end date: the simulator grants five years
            callback.put("validUntil", (request.endDate() == null ? request.startDate().plusYears(5) : request.endDate()).toString());
        }
        try {
            byte[] body = json.writeValueAsBytes(callback);
            // signed afresh on every attempt: a new timestamp and a new one-time nonce
            Map<String, String> signature = Signatures.callbackHeaders(body, secret, clock.instant().getEpochSecond());
            http.post().uri("http://localhost:" + port + "/api/vendor-callbacks/" + vendor)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> signature.forEach(h::set))
                    .body(body).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            // 409: the case is not waiting yet or a concurrent step won; 5xx: a transient failure. A vendor retries both.
            if ((e.getStatusCode().value() == 409 || e.getStatusCode().is5xxServerError()) && attempt < 30) {
                scheduler.schedule(() -> answer(vendor, secret, request, refuse, overInvoice, attempt + 1), 1, TimeUnit.SECONDS);
            } else {
                log.warn("Simulated {} callback for {} failed: HTTP {}", vendor, request.reference(), e.getStatusCode().value());
            }
        } catch (Exception e) {
            log.warn("Simulated {} callback for {} failed: {}", vendor, request.reference(), e.getClass().getSimpleName());
        }
    }

    /** ACKNOWLEDGED, retried a few times while the order is not yet marked sent (409); never after the answer. */
    private void acknowledge(String vendor, String secret, VendorRequest request, int attempt) {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("reference", request.reference(), "status", "ACKNOWLEDGED"));
            Map<String, String> signature = Signatures.callbackHeaders(body, secret, clock.instant().getEpochSecond());
            http.post().uri("http://localhost:" + port + "/api/vendor-callbacks/" + vendor)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> signature.forEach(h::set))
                    .body(body).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 409 && attempt < 10) {
                scheduler.schedule(() -> acknowledge(vendor, secret, request, attempt + 1), 200, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            log.debug("Simulated {} acknowledgement for {} failed: {}", vendor, request.reference(), e.getClass().getSimpleName());
        }
    }

    /** Quotes the stay at the vendor's NIGHT rate (none: 150.00 a night) in its currency, or declines it. */
    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile("(\\d+) (m³|hours)");

    /**
     * A simulated quote: a stay at the vendor's nightly rate (150.00 without one) for its nights; anything else at the
     * vendor's per-order rate plus its per-m³ or per-hour rate for the volume or hours the request names (500.00
     * without rates).
     */
    static BigDecimal quotePrice(ServiceType type, VendorRequest request, List<org.relocation.vendor.VendorRate> rates) {
        if (type == ServiceType.TEMPORARY_HOUSING) {
            long nights = java.time.temporal.ChronoUnit.DAYS.between(request.startDate(), request.endDate());
            BigDecimal nightly = rates.stream().filter(r -> r.getUnit() == org.relocation.vendor.VendorRate.Unit.NIGHT).findFirst()
                    .map(org.relocation.vendor.VendorRate::getUnitPrice).orElse(new BigDecimal("150.00"));
            return nightly.multiply(BigDecimal.valueOf(nights)).setScale(2, java.math.RoundingMode.HALF_EVEN);
        }
        java.util.regex.Matcher m = QUANTITY.matcher(request.detail() == null ? "" : request.detail());
        BigDecimal quantity = m.find() ? new BigDecimal(m.group(1)) : BigDecimal.ZERO;
        BigDecimal price = BigDecimal.ZERO;
        for (org.relocation.vendor.VendorRate r : rates) {
            switch (r.getUnit()) {
                case ORDER -> price = price.add(r.getUnitPrice());
                case CUBIC_METRE, HOUR -> price = price.add(r.getUnitPrice().multiply(quantity));
                default -> { }
            }
        }
        return (price.signum() > 0 ? price : new BigDecimal("500.00")).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private void answerQuote(String vendor, String secret, VendorRequest request, boolean decline, int attempt) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("reference", request.reference());
        if (decline) {
            callback.put("status", "DECLINED");
            callback.put("note", "Simulated refusal: no capacity for these dates");
        } else {
            ServiceType quoted = ServiceType.valueOf(request.serviceType().substring(0, request.serviceType().length() - "_QUOTE".length()));
            java.util.Optional<org.relocation.vendor.Vendor> registered = vendors.list(quoted.vendor(), null, null).stream()
                    .filter(v -> v.getCode().equals(vendor)).findFirst();
            callback.put("status", "QUOTED");
            callback.put("price", quotePrice(quoted, request, registered.map(org.relocation.vendor.Vendor::getRates).orElse(List.of())));
            callback.put("currency", registered.map(org.relocation.vendor.Vendor::getCurrency).orElse("EUR"));
            callback.put("terms", quoted == ServiceType.TEMPORARY_HOUSING ? "Free cancellation up to 7 days before arrival; cleaning weekly"
                    : "Fixed price for what was asked; valid 30 days");
        }
        try {
            byte[] body = json.writeValueAsBytes(callback);
            Map<String, String> signature = Signatures.callbackHeaders(body, secret, clock.instant().getEpochSecond());
            http.post().uri("http://localhost:" + port + "/api/vendor-callbacks/" + vendor + "/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> signature.forEach(h::set))
                    .body(body).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if ((e.getStatusCode().value() == 409 || e.getStatusCode().is5xxServerError()) && attempt < 30) {
                scheduler.schedule(() -> answerQuote(vendor, secret, request, decline, attempt + 1), 1, TimeUnit.SECONDS);
            } else {
                log.warn("Simulated {} quote for {} failed: HTTP {}", vendor, request.reference(), e.getStatusCode().value());
            }
        } catch (Exception e) {
            log.warn("Simulated {} quote for {} failed: {}", vendor, request.reference(), e.getClass().getSimpleName());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
