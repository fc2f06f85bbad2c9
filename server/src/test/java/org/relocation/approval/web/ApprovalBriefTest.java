package org.relocation.approval.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.relocationcase.Money;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relocation.Api.vars;

/**
 * The approval brief as the approval forms read it ({@code brief}, a Json form value): amounts with separators in the
 * case and the reporting currency, the variance against the budget with its share, what changed since the previous
 * estimate version, the approvals already given and why each approval is needed.
 */
@ServerTest
class ApprovalBriefTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void amountsHaveSeparatorsAndTheCurrencysDecimals() {
        assertThat(ApprovalBrief.format(Money.of("1234567.5", "EUR"))).isEqualTo("EUR 1,234,567.50");
        assertThat(ApprovalBrief.format(Money.of("987654", "JPY"))).isEqualTo("JPY 987,654");
        assertThat(ApprovalBrief.format(Money.of("12.3", "USD"))).isEqualTo("USD 12.30");
        assertThat(ApprovalBrief.percent(new BigDecimal("-12500"), new BigDecimal("100000"))).isEqualTo("12.5%");
        assertThat(ApprovalBrief.label("cost-of-living-allowance")).isEqualTo("Cost-of-living allowance");
        assertThat(ApprovalBrief.label("exception-housing")).isEqualTo("Exception housing");
        assertThat(ApprovalBrief.label("LONG_TERM")).isEqualTo("Long-term assignment");
    }

    @Test
    void theFinanceBriefShowsTotalsVarianceChangesSinceVersionOneAndTheApprovalsGiven() throws Exception {
        Api specialist = Api.as(port, "specialist");
        ObjectNode intake = Api.intake("employee", "IN", "IN", "GB", "PERMANENT_TRANSFER", "60000").put("hostCity", "London");
        JsonNode created = specialist.openCase(intake);
        long id = created.get("id").asLong();
        String caseNumber = created.get("caseNumber").asText();
        specialist.awaitTask(caseNumber, "review-intake");
        ResponseEntity<JsonNode> asked = specialist.post("/api/cases/" + id + "/policy-exceptions", Map.of("category", "housing",
                "amount", "80000.00", "currency", "EUR", "policyClause", "GM-4.1", "justification", "Housing in central London"));
        assertThat(asked.getStatusCode().value()).as("%s", asked.getBody()).isEqualTo(201);
        specialist.completeTask(caseNumber, "review-intake", vars("intakeVerified", true));

        Api manager = Api.as(port, "manager");
        JsonNode first = brief(manager, manager.awaitTask(caseNumber, "approve-relocation"));
        assertThat(first.get("move").asText()).startsWith(caseNumber + ": Permanent transfer, IN → GB London");
        assertThat(first.get("estimate").asText()).startsWith("Estimate version 1 (intake");
        assertThat(first.get("lines").findValuesAsText("label")).contains("Relocation allowance").doesNotContain("relocation-allowance");
        assertThat(first.get("lines").get(0).get("caseAmount").asText()).matches("EUR \\d{1,3}(,\\d{3})*\\.\\d{2}");
        assertThat(first.get("total").asText()).matches("EUR [\\d,]+\\.\\d{2}( \\([A-Z]{3} [\\d,]+(\\.\\d+)?\\))?");
        assertThat(first.get("budget").asText()).isEqualTo("EUR 60,000.00");
        assertThat(first.get("variance").asText()).matches("EUR [\\d,]+\\.\\d{2} \\(\\d+\\.\\d%\\) (over|within) budget");
        assertThat(first.get("changes")).isEmpty();
        assertThat(first.get("changesSince").asText()).startsWith("First estimate");
        assertThat(first.get("approvals")).isEmpty();
        assertThat(first.get("needed").findValuesAsText("approval")).contains("Line manager", "HR lead", "Finance", "Second-level approver");
        assertThat(first.get("needed").findValuesAsText("reason")).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(first.get("exceptions").get(0).get("amount").asText()).isEqualTo("EUR 80,000.00");
        assertThat(manager.complete(manager.awaitTask(caseNumber, "approve-relocation"), vars("managerDecision", "approve"))
                .getStatusCode().value()).isEqualTo(204);

        Api hrLead = Api.as(port, "hrlead");
        String exceptionTask = hrLead.awaitTask(caseNumber, "approve-policy-exception");
        assertThat(brief(hrLead, exceptionTask).get("exception").asText())
                .startsWith("Exception to decide: #" + asked.getBody().get("id").asLong() + " Housing EUR 80,000.00");
        assertThat(hrLead.complete(exceptionTask, vars("exceptionDecision", "approve", "exceptionComment", "Fine")).getStatusCode().value())
                .isEqualTo(204);

        Api finance = Api.as(port, "finance");
        JsonNode second = brief(finance, finance.awaitTask(caseNumber, "approve-budget"));
        assertThat(second.get("estimate").asText()).startsWith("Estimate version 2");
        assertThat(second.get("changesSince").asText()).startsWith("Changes since version 1");
        assertThat(second.get("changes")).anySatisfy(c -> {
            assertThat(c.get("label").asText()).isEqualTo("Exception housing");
            assertThat(c.get("before").asText()).isEqualTo("new line");
            assertThat(c.get("after").asText()).isEqualTo("EUR 80,000.00");
        });
        assertThat(second.get("approvals")).anySatisfy(a -> {
            assertThat(a.get("step").asText()).isEqualTo("Line manager");
            assertThat(a.get("decision").asText()).isEqualTo("approved");
            assertThat(a.get("by").asText()).isEqualTo("manager");
            assertThat(a.get("at").asText()).endsWith("UTC");
        });
        assertThat(second.get("variance").asText()).endsWith("over budget");
    }

    /** The brief the Tasklist receives with the task's form variables: a Json value, parsed as the Tasklist does. */
    private static JsonNode brief(Api api, String taskId) throws Exception {
        JsonNode variables = api.get("/engine-rest/task/" + taskId + "/form-variables").getBody();
        assertThat(variables.get("brief").get("type").asText()).isEqualTo("Json");
        assertThat(variables.has("approvalBrief")).as("the old text dump is gone").isFalse();
        return JSON.readTree(variables.get("brief").get("value").asText());
    }
}
