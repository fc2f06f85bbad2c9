package org.relocation.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The vendor register through the HTTP API: only HR administration and finance manage it, every bad input is a 400
 * naming the field with nothing written, the callback secret is never returned; orders go to the registered vendor
 * covering the case (the host city's before the country's, then the earliest registered, active ones only), whose
 * secret verifies their callbacks; the simulator answers for each vendor as its endpoint says (refuse, never).
 * Vendors here serve cities no other test's case is in, so the other tests' orders still go to the configured endpoints.
 */
@ServerTest
class VendorRegisterTest {

    @LocalServerPort
    int port;

    @Autowired
    ServiceOrderRepository orders;

    @Autowired
    VendorRegister register;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String simulator(String code, String answer) {
        return "http://localhost:{local-port}/simulator/" + code + "?answer=" + answer;
    }

    private ObjectNode vendor(String code, String service, String country, String city, String answer) {
        ObjectNode v = Api.JSON.createObjectNode();
        v.put("code", code);
        v.put("name", "Vendor " + code);
        v.put("service", service);
        v.put("country", country);
        if (city != null) {
            v.put("city", city);
        }
        v.put("currency", "EUR");
        v.putArray("rates").addObject().put("unit", "NIGHT").put("unitPrice", "145.00");
        v.put("acknowledgementHours", 4);
        v.put("confirmationBusinessDays", 2);
        v.put("deliveryBusinessDays", 10);
        v.put("endpointUrl", simulator(code, answer));
        v.put("callbackSecret", "secret-of-" + code + "-0123456789");
        return v;
    }

    private JsonNode registered(ObjectNode body) {
        ResponseEntity<JsonNode> r = Api.as(port, "hradmin").post("/api/vendors", body);
        assertThat(r.getStatusCode().value()).as("POST /api/vendors: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    @Test
    void onlyHrAdministrationAndFinanceManageTheRegisterAndTheSecretIsNeverShown() {
        String code = unique("reg");
        ObjectNode body = vendor(code, "housing", "PT", "Porto", "normal");
        for (String user : List.of("employee", "specialist", "manager", "admin", "owner")) {
            assertThat(Api.as(port, user).get("/api/vendors").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/vendors", body).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).get("/api/vendors").getStatusCode().value()).isEqualTo(401);
        assertThat(register.list(null, null, null)).noneMatch(v -> v.getCode().equals(code));

        JsonNode created = registered(body);
        long id = created.get("id").asLong();
        assertThat(created.get("code").asText()).isEqualTo(code);
        assertThat(created.get("service").asText()).isEqualTo("housing");
        assertThat(created.get("city").asText()).isEqualTo("Porto");
        assertThat(created.get("rates").get(0).get("unit").asText()).isEqualTo("NIGHT");
        assertThat(created.get("rates").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("145");
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("createdBy").asText()).isEqualTo("hradmin");
        assertThat(created.get("callbackSecretSet").asBoolean()).isTrue();
        assertThat(created.has("callbackSecret")).isFalse();
        assertThat(created.toString()).doesNotContain("secret-of-" + code);

        Api finance = Api.as(port, "finance");
        JsonNode got = finance.get("/api/vendors/" + id).getBody();
        assertThat(got.toString()).doesNotContain("secret-of-" + code);
        assertThat(finance.get("/api/vendors?service=housing&country=PT").getBody().get("vendors").findValuesAsText("code")).contains(code);
        assertThat(finance.get("/api/vendors?service=moving&country=PT").getBody().get("vendors").findValuesAsText("code")).doesNotContain(code);

        // an update without a secret keeps the stored one; finance changed it
        ObjectNode change = body.deepCopy();
        change.remove("code");
        change.remove("callbackSecret");
        change.put("name", "Porto Homes Lda " + code);
        change.withArray("rates").removeAll().addObject().put("unit", "MONTH").put("unitPrice", 3100);
        ResponseEntity<JsonNode> updated = finance.put("/api/vendors/" + id, change);
        assertThat(updated.getStatusCode().value()).as("%s", updated.getBody()).isEqualTo(200);
        assertThat(updated.getBody().get("name").asText()).isEqualTo("Porto Homes Lda " + code);
        assertThat(updated.getBody().get("updatedBy").asText()).isEqualTo("finance");
        assertThat(updated.getBody().get("rates").findValuesAsText("unit")).containsExactly("MONTH");
        assertThat(register.callbackSecret(code)).contains("secret-of-" + code + "-0123456789");
        change.put("callbackSecret", "a-new-secret-for-" + code);
        finance.put("/api/vendors/" + id, change);
        assertThat(register.callbackSecret(code)).contains("a-new-secret-for-" + code);

        ResponseEntity<JsonNode> deactivated = Api.as(port, "hradmin").post("/api/vendors/" + id + "/deactivation", Map.of());
        assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
        assertThat(deactivated.getBody().get("active").asBoolean()).isFalse();
        assertThat(finance.get("/api/vendors?country=PT&active=false").getBody().get("vendors").findValuesAsText("code")).contains(code);
        assertThat(finance.get("/api/vendors?country=PT&active=true").getBody().get("vendors").findValuesAsText("code")).doesNotContain(code);
        assertThat(finance.get("/api/vendors/999999999").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void everyBadInputIsA400NamingTheFieldAndWritesNothing() {
        String taken = unique("taken");
        registered(vendor(taken, "moving", "PT", "Braga", "normal"));
        int before = register.list(null, null, null).size();
        Api hr = Api.as(port, "hradmin");
        Map<String, Consumer<ObjectNode>> bad = new java.util.LinkedHashMap<>();
        bad.put("service", v -> v.put("service", "catering"));
        bad.put("country", v -> v.put("country", "XX"));
        bad.put("currency", v -> v.put("currency", "EURO"));
        bad.put("rates[0].unitPrice", v -> ((ObjectNode) v.withArray("rates").get(0)).put("unitPrice", "-1.00"));
        bad.put("endpointUrl", v -> v.put("endpointUrl", "ftp://orders.example/x"));
        bad.put("callbackSecret", v -> v.remove("callbackSecret"));
        bad.put("code", v -> v.put("code", taken));
        bad.put("name", v -> v.put("name", "vendor " + taken.toUpperCase()));
        bad.put("acknowledgementHours", v -> v.put("acknowledgementHours", 0));
        bad.put("deliveryBusinessDays", v -> v.put("deliveryBusinessDays", 1));
        bad.put("rates", v -> v.putArray("rates"));
        bad.put("rates[1].unit", v -> v.withArray("rates").addObject().put("unit", "NIGHT").put("unitPrice", 1));
        bad.put("city", v -> v.put("city", " "));
        bad.put("unit", v -> v.withArray("rates").removeAll().addObject().put("unit", "WEEK").put("unitPrice", 1));
        for (Map.Entry<String, Consumer<ObjectNode>> e : bad.entrySet()) {
            ObjectNode v = vendor(unique("bad"), "housing", "PT", "Coimbra", "normal");
            e.getValue().accept(v);
            ResponseEntity<JsonNode> r = hr.post("/api/vendors", v);
            assertThat(r.getStatusCode().value()).as("%s: %s", e.getKey(), r.getBody()).isEqualTo(400);
            assertThat(r.getBody().toString()).as(e.getKey()).contains(e.getKey());
        }
        // a category's name is the configured endpoint's callback path
        ResponseEntity<JsonNode> reserved = hr.post("/api/vendors", vendor("housing", "housing", "PT", "Faro", "normal"));
        assertThat(reserved.getStatusCode().value()).isEqualTo(400);
        assertThat(reserved.getBody().toString()).contains("code");
        ResponseEntity<JsonNode> badFilter = hr.get("/api/vendors?service=catering&country=pt");
        assertThat(badFilter.getStatusCode().value()).isEqualTo(400);
        assertThat(badFilter.getBody().toString()).contains("service").contains("country");
        // an update with a bad field changes nothing
        long id = register.list("moving", "PT", null).stream().filter(x -> x.getCode().equals(taken)).findFirst().orElseThrow().getId();
        ObjectNode change = vendor(taken, "moving", "PT", "Braga", "normal");
        change.remove("code");
        change.put("name", "Renamed " + taken);
        ((ObjectNode) change.withArray("rates").get(0)).put("unitPrice", -5);
        assertThat(hr.put("/api/vendors/" + id, change).getStatusCode().value()).isEqualTo(400);
        assertThat(register.get(id).getName()).isEqualTo("Vendor " + taken);
        assertThat(register.list(null, null, null)).hasSize(before);
    }

    @Test
    void theHostCitysVendorComesBeforeTheCountrysThenTheEarliestActiveOne() {
        String country = registered(vendor(unique("is-all"), "housing", "IS", null, "normal")).get("code").asText();
        String early = registered(vendor(unique("is-rvk1"), "housing", "IS", "Reykjavik", "normal")).get("code").asText();
        String late = registered(vendor(unique("is-rvk2"), "housing", "IS", "Reykjavik", "normal")).get("code").asText();
        assertThat(register.choose(ServiceType.TEMPORARY_HOUSING, "IS", "reykjavik ")).map(Vendor::getCode).contains(early);
        assertThat(register.choose(ServiceType.TEMPORARY_HOUSING, "IS", "Akureyri")).map(Vendor::getCode).contains(country);
        assertThat(register.choose(ServiceType.HOUSEHOLD_SHIPMENT, "IS", "Reykjavik")).isEmpty();
        register.deactivate(register.choose(ServiceType.TEMPORARY_HOUSING, "IS", "Reykjavik").orElseThrow().getId(), "hradmin");
        assertThat(register.choose(ServiceType.TEMPORARY_HOUSING, "IS", "Reykjavik")).map(Vendor::getCode).contains(late);
    }

    @Test
    void anOrderToARefusingVendorIsRefusedAndOneToASilentVendorStaysOpenWhileAnotherIsAnswered() {
        // case 1: its housing vendor refuses
        String refusing = unique("refuses");
        long refusingId = registered(vendor(refusing, "housing", "NL", "Refusetown", "refuse")).get("id").asLong();
        long refusedCase = openToKickoff("Refusetown");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(housing(refusedCase).getStatus()).isEqualTo(ServiceOrder.Status.REFUSED));
        ServiceOrder refused = housing(refusedCase);
        assertThat(refused.getVendorId()).isEqualTo(refusingId);
        assertThat(refused.getVendor()).isEqualTo(refusing);
        assertThat(refused.getVendorNote()).contains("refusal");
        assertThat(orders.findByCaseIdOrderById(refusedCase)).filteredOn(o -> o.getServiceType() == ServiceType.IMMIGRATION_COUNSEL)
                .as("no registered counsel covers it: the configured endpoint").allMatch(o -> o.getVendorId() == null && o.getVendor().equals("immigration-counsel"));

        // case 2: its housing vendor never answers (a deactivated one of the city is not chosen; a second active one would
        // have the stay quoted instead, HousingQuotesTest); its moving vendor answers
        String inactive = unique("inactive");
        register.deactivate(registered(vendor(inactive, "housing", "NL", "Silenceville", "normal")).get("id").asLong(), "hradmin");
        String silent = unique("silent");
        long silentId = registered(vendor(silent, "housing", "NL", "Silenceville", "never")).get("id").asLong();
        String movers = unique("movers");
        long moversId = registered(vendor(movers, "moving", "NL", "Silenceville", "normal")).get("id").asLong();
        long silentCase = openToKickoff("Silenceville");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(shipment(silentCase).getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED));
        assertThat(shipment(silentCase).getVendorId()).isEqualTo(moversId);
        assertThat(housing(silentCase).getVendorId()).isEqualTo(silentId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> housing(silentCase).getStatus() == ServiceOrder.Status.SENT);

        // its callbacks are verified with the secret of the vendor the order went to
        String reference = housing(silentCase).getReference();
        String confirm = "{\"reference\":\"" + reference + "\",\"status\":\"CONFIRMED\",\"vendorReference\":\"S-1\"}";
        Api vendor = Api.anonymous(port);
        assertThat(vendor.postRaw("/api/vendor-callbacks/housing", confirm, signed(confirm, "demo-housing-secret")).getStatusCode().value())
                .as("the configured endpoint did not get this order").isEqualTo(404);
        assertThat(vendor.postRaw("/api/vendor-callbacks/" + silent, confirm, signed(confirm, "demo-housing-secret")).getStatusCode().value())
                .as("another vendor's secret").isEqualTo(401);
        assertThat(housing(silentCase).getStatus()).isEqualTo(ServiceOrder.Status.SENT);
        // (409 while the process is not yet waiting for it: a vendor retries, signing afresh)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(vendor.postRaw("/api/vendor-callbacks/" + silent, confirm,
                signed(confirm, "secret-of-" + silent + "-0123456789")).getStatusCode().value()).isEqualTo(202));
        assertThat(housing(silentCase).getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
        JsonNode view = Api.as(port, "specialist").caseDetails(silentCase).get("serviceOrders");
        assertThat(view.findValuesAsText("vendor")).contains(silent, movers);
    }

    private long openToKickoff(String hostCity) {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "DE", "DE", "NL", "LONG_TERM", "250000");
        intake.put("hostCity", hostCity);
        JsonNode c = specialist.openCase(intake);
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(c.get("id").asLong(), caseNumber);
        specialist.completeTask(caseNumber, "record-kickoff-call", Api.vars("kickoffDate", "2026-12-01", "kickoffAttendees", "Team",
                "kickoffNotes", "Scope agreed with the employee"));
        long id = c.get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.findByCaseIdOrderById(id).stream()
                .anyMatch(o -> o.getServiceType() == ServiceType.TEMPORARY_HOUSING));
        return id;
    }

    private ServiceOrder housing(long caseId) {
        return of(caseId, ServiceType.TEMPORARY_HOUSING);
    }

    private ServiceOrder shipment(long caseId) {
        return of(caseId, ServiceType.HOUSEHOLD_SHIPMENT);
    }

    private ServiceOrder of(long caseId, ServiceType type) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == type).findFirst().orElseThrow();
    }

    private static Map<String, String> signed(String body, String secret) {
        return org.relocation.vendor.Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), secret, Instant.now().getEpochSecond());
    }
}
