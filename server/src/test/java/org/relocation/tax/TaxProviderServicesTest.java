package org.relocation.tax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.ServiceOrderRepository;
import org.relocation.vendor.ServiceType;
import org.relocation.vendor.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tax provider's services of a case through HTTP, with the tax provider played by the test (host city "Manual
 * Answers" keeps the demo simulator out): the payroll phase's request-tax-briefing starts relocation-tax-services once;
 * the briefing is ordered and awaited; a callback that does not fit (unsigned 401, REFUSED 400) changes nothing; the SLA
 * breach opens the specialist's follow-up (context from the order, not for the employee); the signed confirmation
 * orders the home and host returns of each tax year, whose filing deadlines become followed key dates of the employee.
 */
@ServerTest
class TaxProviderServicesTest {

    private static final String TAX_SECRET = "demo-tax-secret";
    private static final String PAYROLL_SECRET = "demo-payroll-secret";

    @LocalServerPort
    int port;
    @Autowired
    ServiceOrderRepository orders;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaxProviderOrders taxOrders;

    @Test
    void theBriefingIsAwaitedFollowedUpAfterItsSlaAndItsAnswerOrdersTheReturnsWithTheirDeadlinesAsKeyDates() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000").put("hostCity", "Manual Answers");
        JsonNode c = specialist.openCase(intake);
        long id = c.get("id").asLong();
        String caseNumber = c.get("caseNumber").asText();
        specialist.completeTask(caseNumber, "review-intake", Api.vars("intakeVerified", true));
        specialist.approveAll(id, caseNumber);

        // the payroll phase up to request-tax-briefing, the payroll providers (home GB and host DE: a split payroll) answering by hand
        for (ServiceOrder payroll : awaitOrders(id, ServiceType.PAYROLL_INSTRUCTION, 2)) {
            accepted("payroll", PAYROLL_SECRET, "{\"reference\":\"" + payroll.getReference() + "\",\"status\":\"CONFIRMED\"}");
        }
        Api.as(port, "finance").completeTask(caseNumber, "confirm-payroll-setup", Api.vars("payrollConfirmed", true, "payrollReference", "PR-7"));

        ServiceOrder briefing = awaitOrders(id, ServiceType.TAX_BRIEFING, 1).get(0);
        assertThat(briefing.getStatus()).as("awaiting the provider").isEqualTo(ServiceOrder.Status.SENT);
        assertThat(briefing.getDetail()).startsWith("Pre-departure tax briefing (GB to DE, LONG_TERM)").doesNotContain("Test Employee", "90000");
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(TaxServicesProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        assertThat(runtime.getVariables(instance)).as("ids only").containsOnlyKeys("caseId");
        // a redelivered request-tax-briefing starts nothing more
        assertThat(taxOrders.requested(id)).contains(instance);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TaxServicesProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

        // callbacks that do not fit change nothing
        Api vendor = Api.anonymous(port);
        String refused = "{\"reference\":\"" + briefing.getReference() + "\",\"status\":\"REFUSED\",\"note\":\"No\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/tax", refused, signed(refused, TAX_SECRET)).getStatusCode().value()).isEqualTo(400);
        String confirmed = "{\"reference\":\"" + briefing.getReference() + "\",\"status\":\"CONFIRMED\",\"vendorReference\":\"TAX-9\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/tax", confirmed, Map.of()).getStatusCode().value()).isEqualTo(401);
        assertThat(vendor.postRaw("/api/vendor-callbacks/tax", confirmed, signed(confirmed, PAYROLL_SECRET)).getStatusCode().value()).isEqualTo(401);
        assertThat(orders.findById(briefing.getId()).orElseThrow().getStatus()).isEqualTo(ServiceOrder.Status.SENT);

        // the SLA (7 days) breached: the specialist follows up; the employee does not see the task
        Job sla = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(sla).as("the SLA timer").isNotNull();
        management.executeJob(sla.getId());
        String followUp = specialist.awaitTask(caseNumber, "follow-up-tax-briefing");
        assertThat(Api.as(port, "employee").get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=follow-up-tax-briefing").getBody()).as("not the employee's task").isEmpty();
        assertThat(Api.as(port, "employee").get("/engine-rest/task/" + followUp + "/form-variables").getStatusCode().value()).isNotEqualTo(200);
        JsonNode form = specialist.get("/engine-rest/task/" + followUp + "/form-variables").getBody();
        assertThat(form.get("briefing").get("value").asText()).contains(briefing.getReference(), "still awaiting");
        specialist.completeTask(caseNumber, "follow-up-tax-briefing", Api.vars("taxBriefingFollowUpNotes", "Provider chased, briefing on Tuesday"));
        assertThat(history.createHistoricVariableInstanceQuery().variableName("briefing").count()).as("context never stored").isZero();

        // the provider confirms: the returns are ordered, each deadline a key date of the employee, followed
        accepted("tax", TAX_SECRET, confirmed);
        List<ServiceOrder> returns = awaitOrders(id, ServiceType.TAX_RETURN, 6);
        assertThat(returns).extracting(ServiceOrder::getDetail).anySatisfy(d -> assertThat(d)
                .isEqualTo("HOME tax return GB 2026 (2026-04-06 to 2027-04-05), filing deadline 2028-01-31"));
        assertThat(returns).extracting(ServiceOrder::getStatus).containsOnly(ServiceOrder.Status.CONFIRMED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndActivityId())
                        .isEqualTo("tax-returns-ordered"));
        List<Map<String, Object>> keyDates = jdbc.queryForList("SELECT kind, due_date, process_instance_id FROM case_key_date "
                + "WHERE case_id = ? AND kind LIKE 'tax-return-due-%' ORDER BY kind", id);
        assertThat(keyDates).extracting(k -> k.get("KIND") + " " + k.get("DUE_DATE")).containsExactly(
                "tax-return-due-de-2027 2028-07-31", "tax-return-due-de-2028 2029-07-31", "tax-return-due-de-2029 2030-07-31",
                "tax-return-due-gb-2026 2028-01-31", "tax-return-due-gb-2027 2029-01-31", "tax-return-due-gb-2028 2030-01-31");
        assertThat(keyDates).as("followed by the key-date reminders").allSatisfy(k -> assertThat(k.get("PROCESS_INSTANCE_ID")).isNotNull());
        JsonNode details = specialist.caseDetails(id);
        assertThat(details.get("keyDates").findValuesAsText("kind")).contains("tax-return-due-gb-2026", "tax-return-due-de-2027");

        // the briefing is answered once; a return's order takes no answer
        String again = confirmed.replace("TAX-9", "TAX-10");
        assertThat(vendor.postRaw("/api/vendor-callbacks/tax", again, signed(again, TAX_SECRET)).getStatusCode().value()).isEqualTo(409);
        String returnAnswer = "{\"reference\":\"" + returns.get(0).getReference() + "\",\"status\":\"CONFIRMED\"}";
        assertThat(vendor.postRaw("/api/vendor-callbacks/tax", returnAnswer, signed(returnAnswer, TAX_SECRET)).getStatusCode().value()).isEqualTo(409);
        // ordering the returns again (a redelivered task) orders nothing twice and keeps one key date each
        taxOrders.orderReturns(id);
        assertThat(orders.findByCaseIdOrderById(id).stream().filter(o -> o.getServiceType() == ServiceType.TAX_RETURN)).hasSize(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_key_date WHERE case_id = ? AND kind LIKE 'tax-return-due-%'",
                Long.class, id)).isEqualTo(6);
    }

    /** A vendor retries (signed afresh) while the case is not waiting yet (409). */
    private void accepted(String vendor, String secret, String body) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.anonymous(port)
                .postRaw("/api/vendor-callbacks/" + vendor, body, signed(body, secret)).getStatusCode().is2xxSuccessful()).isTrue());
    }

    private List<ServiceOrder> awaitOrders(long caseId, ServiceType type, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(orders(caseId, type)).hasSize(count)
                .allSatisfy(o -> assertThat(o.getStatus()).isNotEqualTo(ServiceOrder.Status.NEW)));
        return orders(caseId, type);
    }

    private List<ServiceOrder> orders(long caseId, ServiceType type) {
        return orders.findByCaseIdOrderById(caseId).stream().filter(o -> o.getServiceType() == type).toList();
    }

    private static Map<String, String> signed(String body, String secret) {
        return Signatures.callbackHeaders(body.getBytes(StandardCharsets.UTF_8), secret, java.time.Instant.now().getEpochSecond());
    }
}
