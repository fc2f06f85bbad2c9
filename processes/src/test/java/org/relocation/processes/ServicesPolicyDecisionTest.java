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
 * The decision table {@code relocation-services-policy} (hit policy COLLECT): which services at destination a case
 * gets, rule by rule, with each service's allowance (m³, days, hours, persons), for whom it is ordered and its language.
 */
class ServicesPolicyDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-services-policy";

  @ParameterizedTest(name = "{1} {2} intl={3} partner={4} school-age={5} family={6} language differs={7}: {9}")
  @CsvSource(nullValues = "null", value = {
      // matched rules; type; tier; international; partner; school-age children; family size; language differs; host language; service/scope/quantity/unit/language ...
      "rule-household-goods-long rule-home-search rule-school-search rule-destination-services rule-language-training rule-partner-support rule-eap-enrolment,"
          + " LONG_TERM, STANDARD, true, true, 2, 4, true, de,"
          + " household-goods/case/60/m3/null home-search/case/2/days/null school-search/school-age-child/1/search/en"
          + " destination-services/case/3/items/null language-training/family/40/hours/de partner-support/partner/10/hours/null"
          + " eap-enrolment/family/4/persons/null",
      "rule-household-goods-long rule-home-search rule-destination-services rule-language-training rule-partner-support rule-eap-enrolment,"
          + " PERMANENT_TRANSFER, EXECUTIVE, true, true, 0, 2, true, nl,"
          + " household-goods/case/50/m3/null home-search/case/3/days/null destination-services/case/3/items/null"
          + " language-training/family/60/hours/nl partner-support/partner/20/hours/null eap-enrolment/family/2/persons/null",
      "rule-household-goods-long rule-home-search rule-school-search rule-destination-services rule-eap-enrolment,"
          + " LONG_TERM, STANDARD, true, false, 1, 2, false, en,"
          + " household-goods/case/40/m3/null home-search/case/2/days/null school-search/school-age-child/1/search/en"
          + " destination-services/case/3/items/null eap-enrolment/family/2/persons/null",
      "rule-household-goods-long rule-home-search rule-school-search,"
          + " LONG_TERM, STANDARD, false, false, 1, 3, false, de,"
          + " household-goods/case/50/m3/null home-search/case/2/days/null school-search/school-age-child/1/search/de",
      "rule-household-goods-short rule-school-search rule-destination-services rule-eap-enrolment,"
          + " SHORT_TERM, CORE, true, true, 1, 3, true, fr,"
          + " household-goods/case/15/m3/null school-search/school-age-child/1/search/en destination-services/case/3/items/null"
          + " eap-enrolment/family/3/persons/null",
      "rule-destination-services rule-eap-enrolment, SHORT_TERM, CORE, true, false, 0, 1, true, fr,"
          + " destination-services/case/3/items/null eap-enrolment/family/1/persons/null",
      "rule-destination-services, LOCAL_HIRE, LOCAL_PLUS, true, false, 0, 1, true, de, destination-services/case/3/items/null",
      "none, EXTENDED_BUSINESS_TRAVELLER, TRAVELLER, true, true, 1, 3, true, de, none",
      "none, SHORT_TERM, CORE, false, false, 0, 1, false, de, none",
  })
  void services(String ruleIds, String assignmentType, String policyTier, Boolean international, Boolean partner,
                Integer schoolAgeChildren, Integer familySize, Boolean languageDiffers, String hostLanguage, String services) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("policyTier", policyTier);
    variables.put("international", international);
    variables.put("partner", partner);
    variables.put("schoolAgeChildren", schoolAgeChildren);
    variables.put("familySize", familySize);
    variables.put("languageDiffers", languageDiffers);
    variables.put("hostLanguage", hostLanguage);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).extracting(DmnDecisionResultEntries::keySet)
        .allSatisfy(keys -> assertThat(keys).containsExactlyInAnyOrder("service", "scope", "quantity", "unit", "language", "quote"));
    // quotes among vendors: the household-goods shipment and the language training, no other service
    assertThat(result).allSatisfy(r -> assertThat(r.<Boolean>getEntry("quote")).as(r.<String>getEntry("service"))
        .isEqualTo(List.of("household-goods", "language-training").contains(r.<String>getEntry("service"))));
    List<String> rows = result.stream().map(r -> r.getEntry("service") + "/" + r.getEntry("scope") + "/" + r.getEntry("quantity")
        + "/" + r.getEntry("unit") + "/" + r.getEntry("language")).toList();
    assertThat(rows).containsExactlyElementsOf("none".equals(services) ? List.of() : Arrays.asList(services.trim().split("\\s+")));
    assertThat(DecisionTables.matchedRuleIds(DECISION))
        .containsExactlyElementsOf(DecisionTables.NO_RULE.equals(ruleIds) ? List.of() : Arrays.asList(ruleIds.trim().split("\\s+")));
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "services");
  }
}
