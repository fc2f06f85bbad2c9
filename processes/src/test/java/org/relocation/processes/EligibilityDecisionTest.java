package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.history.HistoricDecisionInstance;

/** The decision table {@code relocation-eligibility}, row by row and at the boundaries of every range. */
class EligibilityDecisionTest extends ProcessTestSupport {

  @ParameterizedTest(name = "{0}, {1} months, international={2} -> eligible={3} ({4})")
  @CsvSource(nullValues = "null", value = {
      "SHORT_TERM,         1,    true,  true,  rule-short-term",
      "SHORT_TERM,         12,   false, true,  rule-short-term",
      "SHORT_TERM,         13,   true,  false, rule-otherwise",
      "SHORT_TERM,         0,    true,  false, rule-otherwise",
      "LONG_TERM,          11,   true,  false, rule-otherwise",
      "LONG_TERM,          12,   true,  true,  rule-long-term",
      "LONG_TERM,          60,   false, true,  rule-long-term",
      "LONG_TERM,          61,   true,  false, rule-otherwise",
      "PERMANENT_TRANSFER, 1,    false, true,  rule-permanent-transfer",
      "PERMANENT_TRANSFER, 120,  true,  true,  rule-permanent-transfer",
      "PERMANENT_TRANSFER, 0,    true,  false, rule-otherwise",
      "LOCAL_HIRE,         24,   true,  true,  rule-local-hire",
      "LOCAL_HIRE,         null, true,  true,  rule-local-hire",
      "LOCAL_HIRE,         24,   false, false, rule-otherwise",
      "SECONDMENT,         12,   true,  false, rule-otherwise",
      "SHORT_TERM,         null, true,  false, rule-otherwise",
  })
  void eligibility(String assignmentType, Integer durationMonths, Boolean international, boolean eligible, String ruleId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("durationMonths", durationMonths);
    variables.put("international", international);

    DmnDecisionResult result = ENGINE.getDecisionService()
        .evaluateDecisionByKey(ProcessModels.DECISION_ID)
        .variables(variables)
        .evaluate();

    assertThat(result).hasSize(1);
    assertThat((Boolean) result.getSingleEntry()).isEqualTo(eligible);
    List<HistoricDecisionInstance> history = ENGINE.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ProcessModels.DECISION_ID).includeOutputs().list();
    assertThat(history).singleElement()
        .satisfies(decision -> assertThat(decision.getOutputs()).singleElement()
            .satisfies(output -> assertThat(output.getRuleId()).isEqualTo(ruleId)));
  }
}
