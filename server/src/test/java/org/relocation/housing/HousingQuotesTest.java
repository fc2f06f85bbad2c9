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
import org.relocation.quote.ServiceQuote;
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
    org.operaton.bpm.engine.TaskService taskService;
    @Autowired
    PolicyService policy;
    @Autowired
    PolicyExceptionService exceptions;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    org.relocation.ledger.PaymentLedger ledger;
    @Autowired
    org.relocation.relocationcase.CaseService caseService;
    @Autowired
    org.relocation.vendor.VendorSlas slas;

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
        List<ServiceQuote> asked = quotes.ofCase(c.id());
        assertThat(asked).extracting(ServiceQuote::getVendorId).containsExactly(cheap.getId(), refusing.getId(), silent.getId());
        assertThat(asked).extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.RECEIVED, ServiceQuote.Status.DECLINED, ServiceQuote.Status.EXPIRED);
        ServiceQuote received = asked.get(0);
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
        assertThat(quotes.ofCase(c.id())).as("nothing written by a refused choice").extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.RECEIVED, ServiceQuote.Status.DECLINED, ServiceQuote.Status.EXPIRED);

        specialist.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", received.getReference()));
        assertThat(quotes.ofCase(c.id()).get(0).getStatus()).isEqualTo(ServiceQuote.Status.CHOSEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder order = housingOrder(c.id());
            assertThat(order.getVendorId()).as("the chosen vendor receives the order").isEqualTo(cheap.getId());
            assertThat(order.getDetail()).contains(nights + " nights", received.getReference());
            assertThat(order.getStatus()).as("the simulator confirms it").isEqualTo(ServiceOrder.Status.CONFIRMED);
        });
        ServiceOrder order = housingOrder(c.id());
        assertThat(order.getQuoteReference()).isEqualTo(received.getReference());
        assertThat(order.getQuotedAmount()).isEqualByComparingTo(BigDecimal.valueOf(nights));
        assertThat(order.getCostAmount()).as("the simulator invoices the quote").isEqualByComparingTo(BigDecimal.valueOf(nights));
        assertThat(order.getInvoiceCheck()).isEqualTo(ServiceOrder.InvoiceCheck.WITHIN_QUOTE);
        assertThat(vendorInvoice(c.id(), order.getReference())).as("the ledger records the invoice at once")
                .isEqualByComparingTo(BigDecimal.valueOf(nights));
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
        ServiceQuote over = quotes.ofCase(c.id()).get(0);
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
        assertThat(quotes.ofCase(c.id())).extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.CHOSEN, ServiceQuote.Status.NOT_CHOSEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(housingOrder(c.id()).getVendorId()).isEqualTo(dear.getId()));
        assertThat(cheap.getId()).isNotEqualTo(dear.getId());
        ServiceQuote notChosen = quotes.ofCase(c.id()).get(1);
        assertThat(notChosen.getNotifiedAt()).as("the vendor not chosen is told").isNotNull();
        assertThat(quotes.ofCase(c.id()).get(0).getNotifiedAt()).as("the chosen one receives the order instead").isNull();
    }

    @Test
    void whenEveryVendorDeclinesTheStayIsOrderedFromTheConfiguredEndpointWithoutAChoice() {
        String city = city();
        vendor(city, "refuse", "1.00");
        vendor(city, "refuse", "1.00");
        Case c = caseInHousing(city);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder order = housingOrder(c.id());
            assertThat(order.getVendorId()).as("no vendor left that did not decline: the configured endpoint").isNull();
            assertThat(order.getQuoteReference()).isNull();
            assertThat(order.getDetail()).contains("no quote was received");
        });
        assertThat(quotes.ofCase(c.id())).extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.DECLINED, ServiceQuote.Status.DECLINED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey("relocation-housing").processInstanceBusinessKey(c.number()).count()).as("confirmed, ended").isZero());
        assertThat(Api.as(port, "admin").caseDetails(c.id()).get("timeline").toString())
                .contains("No housing quote received (2 declined, 0 unanswered)", "the configured housing endpoint");
        assertThat(Api.as(port, "admin").get("/engine-rest/history/task?processInstanceBusinessKey=" + c.number()
                + "&taskDefinitionKey=choose-housing-quote").getBody()).as("no choice asked").isEmpty();
    }

    @Test
    void whenOneDeclinesAndTheOtherIsSilentTheSilentOneIsOrderedOnceTheWaitRunsOut() {
        String city = city();
        vendor(city, "refuse", "1.00");
        Vendor silent = vendor(city, "never", "1.00");
        Case c = caseInHousing(city);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ServiceOrder order = housingOrder(c.id());
            assertThat(order.getVendorId()).as("the first vendor asked that did not decline").isEqualTo(silent.getId());
            assertThat(order.getStatus()).isEqualTo(ServiceOrder.Status.SENT);
        });
        assertThat(quotes.ofCase(c.id())).extracting(ServiceQuote::getStatus)
                .containsExactly(ServiceQuote.Status.DECLINED, ServiceQuote.Status.EXPIRED);
        assertThat(Api.as(port, "admin").caseDetails(c.id()).get("timeline").toString())
                .contains("No housing quote received (1 declined, 1 unanswered)", silent.getName());
    }

    @Test
    void whereThePolicyLetsThemTheEmployeeChoosesTheQuote() {
        String city = city();
        vendor(city, "normal", "1.00");
        vendor(city, "normal", "2.00");
        Case c = caseInHousing(city, 10); // grade 10: the executive tier, whose allowances let the employee choose
        assertThat(quotes.employeeChooses(c.id())).isTrue();
        Api employee = Api.as(port, "employee");
        String task = employee.awaitTask(c.number(), "choose-housing-quote");
        org.operaton.bpm.engine.task.Task t = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(t.getAssignee()).as("assigned to the case's employee, from the case record").isEqualTo("employee");
        assertThat(taskService.getIdentityLinksForTask(task)).as("the specialist role is no candidate")
                .noneMatch(l -> "mobility-specialist".equals(l.getGroupId()));
        String cheapest = quotes.ofCase(c.id()).get(0).getReference();
        employee.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", cheapest));
        assertThat(quotes.ofCase(c.id()).get(0).getChosenBy()).isEqualTo("employee");
    }

    @Test
    void otherwiseTheSpecialistChooses() {
        String city = city();
        vendor(city, "normal", "1.00");
        vendor(city, "normal", "2.00");
        Case c = caseInHousing(city);
        assertThat(quotes.employeeChooses(c.id())).isFalse();
        String task = Api.as(port, "specialist").awaitTask(c.number(), "choose-housing-quote");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(task)).anyMatch(l -> "mobility-specialist".equals(l.getGroupId()));
    }

    /**
     * Hand-computed: a vendor at 2.00 a night quotes 2.00 x nights (60.00 for 30 nights) and invoices 10% above
     * (66.00, excess 6.00). Finance accepts: the ledger records 66.00.
     */
    @Test
    void anInvoiceAboveTheQuoteWaitsForFinanceWhoAcceptsTheExcess() {
        InvoiceCase c = invoiceAboveQuote();
        Api finance = Api.as(port, "finance");
        String task = finance.awaitTask(c.c().number(), "decide-invoice-excess");
        assertThat(finance.get("/engine-rest/task/" + task + "/form-variables").getBody().toString())
                .contains(c.quoted().toPlainString() + " EUR", c.invoiced().toPlainString() + " EUR", c.excess().toPlainString() + " EUR");
        badDecisions(finance, task);
        assertThat(housingOrder(c.c().id()).getInvoiceCheck()).as("nothing written by a refused decision")
                .isEqualTo(ServiceOrder.InvoiceCheck.ABOVE_QUOTE);
        finance.completeTask(c.c().number(), "decide-invoice-excess", vars("invoiceDecision", "accept", "invoiceDecisionNote", "Fair week"));
        ServiceOrder order = housingOrder(c.c().id());
        assertThat(order.getInvoiceCheck()).isEqualTo(ServiceOrder.InvoiceCheck.EXCESS_ACCEPTED);
        assertThat(order.getInvoiceDecidedBy()).isEqualTo("finance");
        assertThat(vendorInvoice(c.c().id(), order.getReference())).as("the whole invoice").isEqualByComparingTo(c.invoiced());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey("relocation-housing").processInstanceBusinessKey(c.c().number()).count()).isZero());
    }

    /** The same invoice disputed: the ledger records only the quoted 60.00, the vendor is told. */
    @Test
    void anInvoiceAboveTheQuoteDisputedRecordsTheQuotedAmount() {
        InvoiceCase c = invoiceAboveQuote();
        Api finance = Api.as(port, "finance");
        finance.completeTask(c.c().number(), "decide-invoice-excess",
                vars("invoiceDecision", "dispute", "invoiceDecisionNote", "The quote is what was agreed"));
        ServiceOrder order = housingOrder(c.c().id());
        assertThat(order.getInvoiceCheck()).isEqualTo(ServiceOrder.InvoiceCheck.DISPUTED);
        assertThat(order.getInvoiceDecisionNote()).isEqualTo("The quote is what was agreed");
        assertThat(order.getCostAmount()).as("the invoice stays on the order").isEqualByComparingTo(c.invoiced());
        assertThat(vendorInvoice(c.c().id(), order.getReference())).as("only the quoted amount").isEqualByComparingTo(c.quoted());
        JsonNode view = Api.as(port, "specialist").caseDetails(c.c().id()).get("serviceOrders");
        assertThat(view.toString()).contains("\"invoiceCheck\":\"DISPUTED\"", order.getQuoteReference());
        assertThat(Api.as(port, "employee").caseDetails(c.c().id()).get("serviceOrders").toString())
                .as("no figures for the employee").doesNotContain("invoiceCheck");
    }

    private void badDecisions(Api finance, String task) {
        Map<Map<String, Object>, String> bad = Map.of(
                vars("invoiceDecisionNote", "no decision"), "invoiceDecision",
                vars("invoiceDecision", "maybe"), "invoiceDecision",
                vars("invoiceDecision", "dispute"), "invoiceDecisionNote",
                vars("invoiceDecision", "dispute", "invoiceDecisionNote", "x".repeat(1001)), "invoiceDecisionNote");
        bad.forEach((values, field) -> {
            ResponseEntity<JsonNode> r = finance.complete(task, values);
            assertThat(r.getStatusCode().value()).as("%s", values.keySet()).isEqualTo(400);
            assertThat(r.getBody().toString()).contains(field);
        });
    }

    private record InvoiceCase(Case c, BigDecimal quoted, BigDecimal invoiced, BigDecimal excess) {
    }

    /** Two vendors invoicing 10% above their quotes; the specialist chooses the cheaper (2.00 a night); it confirms. */
    private InvoiceCase invoiceAboveQuote() {
        String city = city();
        Vendor cheaper = vendor(city, "normal&invoice=over", "2.00");
        vendor(city, "normal&invoice=over", "3.00");
        Case c = caseInHousing(city);
        int nights = policy.allowances(c.id()).temporaryHousingNights();
        assertThat(nights).isEqualTo(30);
        ServiceQuote first = awaitReceived(c, 2).get(0);
        assertThat(first.getVendorId()).isEqualTo(cheaper.getId());
        Api.as(port, "specialist").completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", first.getReference()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(housingOrder(c.id()).getInvoiceCheck()).isEqualTo(ServiceOrder.InvoiceCheck.ABOVE_QUOTE));
        ServiceOrder order = housingOrder(c.id());
        assertThat(order.getQuotedAmount()).isEqualByComparingTo("60.00");
        assertThat(order.getCostAmount()).isEqualByComparingTo("66.00");
        assertThat(order.getInvoiceExcess()).isEqualByComparingTo("6.00");
        assertThat(ledger.ofCase(c.id())).as("nothing in the ledger before finance decides")
                .noneMatch(p -> order.getReference().equals(p.getSourceReference()));
        return new InvoiceCase(c, new BigDecimal("60.00"), new BigDecimal("66.00"), new BigDecimal("6.00"));
    }

    private List<ServiceQuote> awaitReceived(Case c, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(quotes.ofCase(c.id()))
                .filteredOn(q -> q.getStatus() == ServiceQuote.Status.RECEIVED).hasSize(count));
        return quotes.ofCase(c.id());
    }

    private BigDecimal vendorInvoice(long caseId, String orderReference) {
        return ledger.ofCase(caseId).stream().filter(p -> orderReference.equals(p.getSourceReference())).findFirst().orElseThrow()
                .money().amount();
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

    /**
     * Issue 17's SLA breach with a re-quote. Four housing vendors of the city: the first three are asked; the first
     * ({@code never}: the test plays it through signed callbacks) quotes, the second declines, the third quotes. The
     * specialist chooses the first, which then stays silent past its confirmation deadline: reminded, escalated, and the
     * specialists re-quote. Its order is withdrawn, the third and fourth vendors are asked (not the silent one, nor the
     * one that declined), both quote through the simulator's signed callbacks, the fourth is chosen and confirms; the
     * silent vendor's late confirmation is refused (409) and changes nothing.
     */
    @Test
    void aChosenVendorSilentPastItsSlaIsReQuotedFromTheOtherVendorsAndReplaced() {
        String city = city();
        Vendor silent = vendor(city, "never", "1.00");
        Vendor declining = vendor(city, "refuse", "1.00");
        Vendor third = vendor(city, "normal", "2.00");
        Vendor fourth = vendor(city, "normal", "1.50");
        Case c = caseInHousing(city);
        ServiceQuote silentQuote = awaitSent(c, silent);
        answerQuote(silent, silentQuote.getReference(), "{\"reference\":\"" + silentQuote.getReference()
                + "\",\"status\":\"QUOTED\",\"price\":\"10.00\",\"currency\":\"EUR\",\"terms\":\"Breakfast included\"}");
        Api specialist = Api.as(port, "specialist");
        specialist.awaitTask(c.number(), "choose-housing-quote");
        assertThat(quotes.ofCase(c.id())).extracting(ServiceQuote::getVendorId, ServiceQuote::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple(silent.getId(), ServiceQuote.Status.RECEIVED),
                org.assertj.core.groups.Tuple.tuple(declining.getId(), ServiceQuote.Status.DECLINED),
                org.assertj.core.groups.Tuple.tuple(third.getId(), ServiceQuote.Status.RECEIVED));
        specialist.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", silentQuote.getReference()));
        await().atMost(Duration.ofSeconds(30)).until(() -> housingOrders(c.id()).stream().anyMatch(o -> o.getStatus() == ServiceOrder.Status.SENT));
        ServiceOrder breaching = housingOrders(c.id()).get(0);
        assertThat(breaching.getVendorId()).isEqualTo(silent.getId());

        // silent past its confirmation deadline: reminded, then escalated to the specialists
        escalate(breaching);
        String task = specialist.awaitTask(c.number(), "resolve-vendor-delay");
        JsonNode form = specialist.get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(form.path("delayChoices").toString()).as("re-quote offered").contains("Re-quote");
        assertThat(form.path("delay").toString()).as("and from whom: not the silent vendor, nor the one that declined")
                .contains("possible: quotes would be requested from " + third.getName() + ", " + fourth.getName() + "\\\"");

        ResponseEntity<JsonNode> requoted = specialist.complete(task, vars("vendorDelayChoice", "requote",
                "vendorDelayNotes", "The vendor does not answer; asking the others again"));
        assertThat(requoted.getStatusCode().value()).as("re-quote: %s", requoted.getBody()).isEqualTo(204);
        ServiceOrder withdrawn = orders.findById(breaching.getId()).orElseThrow();
        assertThat(withdrawn.getStatus()).isEqualTo(ServiceOrder.Status.WITHDRAWN);
        assertThat(withdrawn.isEscalationOpen()).isFalse();

        // the other vendors get new quote requests, answered through the simulator's signed callbacks
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(latestRequest(c.id()))
                .extracting(ServiceQuote::getVendorId, ServiceQuote::getStatus).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(third.getId(), ServiceQuote.Status.RECEIVED),
                        org.assertj.core.groups.Tuple.tuple(fourth.getId(), ServiceQuote.Status.RECEIVED)));
        assertThat(latestRequest(c.id())).allSatisfy(q -> assertThat(q.getSentAt()).isNotNull());
        assertThat(quotes.ofCase(c.id())).as("3 quotes asked first, 2 on the re-quote").hasSize(5);
        ServiceQuote cheaper = latestRequest(c.id()).get(1);
        assertThat(cheaper.getPrice()).isLessThan(latestRequest(c.id()).get(0).getPrice());
        specialist.awaitTask(c.number(), "choose-housing-quote");
        specialist.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", cheaper.getReference()));

        // the new vendor receives a new order and confirms it; the housing wait is over
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ServiceOrder> housing = housingOrders(c.id());
            assertThat(housing).hasSize(2);
            assertThat(housing.get(1).getVendorId()).isEqualTo(fourth.getId());
            assertThat(housing.get(1).getQuoteReference()).isEqualTo(cheaper.getReference());
            assertThat(housing.get(1).getStatus()).isEqualTo(ServiceOrder.Status.CONFIRMED);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey("relocation-housing").processInstanceBusinessKey(c.number()).count()).isZero());

        // the withdrawn order's late confirmation: 409, nothing changed
        String late = "{\"reference\":\"" + breaching.getReference() + "\",\"status\":\"CONFIRMED\"}";
        assertThat(Api.anonymous(port).postRaw("/api/vendor-callbacks/" + silent.getCode(), late, signed(late, silent))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(orders.findById(breaching.getId()).orElseThrow().getStatus()).isEqualTo(ServiceOrder.Status.WITHDRAWN);
        assertThat(Api.as(port, "admin").caseDetails(c.id()).get("timeline").toString())
                .contains("vendor-reminded", "vendor-escalated", "vendor-requoted");
    }

    /** Two vendors: the one chosen goes silent, the other declined its quote: nobody is left to quote, a 400. */
    @Test
    void aReQuoteWithNoOtherVendorToQuoteIsRefusedNamingTheFieldAndChangesNothing() {
        String city = city();
        Vendor silent = vendor(city, "never", "1.00");
        vendor(city, "refuse", "1.00");
        Case c = caseInHousing(city);
        ServiceQuote quote = awaitSent(c, silent);
        answerQuote(silent, quote.getReference(), "{\"reference\":\"" + quote.getReference()
                + "\",\"status\":\"QUOTED\",\"price\":\"10.00\",\"currency\":\"EUR\"}");
        Api specialist = Api.as(port, "specialist");
        specialist.awaitTask(c.number(), "choose-housing-quote");
        specialist.completeTask(c.number(), "choose-housing-quote", vars("chosenQuote", quote.getReference()));
        await().atMost(Duration.ofSeconds(30)).until(() -> housingOrders(c.id()).stream().anyMatch(o -> o.getStatus() == ServiceOrder.Status.SENT));
        refusedReQuote(c, housingOrders(c.id()).get(0), "No other active housing vendor");
    }

    /** A city with one housing vendor: the stay is ordered without quotes, and it cannot be re-quoted either. */
    @Test
    void whereQuotesAreNotUsedAReQuoteIsRefused() {
        String city = city();
        vendor(city, "never", "1.00");
        Case c = caseInHousing(city);
        await().atMost(Duration.ofSeconds(30)).until(() -> housingOrders(c.id()).stream().anyMatch(o -> o.getStatus() == ServiceOrder.Status.SENT));
        assertThat(quotes.ofCase(c.id())).isEmpty();
        refusedReQuote(c, housingOrders(c.id()).get(0), "No other active housing vendor");
    }

    private void refusedReQuote(Case c, ServiceOrder order, String why) {
        escalate(order);
        Api specialist = Api.as(port, "specialist");
        String task = specialist.awaitTask(c.number(), "resolve-vendor-delay");
        JsonNode form = specialist.get("/engine-rest/task/" + task + "/form-variables").getBody();
        assertThat(form.path("delayChoices").toString()).as("re-quote not offered").contains("Wait until a new date").doesNotContain("Re-quote");
        assertThat(form.path("delay").toString()).contains("not possible", why);
        ResponseEntity<JsonNode> refused = specialist.complete(task, vars("vendorDelayChoice", "requote"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("vendorDelayChoice", why);
        ServiceOrder unchanged = orders.findById(order.getId()).orElseThrow();
        assertThat(unchanged.getStatus()).as("nothing written").isEqualTo(ServiceOrder.Status.SENT);
        assertThat(unchanged.isEscalationOpen()).isTrue();
        assertThat(housingOrders(c.id())).hasSize(1);
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(c.number()).activityId("await-housing-confirmation").count())
                .as("the stay still awaits its confirmation").isEqualTo(1);
        assertThat(specialist.complete(task, vars("vendorDelayChoice", "wait", "newConfirmationDate",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString())).getStatusCode().value()).isEqualTo(204);
    }

    /**
     * The watcher, run at the engine's times past the order's confirmation deadline: its vendor is reminded (of the
     * acknowledgement, then of the confirmation) and, still silent a business day after, escalated to the specialists.
     */
    private void escalate(ServiceOrder order) {
        java.time.Instant after = order.getConfirmBy().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int run = 0; run < 4 && !orders.findById(order.getId()).orElseThrow().isEscalationOpen(); run++) {
            slas.check(after.plus(Duration.ofDays(5L * run)));
        }
        ServiceOrder escalated = orders.findById(order.getId()).orElseThrow();
        assertThat(escalated.getReminders()).as("reminded").isPositive();
        assertThat(escalated.isEscalationOpen()).as("escalated").isTrue();
    }

    private ServiceQuote awaitSent(Case c, Vendor vendor) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> quotes.ofCase(c.id()).stream()
                .anyMatch(q -> q.getVendorId().equals(vendor.getId()) && q.getSentAt() != null));
        return quotes.ofCase(c.id()).stream().filter(q -> q.getVendorId().equals(vendor.getId())).findFirst().orElseThrow();
    }

    /** The vendor's signed answer to its quote, retried while the case is not waiting yet (409, nothing recorded). */
    private void answerQuote(Vendor vendor, String reference, String body) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = Api.anonymous(port).postRaw("/api/vendor-callbacks/" + vendor.getCode() + "/quotes", body, signed(body, vendor))
                    .getStatusCode().value();
            assertThat(status).as("quote answer for %s", reference).isIn(202, 409);
            return status == 202;
        });
    }

    private static Map<String, String> signed(String body, Vendor vendor) {
        return org.relocation.vendor.Signatures.callbackHeaders(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "secret-of-" + vendor.getCode() + "-0123456789", java.time.Instant.now().getEpochSecond());
    }

    private List<ServiceQuote> latestRequest(long caseId) {
        List<ServiceQuote> all = quotes.ofCase(caseId);
        String latest = all.get(all.size() - 1).getRequestKey();
        return all.stream().filter(q -> q.getRequestKey().equals(latest)).toList();
    }

    private List<ServiceOrder> housingOrders(long caseId) {
        return orders.findByCaseIdOrderById(caseId).stream()
                .filter(o -> o.getServiceType() == org.relocation.vendor.ServiceType.TEMPORARY_HOUSING).toList();
    }

    private record Case(long id, String number) {
    }

    /** A case to the city (its policy decided in intake), whose housing phase is started and its kick-off call recorded. */
    private Case caseInHousing(String city) {
        return caseInHousing(city, 6);
    }

    private Case caseInHousing(String city, int gradeLevel) {
        Api specialist = Api.as(port, "specialist");
        JsonNode created = specialist.openCase(Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", city)
                .put("gradeLevel", gradeLevel));
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
                .filter(o -> o.getServiceType() == org.relocation.vendor.ServiceType.TEMPORARY_HOUSING).findFirst()
                .orElseThrow(() -> new AssertionError("no temporary-housing order yet for case " + caseId));
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
