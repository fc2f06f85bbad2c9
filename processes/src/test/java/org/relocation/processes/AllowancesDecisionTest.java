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
 * The decision table {@code relocation-allowances}: every row, the short-trip boundary (3 vs 4 months), and the rule
 * that permanent transfers and local hires get no COLA, housing allowance or home leave. Amounts in EUR.
 */
class AllowancesDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-allowances";

  @ParameterizedTest(name = "{1} {2} band {3}, {4} months ({0})")
  @CsvSource(nullValues = "null", value = {
      // rule id,                                 type,                        tier,       band, months, cola, housing, perDiem, leave, school, dest, reloc, nights, rate
      "rule-long-term-executive-band-a,           LONG_TERM,                   EXECUTIVE,  A,    24,     20,   8000,    0,       2,     35000,  6000, 15000, 60,     300",
      "rule-long-term-executive-band-b,           LONG_TERM,                   EXECUTIVE,  B,    12,     15,   6000,    0,       2,     30000,  5000, 15000, 60,     240",
      "rule-long-term-executive-band-c,           LONG_TERM,                   EXECUTIVE,  C,    60,     10,   4500,    0,       2,     25000,  4500, 15000, 60,     180",
      "rule-long-term-executive-band-d,           LONG_TERM,                   EXECUTIVE,  D,    36,     5,    3000,    0,       2,     20000,  4000, 15000, 60,     130",
      "rule-long-term-band-a,                     LONG_TERM,                   STANDARD,   A,    24,     15,   5500,    0,       1,     30000,  4000, 8000,  30,     220",
      "rule-long-term-band-b,                     LONG_TERM,                   STANDARD,   B,    24,     10,   4200,    0,       1,     25000,  3500, 8000,  30,     180",
      "rule-long-term-band-c,                     LONG_TERM,                   STANDARD,   C,    24,     6,    3200,    0,       1,     20000,  3000, 8000,  30,     140",
      "rule-long-term-band-d,                     LONG_TERM,                   STANDARD,   D,    24,     3,    2200,    0,       1,     15000,  2500, 8000,  30,     100",
      "rule-long-term-band-c,                     LONG_TERM,                   null,       C,    24,     6,    3200,    0,       1,     20000,  3000, 8000,  30,     140",
      "rule-short-trip-band-a,                    SHORT_TERM,                  CORE,       A,    3,      0,    0,       120,     0,     0,      0,    1500,  92,     220",
      "rule-short-trip-band-b,                    SHORT_TERM,                  CORE,       B,    1,      0,    0,       100,     0,     0,      0,    1500,  92,     180",
      "rule-short-trip-band-c,                    SHORT_TERM,                  CORE,       C,    2,      0,    0,       80,      0,     0,      0,    1500,  92,     140",
      "rule-short-trip-band-d,                    SHORT_TERM,                  EXECUTIVE,  D,    3,      0,    0,       60,      0,     0,      0,    1500,  92,     100",
      "rule-short-term-band-a,                    SHORT_TERM,                  CORE,       A,    4,      10,   5000,    0,       1,     15000,  2000, 4000,  30,     220",
      "rule-short-term-band-b,                    SHORT_TERM,                  CORE,       B,    12,     8,    4000,    0,       1,     12000,  1800, 4000,  30,     180",
      "rule-short-term-band-c,                    SHORT_TERM,                  CORE,       C,    6,      5,    3000,    0,       1,     10000,  1500, 4000,  30,     140",
      "rule-short-term-band-d,                    SHORT_TERM,                  CORE,       D,    null,   2,    2000,    0,       1,     8000,   1200, 4000,  30,     100",
      "rule-extended-business-traveller-band-a,   EXTENDED_BUSINESS_TRAVELLER, TRAVELLER,  A,    6,      0,    0,       150,     0,     0,      0,    0,     0,      0",
      "rule-extended-business-traveller-band-b,   EXTENDED_BUSINESS_TRAVELLER, TRAVELLER,  B,    6,      0,    0,       120,     0,     0,      0,    0,     0,      0",
      "rule-extended-business-traveller-band-c,   EXTENDED_BUSINESS_TRAVELLER, TRAVELLER,  C,    24,     0,    0,       95,      0,     0,      0,    0,     0,      0",
      "rule-extended-business-traveller-band-d,   EXTENDED_BUSINESS_TRAVELLER, TRAVELLER,  D,    1,      0,    0,       70,      0,     0,      0,    0,     0,      0",
      "rule-permanent-transfer-executive,         PERMANENT_TRANSFER,          EXECUTIVE,  D,    null,   0,    0,       0,       0,     0,      5000, 20000, 60,     220",
      "rule-permanent-transfer-band-a-b,          PERMANENT_TRANSFER,          STANDARD,   A,    null,   0,    0,       0,       0,     0,      3500, 10000, 30,     200",
      "rule-permanent-transfer-band-a-b,          PERMANENT_TRANSFER,          CORE,       B,    12,     0,    0,       0,       0,     0,      3500, 10000, 30,     200",
      "rule-permanent-transfer-band-c-d,          PERMANENT_TRANSFER,          STANDARD,   C,    null,   0,    0,       0,       0,     0,      2500, 7500,  30,     130",
      "rule-permanent-transfer-band-c-d,          PERMANENT_TRANSFER,          CORE,       D,    null,   0,    0,       0,       0,     0,      2500, 7500,  30,     130",
      "rule-local-hire-band-a-b,                  LOCAL_HIRE,                  LOCAL_PLUS, A,    null,   0,    0,       0,       0,     0,      2000, 5000,  21,     180",
      "rule-local-hire-band-a-b,                  LOCAL_HIRE,                  EXECUTIVE,  B,    null,   0,    0,       0,       0,     0,      2000, 5000,  21,     180",
      "rule-local-hire-band-c-d,                  LOCAL_HIRE,                  LOCAL_PLUS, C,    null,   0,    0,       0,       0,     0,      1500, 3500,  21,     120",
      "rule-local-hire-band-c-d,                  LOCAL_HIRE,                  LOCAL_PLUS, D,    null,   0,    0,       0,       0,     0,      1500, 3500,  21,     120",
      "rule-otherwise,                            LONG_TERM,                   STANDARD,   null, 24,     0,    0,       0,       0,     0,      0,    2000,  14,     120",
      "rule-otherwise,                            SECONDMENT,                  CORE,       A,    12,     0,    0,       0,       0,     0,      0,    2000,  14,     120",
  })
  void allowances(String ruleId, String assignmentType, String policyTier, String cityBand, Integer durationMonths,
                  double colaPercent, double housingCapMonthly, double perDiemDaily, int homeLeaveTripsPerYear,
                  double schoolingPerChildYearly, double destinationServices, double relocationAllowance,
                  int temporaryHousingNights, double temporaryHousingNightlyRate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentType", assignmentType);
    variables.put("policyTier", policyTier);
    variables.put("cityBand", cityBand);
    variables.put("durationMonths", durationMonths);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    DmnDecisionResultEntries outputs = result.getSingleResult();
    assertThat(outputs.keySet()).containsExactlyInAnyOrder("colaPercent", "housingCapMonthly", "perDiemDaily",
        "homeLeaveTripsPerYear", "schoolingPerChildYearly", "destinationServices", "relocationAllowance",
        "temporaryHousingNights", "temporaryHousingNightlyRate", "employeeChoosesHousingQuote");
    assertThat((Boolean) outputs.getEntry("employeeChoosesHousingQuote"))
        .as("the employee chooses the housing quote under executive-tier rules only").isEqualTo(ruleId.contains("executive"));
    assertThat((Double) outputs.getEntry("colaPercent")).isEqualTo(colaPercent);
    assertThat((Double) outputs.getEntry("housingCapMonthly")).isEqualTo(housingCapMonthly);
    assertThat((Double) outputs.getEntry("perDiemDaily")).isEqualTo(perDiemDaily);
    assertThat((Integer) outputs.getEntry("homeLeaveTripsPerYear")).isEqualTo(homeLeaveTripsPerYear);
    assertThat((Double) outputs.getEntry("schoolingPerChildYearly")).isEqualTo(schoolingPerChildYearly);
    assertThat((Double) outputs.getEntry("destinationServices")).isEqualTo(destinationServices);
    assertThat((Double) outputs.getEntry("relocationAllowance")).isEqualTo(relocationAllowance);
    assertThat((Integer) outputs.getEntry("temporaryHousingNights")).isEqualTo(temporaryHousingNights);
    assertThat((Double) outputs.getEntry("temporaryHousingNightlyRate")).isEqualTo(temporaryHousingNightlyRate);
    if ("PERMANENT_TRANSFER".equals(assignmentType) || "LOCAL_HIRE".equals(assignmentType)) {
      assertThat(colaPercent + housingCapMonthly + homeLeaveTripsPerYear).as("COLA, housing and home leave").isZero();
    }
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "allowances");
  }
}
