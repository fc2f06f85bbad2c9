package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;

/** The decision table {@code relocation-package}: tier, move type, core benefits and flex points, rule by rule. */
class PackageDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-package";
  private static final String EXECUTIVE_BENEFITS = "temporary-housing,household-goods,destination-services,home-search,"
      + "school-search,tax-briefing,tax-return-support,spouse-career-support,language-training";

  @ParameterizedTest(name = "{1}, grade {2}, international={3}, family {4} -> {5} {6} ({0})")
  @CsvSource(nullValues = "null", value = {
      "rule-executive,                   LONG_TERM,                   9,    true,  1,    EXECUTIVE,  MANAGED,  EXECUTIVE,                                                                                                   60",
      "rule-executive,                   LOCAL_HIRE,                  12,   true,  4,    EXECUTIVE,  MANAGED,  EXECUTIVE,                                                                                                   60",
      "rule-executive,                   PERMANENT_TRANSFER,          9,    false, 2,    EXECUTIVE,  MANAGED,  EXECUTIVE,                                                                                                   60",
      "rule-standard-family,             LONG_TERM,                   8,    true,  2,    STANDARD,   MANAGED,  'temporary-housing,household-goods,destination-services,home-search,school-search,tax-briefing,language-training', 40",
      "rule-standard-family,             PERMANENT_TRANSFER,          5,    true,  4,    STANDARD,   MANAGED,  'temporary-housing,household-goods,destination-services,home-search,school-search,tax-briefing,language-training', 40",
      "rule-standard-single,             LONG_TERM,                   5,    true,  1,    STANDARD,   MANAGED,  'temporary-housing,household-goods,destination-services,home-search,tax-briefing,language-training',               30",
      "rule-standard-single,             PERMANENT_TRANSFER,          5,    true,  null, STANDARD,   MANAGED,  'temporary-housing,household-goods,destination-services,home-search,tax-briefing,language-training',               30",
      "rule-short-term-family,           SHORT_TERM,                  8,    false, 2,    CORE,       MANAGED,  'temporary-housing,household-goods,destination-services,school-search,tax-briefing',                               20",
      "rule-short-term-single,           SHORT_TERM,                  5,    true,  1,    CORE,       LUMP_SUM, 'temporary-housing,destination-services,tax-briefing',                                                             10",
      "rule-short-term-single,           SHORT_TERM,                  5,    true,  null, CORE,       LUMP_SUM, 'temporary-housing,destination-services,tax-briefing',                                                             10",
      "rule-local-hire,                  LOCAL_HIRE,                  8,    true,  3,    LOCAL_PLUS, LUMP_SUM, 'temporary-housing,destination-services,tax-briefing',                                                             10",
      "rule-extended-business-traveller, EXTENDED_BUSINESS_TRAVELLER, 10,   true,  1,    TRAVELLER,  LUMP_SUM, 'tax-briefing,travel-support',                                                                                     0",
      "rule-domestic-permanent-transfer, PERMANENT_TRANSFER,          5,    false, 3,    CORE,       LUMP_SUM, 'temporary-housing,household-goods',                                                                               10",
      "rule-otherwise,                   LONG_TERM,                   5,    false, 1,    CORE,       LUMP_SUM, temporary-housing,                                                                                                 0",
      "rule-otherwise,                   null,                        null, null,  null, CORE,       LUMP_SUM, temporary-housing,                                                                                                 0",
  })
  void policyPackage(String ruleId, String assignmentType, Integer gradeLevel, Boolean international, Integer familySize,
                     String policyTier, String moveType, String coreBenefits, int flexPoints) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("gradeLevel", gradeLevel);
    variables.put("international", international);
    variables.put("familySize", familySize);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries outputs = result.getSingleResult();
    assertThat(outputs.keySet()).containsExactlyInAnyOrder("policyTier", "moveType", "coreBenefits", "flexPoints");
    assertThat((String) outputs.getEntry("policyTier")).isEqualTo(policyTier);
    assertThat((String) outputs.getEntry("moveType")).isEqualTo(moveType);
    assertThat((String) outputs.getEntry("coreBenefits"))
        .isEqualTo("EXECUTIVE".equals(coreBenefits) ? EXECUTIVE_BENEFITS : coreBenefits);
    assertThat((Integer) outputs.getEntry("flexPoints")).isEqualTo(flexPoints);
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "policyPackage");
  }
}
