package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;

/**
 * The decision table {@code relocation-expense-routing}: who decides an expense claim, rule by rule, with the
 * threshold's edges (1000 EUR: up to it the specialist, above it finance) and a claim outside the policy at any amount.
 */
class ExpenseRoutingDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-expense-routing";

  @ParameterizedTest(name = "within policy {1}, {2} EUR -> {3} ({0})")
  @CsvSource(nullValues = "null", value = {
      "rule-outside-policy,          false, 10,       EXCEPTION",
      "rule-outside-policy,          false, 50000,    EXCEPTION",
      "rule-finance-above-threshold, true,  1000.01,  FINANCE",
      "rule-finance-above-threshold, true,  25000,    FINANCE",
      "rule-finance-above-threshold, null,  1500,     FINANCE",
      "rule-otherwise,               true,  1000,     SPECIALIST",
      "rule-otherwise,               true,  0.01,     SPECIALIST",
      "rule-otherwise,               null,  null,     SPECIALIST",
  })
  void route(String ruleId, Boolean withinPolicy, Double claimAmount, String route) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("withinPolicy", withinPolicy);
    variables.put("claimAmount", claimAmount);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().keySet()).containsExactlyInAnyOrder("route", "reason");
    assertThat((String) result.getSingleResult().getEntry("route")).isEqualTo(route);
    assertThat((String) result.getSingleResult().getEntry("reason")).isNotBlank();
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "route");
  }
}
