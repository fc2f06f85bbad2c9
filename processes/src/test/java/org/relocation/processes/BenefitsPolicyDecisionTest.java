package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * The decision table {@code relocation-benefits-policy}: host plan or international cover (premium for executives),
 * social-security continuity (A1 in the EU/EEA/CH, certificate of coverage under a treaty, host contributions
 * otherwise) and the dependants' eligibility, rule by rule.
 */
class BenefitsPolicyDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-benefits-policy";

  @ParameterizedTest(name = "{2}->{3} {4} family {5}: {6} {7} {8} dependants={9} ({0})")
  @CsvSource(nullValues = "null", value = {
      "rule-domestic-host-plan,    false, DE,   DE,   STANDARD,  1, host-statutory, none,     DOMESTIC,                false",
      "rule-domestic-no-host-plan, false, BR,   BR,   EXECUTIVE, 2, none,           premium,  DOMESTIC,                true",
      "rule-eu-host-plan,          true,  FR,   DE,   STANDARD,  3, host-statutory, none,     A1,                      true",
      "rule-eu-no-host-plan,       true,  DE,   PT,   CORE,      2, none,           standard, A1,                      true",
      "rule-treaty-host-plan,      true,  BR,   DE,   STANDARD,  4, host-statutory, none,     CERTIFICATE_OF_COVERAGE, true",
      "rule-treaty-host-plan,      true,  GB,   DE,   STANDARD,  2, host-statutory, none,     CERTIFICATE_OF_COVERAGE, true",
      "rule-treaty-host-plan,      true,  US,   DE,   TRAVELLER, 3, host-statutory, none,     CERTIFICATE_OF_COVERAGE, false",
      "rule-treaty-no-host-plan,   true,  DE,   BR,   EXECUTIVE, 1, none,           premium,  CERTIFICATE_OF_COVERAGE, false",
      "rule-no-treaty-host-plan,   true,  IN,   SG,   STANDARD,  2, host-statutory, none,     HOST_CONTRIBUTIONS,      true",
      "rule-no-treaty-host-plan,   true,  BR,   GB,   STANDARD,  1, host-statutory, none,     HOST_CONTRIBUTIONS,      false",
      "rule-otherwise,             true,  IN,   AE,   STANDARD,  2, none,           standard, HOST_CONTRIBUTIONS,      true",
      "rule-otherwise,             null,  null, null, null,      1, none,           standard, HOST_CONTRIBUTIONS,      false",
  })
  void benefits(String ruleId, Boolean international, String homeCountry, String hostCountry, String policyTier, int familySize,
                String hostPlan, String internationalCover, String socialSecurity, boolean dependantsEligible) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("international", international);
    variables.put("homeCountry", homeCountry);
    variables.put("hostCountry", hostCountry);
    variables.put("countryPair", homeCountry + "-" + hostCountry);
    variables.put("policyTier", policyTier);
    variables.put("familySize", familySize);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries outputs = result.getSingleResult();
    assertThat(outputs.keySet()).containsExactlyInAnyOrder("hostPlan", "internationalCover", "socialSecurity", "dependantsEligible");
    assertThat((String) outputs.getEntry("hostPlan")).isEqualTo(hostPlan);
    assertThat((String) outputs.getEntry("internationalCover")).isEqualTo(internationalCover);
    assertThat((String) outputs.getEntry("socialSecurity")).isEqualTo(socialSecurity);
    assertThat((Boolean) outputs.getEntry("dependantsEligible")).isEqualTo(dependantsEligible);
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }
}
