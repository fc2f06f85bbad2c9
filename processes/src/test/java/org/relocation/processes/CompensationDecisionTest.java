package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * The decision table {@code relocation-compensation}: compensation and tax approach, payroll delivery with the host
 * share and the shadow payroll flag, rule by rule.
 */
class CompensationDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-compensation";

  @ParameterizedTest(name = "{1} {2}, international={3}, {4} -> {5}: {6} {7} {8} {9} {10} ({0})")
  @CsvSource(nullValues = "null", value = {
      "rule-domestic,                    PERMANENT_TRANSFER,          STANDARD,   false, DE,   DE,   HOST_BASED, LAISSEZ_FAIRE, HOME,  0,   false",
      "rule-domestic,                    SHORT_TERM,                  CORE,       false, GB,   GB,   HOST_BASED, LAISSEZ_FAIRE, HOME,  0,   false",
      "rule-short-term,                  SHORT_TERM,                  CORE,       true,  DE,   GB,   HOME_BASED, EQUALISATION,  HOME,  0,   true",
      "rule-extended-business-traveller, EXTENDED_BUSINESS_TRAVELLER, TRAVELLER,  true,  US,   IN,   HOME_BASED, PROTECTION,    HOME,  0,   true",
      "rule-long-term-executive,         LONG_TERM,                   EXECUTIVE,  true,  DE,   NL,   HOME_BASED, EQUALISATION,  SPLIT, 40,  false",
      "rule-long-term-within-eurozone,   LONG_TERM,                   STANDARD,   true,  DE,   NL,   HYBRID,     PROTECTION,    SPLIT, 50,  false",
      "rule-long-term-within-eurozone,   LONG_TERM,                   STANDARD,   true,  FR,   DE,   HYBRID,     PROTECTION,    SPLIT, 50,  false",
      "rule-long-term,                   LONG_TERM,                   STANDARD,   true,  DE,   GB,   HOME_BASED, EQUALISATION,  SPLIT, 50,  false",
      "rule-long-term,                   LONG_TERM,                   CORE,       true,  NL,   FR,   HOME_BASED, EQUALISATION,  SPLIT, 50,  false",
      "rule-permanent-transfer,          PERMANENT_TRANSFER,          EXECUTIVE,  true,  GB,   SG,   HOST_BASED, LAISSEZ_FAIRE, HOST,  100, false",
      "rule-local-hire,                  LOCAL_HIRE,                  LOCAL_PLUS, true,  BR,   JP,   HOST_BASED, LAISSEZ_FAIRE, HOST,  100, false",
      "rule-otherwise,                   LONG_TERM,                   STANDARD,   null,  DE,   null, HOME_BASED, LAISSEZ_FAIRE, HOME,  0,   false",
      "rule-otherwise,                   null,                        null,       null,  null, null, HOME_BASED, LAISSEZ_FAIRE, HOME,  0,   false",
  })
  void compensation(String ruleId, String assignmentType, String policyTier, Boolean international, String homeCountry,
                    String hostCountry, String compensationApproach, String taxApproach, String payrollDelivery,
                    int hostSharePercent, boolean shadowPayroll) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("policyTier", policyTier);
    variables.put("international", international);
    variables.put("homeCountry", homeCountry);
    variables.put("hostCountry", hostCountry);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries outputs = result.getSingleResult();
    assertThat(outputs.keySet()).containsExactlyInAnyOrder("compensationApproach", "taxApproach", "payrollDelivery",
        "hostSharePercent", "shadowPayroll");
    assertThat((String) outputs.getEntry("compensationApproach")).isEqualTo(compensationApproach);
    assertThat((String) outputs.getEntry("taxApproach")).isEqualTo(taxApproach);
    assertThat((String) outputs.getEntry("payrollDelivery")).isEqualTo(payrollDelivery);
    assertThat((Integer) outputs.getEntry("hostSharePercent")).isEqualTo(hostSharePercent);
    assertThat((Boolean) outputs.getEntry("shadowPayroll")).isEqualTo(shadowPayroll);
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "compensation");
  }
}
