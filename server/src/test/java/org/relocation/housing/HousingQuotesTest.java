package org.relocation.housing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.policy.PolicyService;
import org.relocation.policyexception.PolicyException;
import org.relocation.policyexception.PolicyExceptionService;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.Vendor;
import org.relocation.vendor.VendorRate;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorTerms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relocation.Api.vars;

/**
 * Temporary housing by quotes, through HTTP and the demo simulator playing the vendors: each test registers housing
 * vendors for a host city of its own (so no other case sees them) and deactivates them afterwards.
 */
@ServerTest
class HousingQuotesTest {

    @LocalServerPort
    int port;
    @Autowired
    VendorRegister register;
    @Autowired
    HousingQuotes quotes;
    @Autowired
    RuntimeService runtime;
    @Autowired
    PolicyService policy;
    @Autowired
    PolicyExceptionService exceptions;
    @Autowired
    ServiceOrderRepository orders;

    private final List<Vendor> registered = new ArrayList<>();

    @AfterEach
    void deactivateTheVendors() {
        registered.forEach(v -> register.deactivate(v.getId(), "test"));
    }

    @Test
    void aVendorDeclinesOneNeverAnswersTheWaitRunsOutAndTheSpecialistChoosesTheQuoteReceived() {
        String city = city();
        Vendor cheap = vendor(city, "normal", "1.00");
        Vendor refusing = vendor(city, "refuse", "1.00");
        Vendor silent = vendor(city, "never", "1.00");
        Case c = caseInHousing(city);
        int nights = policy.allowances(c.id()).temporaryHousingNights();
        assertThat(nights).as("the policy grants temporary housing nights to this case").isPositive();

        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.number(), "choose-housing-quote"); // after the 4 s wait: the silent vendor holds it up
        List<HousingQuote> asked = quotes.ofCase(c.id());
        assertThat(asked).extracting(HousingQuote::getVendorId).containsExactly(cheap.getId(), refusing.getId(), silent.getId());
        assertThat(asked).extracting(HousingQuote::getStatus)
                .containsExactly(HousingQuote.Status.RECEIVED, HousingQuote.Status.DECLINED, HousingQuote.Status.EXPIRED);
        HousingQuote received = asked.get(0);
        assertThat(received.getPrice()).as("the simulator quotes its nightly rate for the policy's nights")
                .isEqualByComparingTo(BigDecimal.valueOf(nights));
        assertThat(received.getNights()).isEqualTo(nights);
        assertThat(received.getEndDate()).isEqualTo(received.getStartDate().plusDays(nights));

        JsonNode form = specialist.get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(form.toString()).as("the form compares the quotes").contains(received.getReference(), asked.get(1).getReference(),
                cheap.getName(), "declined", "expired");

        ResponseEntity<JsonNode> unknown = specialist.complete(task, vars("chosenQuote", "HQ-NOT-A-QUOTE"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().toString()).contains("chosenQuote", received.getReference());
        ResponseEntity<JsonNode> declined = specialist.complete(task, vars("chosenQuote", asked.get(1).getReference()));
        assertThat(declined.getStatusCode().value()).isEqualTo(400);
        assertThat(declined.getBody().toString()).contains("chosenQuote", "declined");
        ResponseEntity<JsonNode> expired = specialist.complete(task, vars("chosenQuote", asked.get(2).getReference()));
        assertThat(expired.getStatusCode().value()).isEqualTo(400);
        assertThat(quotes.ofCase(c.id())).as("nothing written by a refused choice").extracting(HousingQuote::getStatus)
                .containsExactly(HousingQuote.Status.RECEIVED, HousingQuote.Status.DECLINED, HousingQuote.Status.EXPIRED);

        specialist.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", received.getReference()));
        assertThat(quotes.ofCase(c.id()).get(0).getStatus()).isEqualTo(HousingQuote.Status.CHOSEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder order = housingOrder(c.id());
            assertThat(order.getVendorId()).as("the chosen vendor receives the order").isEqualTo(cheap.getId());
            assertThat(order.getDetail()).contains(nights + " nights", received.getReference());
            assertThat(order.getStatus()).as("the simulator confirms it").isEqualTo(ServiceOrder.Status.CONFIRMED);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey("relocation-housing").processInstanceBusinessKey(c.number()).count()).isZero());
    }

    @Test
    void aQuoteOverTheCapNeedsAnApprovedTemporaryHousingException() {
        String city = city();
        Vendor dear = vendor(city, "normal", "5000.00");
        Vendor cheap = vendor(city, "normal", "1.00");
        Case c = caseInHousing(city);
        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.number(), "choose-housing-quote"); // both answered: no wait for the timer
        HousingQuote over = quotes.ofCase(c.id()).get(0);
        assertThat(over.getVendorId()).isEqualTo(dear.getId());
        BigDecimal cap = quotes.cap(c.id());
        assertThat(over.getPrice()).isGreaterThan(cap);

        ResponseEntity<JsonNode> refused = specialist.complete(task, vars("chosenQuote", over.getReference()));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("chosenQuote", "temporary-housing", "policy exception");

        BigDecimal excess = over.getPrice().subtract(cap);
        PolicyException exception = exceptions.request(c.id(), new PolicyExceptionService.Request("temporary-housing",
                excess.toPlainString(), "EUR", "Temporary housing", "Trade fair week: no cheaper stay"), "specialist");
        assertThat(specialist.complete(task, vars("chosenQuote", over.getReference())).getStatusCode().value())
                .as("an exception requested, not yet approved, does not do").isEqualTo(400);
        exceptions.decide(exception.getId(), true, "Approved for the fair", "hrlead");

        specialist.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", over.getReference()));
        assertThat(quotes.ofCase(c.id())).extracting(HousingQuote::getStatus)
                .containsExactly(HousingQuote.Status.CHOSEN, HousingQuote.Status.NOT_CHOSEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(housingOrder(c.id()).getVendorId()).isEqualTo(dear.getId()));
        assertThat(cheap.getId()).isNotEqualTo(dear.getId());
    }

    @Test
    void withOneVendorTheStayIsOrderedWithoutQuotes() {
        String city = city();
        Vendor only = vendor(city, "normal", "1.00");
        Case c = caseInHousing(city);
        int nights = policy.allowances(c.id()).temporaryHousingNights();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder order = housingOrder(c.id());
            assertThat(order.getVendorId()).isEqualTo(only.getId());
            assertThat(order.getDetail()).as("the order carries the policy's nights, dates and family size")
                    .contains(nights + " nights", "1 traveller");
        });
        assertThat(quotes.ofCase(c.id())).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey("relocation-housing").processInstanceBusinessKey(c.number()).count()).isZero());
    }

    private record Case(long id, String number) {
    }

    /** A case to the city (its policy decided in intake), whose housing phase is started and its kick-off call recorded. */
    private Case caseInHousing(String city) {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", city));
        Case c = new Case(created.get("id").asLong(), created.get("caseNumber").asText());
        specialist.awaitTask(c.number(), "review-intake"); // the policy is decided
        runtime.createProcessInstanceByKey("relocation-housing").businessKey(c.number())
                .setVariables(Map.of("caseId", c.id(), "employeeUserId", "employee")).execute();
        specialist.completeTask(c.number(), "record-kickoff-call",
                vars("kickoffDate", "2026-03-01", "kickoffAttendees", "Specialist, employee", "kickoffNotes", "Housing by quotes"));
        return c;
    }

    private ServiceOrder housingOrder(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream()
                .filter(o -> o.getServiceType() == org.relocation.vendor.ServiceType.TEMPORARY_HOUSING).findFirst().orElseThrow();
    }

    private Vendor vendor(String city, String answer, String nightly) {
        String code = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Vendor v = register.register(code, new VendorTerms("Stays " + code, "housing", "DE", city, "EUR",
                List.of(new VendorTerms.Rate(VendorRate.Unit.NIGHT, new BigDecimal(nightly))), 24, 2, 5,
                "http://localhost:{local-port}/simulator/" + code + "?answer=" + answer, "secret-of-" + code + "-0123456789", true), "test");
        registered.add(v);
        return v;
    }

    private static String city() {
        return "Quoteburg " + UUID.randomUUID().toString().substring(0, 6);
    }
}
