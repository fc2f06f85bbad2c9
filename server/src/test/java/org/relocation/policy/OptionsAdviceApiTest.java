package org.relocation.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Options advice: every assignment type side by side for a draft intake or an existing case, eligibility with its
 * reason and clause, lines and totals of the eligible ones, deterministic, nothing written; bad drafts and roles.
 */
@ServerTest
class OptionsAdviceApiTest {

    private static final List<String> TYPES = List.of("SHORT_TERM", "LONG_TERM", "PERMANENT_TRANSFER", "LOCAL_HIRE", "EXTENDED_BUSINESS_TRAVELLER");

    @LocalServerPort
    int port;

    /** A 24-month draft (2027-03-01 to 2029-02-28), grade 6, from the UK to Germany. */
    private static ObjectNode draft() {
        return Api.intake("employee", "IN", "GB", "DE", "LONG_TERM", "250000");
    }

    private JsonNode advise(Api api, Object intake) {
        ResponseEntity<JsonNode> r = api.post("/api/options-advice", intake);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private static JsonNode option(JsonNode advice, String type) {
        for (JsonNode o : advice.get("options")) {
            if (o.get("assignmentType").asText().equals(type)) {
                return o;
            }
        }
        throw new AssertionError("no option " + type + " in " + advice);
    }

    private long caseCount() {
        ResponseEntity<JsonNode> r = Api.as(port, "admin").get("/api/cases?size=1");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody().get("totalItems").asLong();
    }

    private void assertBadRequest(ResponseEntity<JsonNode> r, String... fields) {
        assertThat(r.getStatusCode().value()).as("response %s", r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        for (String field : fields) {
            assertThat(r.getBody().get("fieldErrors").has(field)).as("%s in fieldErrors %s", field, r.getBody()).isTrue();
        }
    }

    @Test
    void aDraftGetsEveryAssignmentTypeInOrderWithEligibilityLinesAndTotals() {
        JsonNode advice = advise(Api.as(port, "specialist"), draft());
        assertThat(advice.get("durationMonths").asInt()).isEqualTo(24);
        assertThat(advice.get("travellers").asInt()).isEqualTo(1);
        assertThat(advice.get("budget").get("amount").decimalValue()).isEqualByComparingTo("250000");
        assertThat(advice.get("budget").get("currency").asText()).isEqualTo("EUR");
        assertThat(advice.get("options").findValuesAsText("assignmentType")).containsExactlyElementsOf(TYPES);

        assertIneligible(option(advice, "SHORT_TERM"), "1 to 12 months");
        // extended business travel lasts 1 to 24 months (policy GM-6.1): 24 months still qualify, 25 do not
        JsonNode traveller = option(advice, "EXTENDED_BUSINESS_TRAVELLER");
        assertThat(traveller.get("eligible").asBoolean()).isTrue();
        assertThat(traveller.get("policyClause").asText()).isEqualTo("GM-6.1");
        assertThat(traveller.get("lines").findValuesAsText("category")).contains("travel").doesNotContain("household-goods");
        JsonNode longer = advise(Api.as(port, "specialist"), draft().put("endDate", "2029-03-31"));
        assertThat(longer.get("durationMonths").asInt()).isEqualTo(25);
        assertIneligible(option(longer, "SHORT_TERM"), "1 to 12 months");
        assertIneligible(option(longer, "EXTENDED_BUSINESS_TRAVELLER"), "1 to 24 months");
        assertThat(option(longer, "LONG_TERM").get("eligible").asBoolean()).isTrue();

        JsonNode longTerm = option(advice, "LONG_TERM");
        assertThat(longTerm.get("eligible").asBoolean()).isTrue();
        assertThat(longTerm.get("policyTier").asText()).isNotBlank();
        assertThat(longTerm.get("lines")).isNotEmpty();
        assertThat(longTerm.get("lines").findValuesAsText("category")).contains("relocation-allowance", "travel", "cost-of-living-allowance");
        assertLinesAddUp(longTerm, "EUR");
        assertThat(longTerm.get("exceedsBudget").asBoolean()).isFalse();

        JsonNode permanent = option(advice, "PERMANENT_TRANSFER");
        assertThat(permanent.get("eligible").asBoolean()).isTrue();
        assertThat(permanent.get("lines").findValuesAsText("category")).isNotEmpty().doesNotContain("cost-of-living-allowance");
        assertLinesAddUp(permanent, "EUR");
    }

    private static void assertIneligible(JsonNode o, String reason) {
        String type = o.get("assignmentType").asText();
        assertThat(o.get("eligible").asBoolean()).as(type).isFalse();
        assertThat(o.get("reason").asText()).as(type).startsWith("Not eligible").contains(reason);
        assertThat(o.get("policyClause").asText()).as(type).isNotBlank();
        assertThat(o.get("lines")).as(type).isEmpty();
        assertThat(o.hasNonNull("total")).as(type).isFalse();
        assertThat(o.hasNonNull("reportingTotal")).as(type).isFalse();
        assertThat(o.hasNonNull("policyTier")).as(type).isFalse();
    }

    /** The lines are in the budget currency and the totals are their sums (in the budget and the reporting currency). */
    private static void assertLinesAddUp(JsonNode option, String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal reporting = BigDecimal.ZERO;
        for (JsonNode l : option.get("lines")) {
            assertThat(l.get("currency").asText()).as("%s", l).isEqualTo(currency);
            assertThat(l.get("amount").decimalValue()).as("%s", l).isPositive();
            assertThat(l.get("basis").asText()).isNotBlank();
            sum = sum.add(l.get("amount").decimalValue());
            reporting = reporting.add(l.get("reportingAmount").decimalValue());
        }
        assertThat(option.get("total").get("currency").asText()).isEqualTo(currency);
        assertThat(option.get("total").get("amount").decimalValue()).isEqualByComparingTo(sum).isPositive();
        assertThat(option.get("reportingTotal").get("currency").asText()).isEqualTo("EUR");
        assertThat(option.get("reportingTotal").get("amount").decimalValue()).isEqualByComparingTo(reporting).isPositive();
    }

    @Test
    void theSameDraftGivesTheSameAmountsAndNothingIsWritten() {
        Api finance = Api.as(port, "finance");
        long cases = caseCount();
        JsonNode first = advise(finance, draft());
        JsonNode second = advise(Api.as(port, "manager"), draft());
        for (String type : TYPES) {
            JsonNode a = option(first, type);
            JsonNode b = option(second, type);
            assertThat(b.get("eligible").asBoolean()).isEqualTo(a.get("eligible").asBoolean());
            if (a.get("eligible").asBoolean()) {
                assertThat(b.get("total").get("amount").decimalValue()).as(type).isEqualByComparingTo(a.get("total").get("amount").decimalValue());
                assertThat(b.get("reportingTotal").get("amount").decimalValue()).as(type)
                        .isEqualByComparingTo(a.get("reportingTotal").get("amount").decimalValue());
                assertThat(b.get("lines").findValuesAsText("category")).as(type).isEqualTo(a.get("lines").findValuesAsText("category"));
            }
        }
        // assignmentType of the draft is ignored: the advice covers every type the same way
        JsonNode asPermanent = advise(finance, draft().put("assignmentType", "PERMANENT_TRANSFER"));
        assertThat(option(asPermanent, "LONG_TERM").get("total").get("amount").decimalValue())
                .isEqualByComparingTo(option(first, "LONG_TERM").get("total").get("amount").decimalValue());
        assertThat(caseCount()).as("cases written").isEqualTo(cases);
    }

    @Test
    void aDraftWithAUsdBudgetGetsUsdLines() {
        JsonNode eur = advise(Api.as(port, "specialist"), draft());
        ObjectNode usd = draft();
        usd.put("budgetCurrency", "USD");
        JsonNode advice = advise(Api.as(port, "specialist"), usd);
        assertThat(advice.get("budget").get("currency").asText()).isEqualTo("USD");
        JsonNode longTerm = option(advice, "LONG_TERM");
        assertThat(longTerm.get("eligible").asBoolean()).isTrue();
        assertLinesAddUp(longTerm, "USD");
        // the reporting side does not depend on the budget currency beyond rounding of each line
        BigDecimal eurReporting = option(eur, "LONG_TERM").get("reportingTotal").get("amount").decimalValue();
        assertThat(longTerm.get("reportingTotal").get("amount").decimalValue()).isEqualByComparingTo(eurReporting);
        assertThat(longTerm.get("total").get("amount").decimalValue()).isGreaterThan(eurReporting); // 1 EUR buys more than 1 USD
    }

    @Test
    void anExistingCaseGetsItsOptionsWithoutANewEstimateOrLogEntry() {
        Api specialist = Api.as(port, "specialist");
        ObjectNode withPartner = draft();
        withPartner.putArray("dependents").addObject()
                .put("relationship", "PARTNER").put("fullName", "Pat Partner").put("nationality", "US").put("birthDate", "1990-05-01");
        JsonNode c = specialist.openCase(withPartner);
        long id = c.get("id").asLong();
        specialist.awaitTask(c.get("caseNumber").asText(), "review-intake");
        await().atMost(Duration.ofSeconds(30)).until(() -> specialist.get("/api/cases/" + id + "/estimates").getBody().size() > 0);
        int estimates = specialist.get("/api/cases/" + id + "/estimates").getBody().size();
        int entries = specialist.get("/api/cases/" + id + "/decision-log").getBody().get("entries").size();
        long cases = caseCount();

        ResponseEntity<JsonNode> r = Api.as(port, "hradmin").get("/api/cases/" + id + "/options");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody().get("options").findValuesAsText("assignmentType")).containsExactlyElementsOf(TYPES);
        assertThat(r.getBody().get("travellers").asInt()).isEqualTo(2);
        assertThat(r.getBody().get("durationMonths").asInt()).isEqualTo(24);
        JsonNode fromDraft = advise(specialist, withPartner);
        assertThat(fromDraft.get("travellers").asInt()).isEqualTo(2);
        assertThat(option(r.getBody(), "LONG_TERM").get("total").get("amount").decimalValue())
                .isEqualByComparingTo(option(fromDraft, "LONG_TERM").get("total").get("amount").decimalValue());

        assertThat(specialist.get("/api/cases/" + id + "/estimates").getBody().size()).isEqualTo(estimates);
        assertThat(specialist.get("/api/cases/" + id + "/decision-log").getBody().get("entries").size()).isEqualTo(entries);
        assertThat(caseCount()).isEqualTo(cases);
        assertThat(specialist.get("/api/cases/999999999/options").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badDraftsAreA400NamingEachField() {
        Api specialist = Api.as(port, "specialist");
        long cases = caseCount();
        ObjectNode noGrade = draft();
        noGrade.remove("gradeLevel");
        assertBadRequest(specialist.post("/api/options-advice", noGrade), "gradeLevel");
        assertBadRequest(specialist.post("/api/options-advice", draft().put("endDate", "2027-02-01")), "endDate");
        assertBadRequest(specialist.post("/api/options-advice", draft().put("budgetCurrency", "XYZ")), "budgetCurrency");
        ObjectNode several = draft().put("budgetCurrency", "XYZ").put("endDate", "2027-02-01").put("hostCountry", "Germany");
        several.remove("gradeLevel");
        assertBadRequest(specialist.post("/api/options-advice", several), "budgetCurrency", "endDate", "hostCountry", "gradeLevel");
        assertBadRequest(specialist.post("/api/options-advice", draft().put("budgetCurrency", "ISK")), "budgetCurrency");
        // the cost-of-living allowance is a share of the salary, in its currency: a salary currency without a rate is named as such
        ResponseEntity<JsonNode> salary = specialist.post("/api/options-advice", draft().put("baseSalaryCurrency", "ISK"));
        assertBadRequest(salary, "baseSalaryCurrency");
        assertThat(salary.getBody().get("fieldErrors").has("budgetCurrency")).as("%s", salary.getBody()).isFalse();
        ResponseEntity<JsonNode> budget = specialist.post("/api/options-advice", draft().put("budgetCurrency", "KRW"));
        assertBadRequest(budget, "budgetCurrency");
        assertThat(budget.getBody().get("fieldErrors").has("baseSalaryCurrency")).as("%s", budget.getBody()).isFalse();
        assertBadRequest(specialist.post("/api/options-advice", draft().put("budgetCurrency", "KRW").put("baseSalaryCurrency", "ISK")),
                "budgetCurrency", "baseSalaryCurrency");
        assertBadRequest(specialist.postRaw("/api/options-advice", "{", Map.of()), "body");
        assertBadRequest(specialist.post("/api/options-advice", draft().put("gradeLevel", 13)), "gradeLevel");
        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void rolesAndAuthentication() {
        assertThat(Api.anonymous(port).post("/api/options-advice", draft()).getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(port, "employee").post("/api/options-advice", draft()).getStatusCode().value()).isEqualTo(403);
        assertThat(Api.as(port, "employee2").post("/api/options-advice", draft()).getStatusCode().value()).isEqualTo(403);
        List<Integer> allowed = new ArrayList<>();
        for (String user : List.of("specialist", "manager", "finance", "hradmin", "hrlead", "director", "admin")) {
            allowed.add(Api.as(port, user).post("/api/options-advice", draft()).getStatusCode().value());
        }
        assertThat(allowed).containsOnly(200);
    }
}
