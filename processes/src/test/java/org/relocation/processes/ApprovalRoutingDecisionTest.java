package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * The decision table {@code relocation-approval-routing} (hit policy COLLECT): which rules match, and so which approvals
 * (in table order, duplicates kept) a case needs. Thresholds are tested at the amount and one cent above. Amounts in EUR.
 */
class ApprovalRoutingDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-approval-routing";

  @ParameterizedTest(name = "{1}: estimate {2}, budget {3}, {4} exceptions of {5} -> {6}")
  @CsvSource(nullValues = "null", value = {
      // matched rules,                                                         type,               estimate,  budget, exc., exc. amount, approvals
      "rule-manager,                                                            LONG_TERM,          50000,     80000,  0,    0,           manager",
      "rule-manager,                                                            LONG_TERM,          80000,     80000,  0,    0,           manager",
      "rule-manager rule-finance-over-budget,                                   LONG_TERM,          80000.01,  80000,  0,    0,           manager finance",
      "rule-manager rule-finance-no-budget,                                     SHORT_TERM,         20000,     null,   0,    0,           manager finance",
      "rule-manager,                                                            LONG_TERM,          150000,    200000, 0,    0,           manager",
      "rule-manager rule-finance-above-threshold,                               LONG_TERM,          150000.01, 200000, 0,    0,           manager finance",
      "rule-manager rule-hr-lead-exceptions,                                    SHORT_TERM,         30000,     80000,  1,    5000,        manager hr-lead",
      "rule-manager,                                                            PERMANENT_TRANSFER, 100000,    120000, 0,    0,           manager",
      "rule-manager rule-second-level-permanent-transfer,                       PERMANENT_TRANSFER, 100000.01, 120000, 0,    0,           manager second-level",
      "rule-manager,                                                            LONG_TERM,          100000.01, 120000, 0,    0,           manager",
      "rule-manager rule-hr-lead-exceptions,                                    LONG_TERM,          50000,     80000,  2,    25000,       manager hr-lead",
      "rule-manager rule-hr-lead-exceptions rule-finance-exception-amount,      LONG_TERM,          50000,     80000,  2,    25000.01,    manager hr-lead finance",
      "rule-manager rule-finance-over-budget rule-finance-above-threshold rule-hr-lead-exceptions rule-second-level-permanent-transfer rule-finance-exception-amount, PERMANENT_TRANSFER, 200000, 150000, 3, 30000, manager finance finance hr-lead second-level finance",
      "rule-manager,                                                            LOCAL_HIRE,         null,      10000,  null, null,        manager",
  })
  void approvalRouting(String ruleIds, String assignmentType, Double estimateAmount, Double budgetAmount,
                       Integer exceptionCount, Double exceptionAmount, String approvals) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("estimateAmount", estimateAmount);
    variables.put("budgetAmount", budgetAmount);
    variables.put("exceptionCount", exceptionCount);
    variables.put("exceptionAmount", exceptionAmount);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).extracting(DmnDecisionResultEntries::keySet)
        .allSatisfy(keys -> assertThat(keys).containsExactlyInAnyOrder("approval", "reason"));
    assertThat(result.collectEntries("approval")).containsExactlyElementsOf(Arrays.asList(approvals.split("\\s+")));
    assertThat(result.<String>collectEntries("reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactlyElementsOf(List.of(ruleIds.split("\\s+")));
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "approvalRouting");
  }
}
