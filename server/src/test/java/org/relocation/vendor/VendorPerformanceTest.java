package org.relocation.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.TestCases;
import org.relocation.relocationcase.CaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendor performance against a hand-computed set of orders of 2025 with fixed timestamps, vendors in DE (German public
 * holidays: Good Friday 18 and Easter Monday 21 April, Whit Monday 9 June, 3 October). Only HR administration, finance
 * and admins read it; bad parameters are 400s naming them.
 *
 * <p>Vendor "slow" (confirmation 2 business days, delivery 5, 1000.00 EUR per ORDER), moving orders:
 * <pre>
 *  o1 Mon 03-03 09:00 confirmed 03-03 15:00   6.00 h  due 03-05 on time   1100 EUR  delivered 03-10 (due 03-10) on time, rated 5
 *  o2 Thu 04-17 10:00 confirmed 04-23 10:00 144.00 h  due 04-23 on time    900 EUR  delivered 04-30 (due 04-28) late,    rated 2
 *  o3 Mon 06-02 08:00 refused   06-02 09:30   1.50 h  not measured
 *  o4 Fri 06-06 12:00 confirmed 06-12 12:00 144.00 h  due 06-11 late      1000 USD (other currency: left out)
 *  o5 Mon 09-01 09:00 never answered                  due 09-03 late
 *  o6 Wed 10-01 09:00 confirmed 10-02 09:00  24.00 h  due 10-06 on time   1300 EUR  delivered 10-08 (due 10-09) on time, rated 3
 *  outside the period: 2024-12-31 23:00 and 2026-01-01 00:30
 * </pre>
 * orders 6, refusals 1, answered 5: hours 1.50 6.00 24.00 144.00 144.00, p50 (rank 3) 24.00, p90 (rank 5) 144.00;
 * confirmations due 5, on time 3: 0.600; deliveries 3, on time 2: 0.667; cost 3 in EUR, average 1100.00, against 1000.00:
 * 1.100; ratings 3, average 3.33; worst (0.600 below 0.80). Vendor "fast": one order confirmed in 2 hours, rated 4: 1.000.
 * One order to the configured moving endpoint: answered in 2 hours, no SLA figures.
 */
@ServerTest
class VendorPerformanceTest {

    private static final String PERIOD = "/api/vendors/performance?from=2025-01-01&to=2025-12-31&service=moving";

    @LocalServerPort
    int port;

    @Autowired
    ServiceOrderRepository orders;

    @Autowired
    VendorRegister register;

    @Autowired
    ServiceDeliveries deliveries;

    @Autowired
    CaseService cases;

    private static boolean seeded;
    private static String slow;
    private static String fast;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        long caseId = TestCases.recordOnly(cases).getId();
        String run = UUID.randomUUID().toString().substring(0, 6);
        slow = "slow-" + run;
        fast = "fast-" + run;
        Vendor s = register.register(slow, VendorOrders.terms(slow, "moving", "DE", 2, 5, new BigDecimal("1000.00")), "test");
        Vendor f = register.register(fast, VendorOrders.terms(fast, "moving", "DE", 2, 5, new BigDecimal("1000.00")), "test");
        ServiceType moving = ServiceType.HOUSEHOLD_SHIPMENT;
        ServiceOrder.Status confirmed = ServiceOrder.Status.CONFIRMED;
        ServiceOrder o1 = VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, s, "2025-03-03T09:00:00Z"),
                confirmed, "2025-03-03T15:00:00Z", "1100.00", "EUR");
        ServiceOrder o2 = VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, s, "2025-04-17T10:00:00Z"),
                confirmed, "2025-04-23T10:00:00Z", "900.00", "EUR");
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, s, "2025-06-02T08:00:00Z"),
                ServiceOrder.Status.REFUSED, "2025-06-02T09:30:00Z", null, null);
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, s, "2025-06-06T12:00:00Z"),
                confirmed, "2025-06-12T12:00:00Z", "1000.00", "USD");
        VendorOrders.sent(orders, caseId, moving, s, "2025-09-01T09:00:00Z");
        ServiceOrder o6 = VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, s, "2025-10-01T09:00:00Z"),
                confirmed, "2025-10-02T09:00:00Z", "1300.00", "EUR");
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, s, "2024-12-31T23:00:00Z"),
                ServiceOrder.Status.REFUSED, "2025-01-01T00:10:00Z", null, null);
        VendorOrders.sent(orders, caseId, moving, s, "2026-01-01T00:30:00Z");
        ServiceOrder good = VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, f, "2025-05-05T09:00:00Z"),
                confirmed, "2025-05-05T11:00:00Z", "1000.00", "EUR");
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, moving, null, "2025-05-05T09:00:00Z"),
                confirmed, "2025-05-05T11:00:00Z", null, null);
        ServiceDeliveries.Actor employee = new ServiceDeliveries.Actor("employee", false);
        deliveries.confirm(caseId, o1.getReference(), new ServiceDeliveries.Confirmation(LocalDate.parse("2025-03-10"), 5, null), employee);
        deliveries.confirm(caseId, o2.getReference(), new ServiceDeliveries.Confirmation(LocalDate.parse("2025-04-30"), 2, "late"), employee);
        deliveries.confirm(caseId, o6.getReference(), new ServiceDeliveries.Confirmation(LocalDate.parse("2025-10-08"), 3, null), employee);
        deliveries.confirm(caseId, good.getReference(), new ServiceDeliveries.Confirmation(LocalDate.parse("2025-05-12"), 4, null), employee);
        seeded = true;
    }

    private static JsonNode row(JsonNode report, String vendor) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("vendor").asText().equals(vendor)) {
                return r;
            }
        }
        throw new AssertionError("no row of " + vendor + " in " + report);
    }

    private static List<String> vendors(JsonNode report) {
        List<String> all = new ArrayList<>();
        report.get("rows").forEach(r -> all.add(r.get("vendor").asText()));
        return all;
    }

    @Test
    void figuresMatchTheHandComputedOrdersAndTheWorstComeFirst() {
        ResponseEntity<JsonNode> r = Api.as(port, "finance").get(PERIOD);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        JsonNode report = r.getBody();
        assertThat(report.get("from").asText()).isEqualTo("2025-01-01");
        assertThat(report.get("to").asText()).isEqualTo("2025-12-31");
        JsonNode s = row(report, slow);
        assertThat(s.get("vendorName").asText()).isEqualTo("Vendor " + slow);
        assertThat(s.get("configuredEndpoint").asBoolean()).isFalse();
        assertThat(s.get("service").asText()).isEqualTo("moving");
        assertThat(s.get("serviceType").asText()).isEqualTo("HOUSEHOLD_SHIPMENT");
        assertThat(s.get("orders").asInt()).isEqualTo(6);
        assertThat(s.get("refusals").asInt()).isEqualTo(1);
        assertThat(s.get("answered").asInt()).isEqualTo(5);
        assertThat(s.get("responseHoursP50").decimalValue()).isEqualByComparingTo("24.00");
        assertThat(s.get("responseHoursP90").decimalValue()).isEqualByComparingTo("144.00");
        assertThat(s.get("confirmationBusinessDays").asInt()).isEqualTo(2);
        assertThat(s.get("confirmationsDue").asInt()).isEqualTo(5);
        assertThat(s.get("confirmationsOnTime").asInt()).isEqualTo(3);
        assertThat(s.get("confirmationOnTimeRate").decimalValue()).isEqualByComparingTo("0.600");
        assertThat(s.get("deliveriesConfirmed").asInt()).isEqualTo(3);
        assertThat(s.get("deliveriesOnTime").asInt()).isEqualTo(2);
        assertThat(s.get("deliveryOnTimeRate").decimalValue()).isEqualByComparingTo("0.667");
        assertThat(s.get("currency").asText()).isEqualTo("EUR");
        assertThat(s.get("costedOrders").asInt()).isEqualTo(3);
        assertThat(s.get("averageCost").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(s.get("contractRatePerOrder").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(s.get("costToContractRatio").decimalValue()).isEqualByComparingTo("1.100");
        assertThat(s.hasNonNull("costToQuoteRatio")).as("costToQuoteRatio absent").isFalse();
        assertThat(s.get("ratings").asInt()).isEqualTo(3);
        assertThat(s.get("averageRating").decimalValue()).isEqualByComparingTo("3.33");
        assertThat(s.get("worst").asBoolean()).isTrue();

        JsonNode f = row(report, fast);
        assertThat(f.get("orders").asInt()).isEqualTo(1);
        assertThat(f.get("responseHoursP50").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(f.get("confirmationOnTimeRate").decimalValue()).isEqualByComparingTo("1.000");
        assertThat(f.get("averageRating").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(f.get("worst").asBoolean()).isFalse();

        JsonNode endpoint = row(report, "moving");
        assertThat(endpoint.get("configuredEndpoint").asBoolean()).isTrue();
        assertThat(endpoint.hasNonNull("vendorId")).as("vendorId absent").isFalse();
        assertThat(endpoint.hasNonNull("confirmationOnTimeRate")).as("confirmationOnTimeRate absent").isFalse();
        assertThat(endpoint.get("confirmationsDue").asInt()).isZero();
        assertThat(endpoint.get("worst").asBoolean()).isFalse();

        List<String> order = vendors(report);
        assertThat(order.indexOf(slow)).as("worst first: %s", order).isLessThan(order.indexOf(fast));
        assertThat(order.indexOf(fast)).as("unknown on-time rate last: %s", order).isLessThan(order.indexOf("moving"));

        // a period without the slow vendor's 2025 orders: none of them
        JsonNode other = Api.as(port, "hradmin").get("/api/vendors/performance?from=2024-01-01&to=2024-12-31&service=moving").getBody();
        assertThat(row(other, slow).get("orders").asInt()).isEqualTo(1);
        assertThat(row(other, slow).get("refusals").asInt()).isEqualTo(1);
        assertThat(row(other, slow).get("confirmationsDue").asInt()).isZero();
    }

    /**
     * Cost against quote, hand-computed: quoted 1000.00 EUR invoiced 1000.00 EUR, quoted 2000.00 EUR invoiced 2150.00 EUR,
     * quoted 500.00 EUR invoiced 600.00 USD (another currency: left out), no quote invoiced 800.00 EUR (left out):
     * (1000 + 2150) / (1000 + 2000) = 1.050.
     */
    @Test
    void costAgainstQuoteIsTheInvoicesOverTheQuotesInTheQuoteCurrency() {
        long caseId = TestCases.recordOnly(cases).getId();
        String code = "quoted-" + UUID.randomUUID().toString().substring(0, 6);
        Vendor v = register.register(code, VendorOrders.terms(code, "housing", "DE", 2, 5, new BigDecimal("900.00")), "test");
        ServiceType housing = ServiceType.TEMPORARY_HOUSING;
        ServiceOrder.Status confirmed = ServiceOrder.Status.CONFIRMED;
        VendorOrders.answered(orders, VendorOrders.quoted(orders, VendorOrders.sent(orders, caseId, housing, v, "2025-02-03T09:00:00Z"),
                "1000.00", "EUR"), confirmed, "2025-02-03T12:00:00Z", "1000.00", "EUR");
        VendorOrders.answered(orders, VendorOrders.quoted(orders, VendorOrders.sent(orders, caseId, housing, v, "2025-03-03T09:00:00Z"),
                "2000.00", "EUR"), confirmed, "2025-03-03T12:00:00Z", "2150.00", "EUR");
        VendorOrders.answered(orders, VendorOrders.quoted(orders, VendorOrders.sent(orders, caseId, housing, v, "2025-04-03T09:00:00Z"),
                "500.00", "EUR"), confirmed, "2025-04-03T12:00:00Z", "600.00", "USD");
        VendorOrders.answered(orders, VendorOrders.sent(orders, caseId, housing, v, "2025-05-05T09:00:00Z"),
                confirmed, "2025-05-05T12:00:00Z", "800.00", "EUR");

        JsonNode report = Api.as(port, "finance").get("/api/vendors/performance?from=2025-01-01&to=2025-12-31&service=housing").getBody();
        JsonNode row = row(report, code);
        assertThat(row.get("orders").asInt()).isEqualTo(4);
        assertThat(row.get("costToQuoteRatio").decimalValue()).isEqualByComparingTo("1.050");
        assertThat(row.get("costedOrders").asInt()).as("the EUR invoices").isEqualTo(3);
        assertThat(row.get("costToContractRatio").decimalValue()).as("(1000 + 2150 + 800) / 3 / 900").isEqualByComparingTo("1.463");
    }

    @Test
    void csvHasAHeaderAndOneLinePerRowWithTheSameFigures() {
        String csv = Api.as(port, "hradmin").getText(PERIOD + "&format=csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("vendor_id,vendor,vendor_name,configured_endpoint,service,service_type,orders,refusals,answered,"
                + "response_hours_p50,response_hours_p90,confirmation_business_days,confirmations_due,confirmations_on_time,"
                + "confirmation_on_time_rate,delivery_business_days,deliveries_confirmed,deliveries_on_time,delivery_on_time_rate,currency,"
                + "costed_orders,average_cost,contract_rate_per_order,cost_to_contract_ratio,cost_to_quote_ratio,ratings,average_rating,worst");
        String line = java.util.Arrays.stream(lines).filter(l -> l.contains("," + slow + ",")).findFirst().orElseThrow();
        assertThat(line.substring(line.indexOf(',') + 1)).isEqualTo(slow + ",Vendor " + slow + ",false,moving,HOUSEHOLD_SHIPMENT,6,1,5,24.00,144.00,"
                + "2,5,3,0.600,5,3,2,0.667,EUR,3,1100.00,1000.00,1.100,,3,3.33,true");
        String endpoint = java.util.Arrays.stream(lines).filter(l -> l.startsWith(",moving,")).findFirst().orElseThrow();
        assertThat(endpoint).startsWith(",moving,,true,moving,HOUSEHOLD_SHIPMENT,1,0,1,2.00,2.00,,0,0,,,0,0,,,0,,,,,0,,false");
        JsonNode json = Api.as(port, "admin").get(PERIOD).getBody();
        assertThat(lines).hasSize(json.get("rows").size() + 1);
    }

    @Test
    void onlyHrAdministrationFinanceAndAdminsReadIt() {
        for (String user : List.of("employee", "specialist", "manager", "owner")) {
            assertThat(Api.as(port, user).getStatus(PERIOD)).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).getStatus(PERIOD + "&format=csv")).as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous(port).getStatus(PERIOD)).isEqualTo(401);
        for (String user : List.of("hradmin", "finance", "admin")) {
            assertThat(Api.as(port, user).getStatus("/api/vendors/performance")).as(user).isEqualTo(200);
        }
    }

    @Test
    void badParametersAre400sNamingThem() {
        Api finance = Api.as(port, "finance");
        assertBad(finance, "/api/vendors/performance?from=2025-13-01", "from");
        assertBad(finance, "/api/vendors/performance?from=yesterday", "from");
        assertBad(finance, "/api/vendors/performance?to=2025-02-30", "to");
        assertBad(finance, "/api/vendors/performance?from=2025-06-01&to=2025-05-31", "to");
        assertBad(finance, "/api/vendors/performance?from=2015-01-01&to=2025-01-01", "to");
        assertBad(finance, "/api/vendors/performance?service=catering", "service");
        assertBad(finance, "/api/vendors/performance?format=xml", "format");
    }

    private static void assertBad(Api api, String path, String field) {
        ResponseEntity<JsonNode> r = api.get(path);
        assertThat(r.getStatusCode().value()).as("%s: %s", path, r.getBody()).isEqualTo(400);
        assertThat(r.getBody().get("fieldErrors").has(field)).as("%s: %s", path, r.getBody()).isTrue();
    }
}
