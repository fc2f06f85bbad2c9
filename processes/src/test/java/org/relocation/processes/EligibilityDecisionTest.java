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
 * The decision table {@code relocation-eligibility}, row by row and at the boundaries of every range: grade exactly at
 * the minimum and one below, durations at both ends of a range and one outside, missing values.
 */
class EligibilityDecisionTest extends ProcessTestSupport {

  private static final String DECISION = ProcessModels.DECISION_ID;

  @ParameterizedTest(name = "{1}, grade {2}, {3} months, international={4} -> eligible={5} {6} ({0})")
  @CsvSource(nullValues = "null", value = {
      "rule-grade-missing,                                   SHORT_TERM,                  null, 6,    true,  false, GM-1.2, grade is required",
      "rule-grade-missing,                                   LOCAL_HIRE,                  null, null, true,  false, GM-1.2, grade is required",
      "rule-short-term,                                      SHORT_TERM,                  3,    1,    true,  true,  GM-2.1, Short-term",
      "rule-short-term,                                      SHORT_TERM,                  12,   12,   false, true,  GM-2.1, Short-term",
      "rule-short-term-grade-below-minimum,                  SHORT_TERM,                  2,    6,    true,  false, GM-2.2, grade 3",
      "rule-short-term-duration-outside,                     SHORT_TERM,                  5,    13,   true,  false, GM-2.3, 1 to 12 months",
      "rule-short-term-duration-outside,                     SHORT_TERM,                  5,    0,    true,  false, GM-2.3, 1 to 12 months",
      "rule-duration-missing,                                SHORT_TERM,                  5,    null, true,  false, GM-1.3, duration",
      "rule-long-term,                                       LONG_TERM,                   4,    12,   true,  true,  GM-3.1, long-term",
      "rule-long-term,                                       LONG_TERM,                   12,   60,   true,  true,  GM-3.1, long-term",
      "rule-long-term-domestic,                              LONG_TERM,                   6,    24,   false, false, GM-3.2, use a domestic transfer",
      "rule-long-term-grade-below-minimum,                   LONG_TERM,                   3,    24,   true,  false, GM-3.3, grade 4",
      "rule-long-term-duration-outside,                      LONG_TERM,                   6,    11,   true,  false, GM-3.4, 12 to 60 months",
      "rule-long-term-duration-outside,                      LONG_TERM,                   6,    61,   true,  false, GM-3.4, 12 to 60 months",
      "rule-duration-missing,                                LONG_TERM,                   6,    null, true,  false, GM-1.3, duration",
      "rule-international-missing,                           LONG_TERM,                   6,    24,   null,  false, GM-1.4, home and host country",
      "rule-permanent-transfer,                              PERMANENT_TRANSFER,          1,    1,    false, true,  GM-4.1, Permanent transfer",
      "rule-permanent-transfer,                              PERMANENT_TRANSFER,          7,    120,  true,  true,  GM-4.1, Permanent transfer",
      "rule-permanent-transfer-grade-below-minimum,          PERMANENT_TRANSFER,          0,    12,   true,  false, GM-4.2, grade 1",
      "rule-permanent-transfer-duration-outside,             PERMANENT_TRANSFER,          5,    0,    true,  false, GM-4.3, at least 1 month",
      "rule-duration-missing,                                PERMANENT_TRANSFER,          5,    null, false, false, GM-1.3, duration",
      "rule-local-hire,                                      LOCAL_HIRE,                  1,    24,   true,  true,  GM-5.1, Local hire",
      "rule-local-hire,                                      LOCAL_HIRE,                  5,    null, true,  true,  GM-5.1, Local hire",
      "rule-local-hire-domestic,                             LOCAL_HIRE,                  5,    24,   false, false, GM-5.2, domestic local hire",
      "rule-international-missing,                           LOCAL_HIRE,                  5,    null, null,  false, GM-1.4, home and host country",
      "rule-extended-business-traveller,                     EXTENDED_BUSINESS_TRAVELLER, 2,    1,    false, true,  GM-6.1, business travel",
      "rule-extended-business-traveller,                     EXTENDED_BUSINESS_TRAVELLER, 2,    24,   true,  true,  GM-6.1, business travel",
      "rule-extended-business-traveller-grade-below-minimum, EXTENDED_BUSINESS_TRAVELLER, 1,    6,    true,  false, GM-6.2, grade 2",
      "rule-extended-business-traveller-duration-outside,    EXTENDED_BUSINESS_TRAVELLER, 4,    25,   true,  false, GM-6.3, 1 to 24 months",
      "rule-extended-business-traveller-duration-outside,    EXTENDED_BUSINESS_TRAVELLER, 4,    0,    true,  false, GM-6.3, 1 to 24 months",
      "rule-duration-missing,                                EXTENDED_BUSINESS_TRAVELLER, 4,    null, true,  false, GM-1.3, duration",
      "rule-otherwise,                                       SECONDMENT,                  6,    12,   true,  false, GM-1.1, no policy covers this assignment",
      "rule-otherwise,                                       null,                        6,    12,   true,  false, GM-1.1, no policy covers this assignment",
  })
  void eligibility(String ruleId, String assignmentType, Integer gradeLevel, Integer durationMonths, Boolean international,
                   boolean eligible, String policyClause, String reasonFragment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("gradeLevel", gradeLevel);
    variables.put("durationMonths", durationMonths);
    variables.put("international", international);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries outputs = result.getSingleResult();
    assertThat(outputs.keySet()).containsExactlyInAnyOrder("eligible", "reason", "policyClause");
    assertThat((Boolean) outputs.getEntry("eligible")).isEqualTo(eligible);
    assertThat((String) outputs.getEntry("policyClause")).isEqualTo(policyClause);
    assertThat((String) outputs.getEntry("reason")).containsIgnoringCase(reasonFragment)
        .startsWith(eligible ? "" : "Not eligible: ");
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }

  @Test
  void aCaseWithoutAGradeVariableIsNotEligible() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", "LONG_TERM");
    variables.put("durationMonths", 24);
    variables.put("international", true);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat((Boolean) result.getSingleResult().getEntry("eligible")).isFalse();
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly("rule-grade-missing");
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "eligibility");
  }
}
