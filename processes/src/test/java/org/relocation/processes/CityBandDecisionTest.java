package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;

/**
 * The decision table {@code relocation-city-band}: named cities, country fallbacks and the catch-all. City names match
 * exactly as entered: another spelling or letter case falls back to the country's band.
 */
class CityBandDecisionTest extends ProcessTestSupport {

  private static final String DECISION = "relocation-city-band";

  @ParameterizedTest(name = "{1} {2} -> {3} ({0})")
  @CsvSource(nullValues = "null", value = {
      "rule-city-london,        GB,   London,         A",
      "rule-city-new-york,      US,   New York,       A",
      "rule-city-new-york,      US,   New York City,  A",
      "rule-city-san-francisco, US,   San Francisco,  A",
      "rule-city-singapore,     SG,   Singapore,      A",
      "rule-city-zurich,        CH,   Zurich,         A",
      "rule-city-zurich,        CH,   Zürich,         A",
      "rule-city-geneva,        CH,   Geneva,         A",
      "rule-city-tokyo,         JP,   Tokyo,          A",
      "rule-city-hong-kong,     HK,   Hong Kong,      A",
      "rule-city-paris,         FR,   Paris,          B",
      "rule-city-dubai,         AE,   Dubai,          B",
      "rule-city-amsterdam,     NL,   Amsterdam,      B",
      "rule-city-munich,        DE,   Munich,         B",
      "rule-city-munich,        DE,   München,        B",
      "rule-city-sydney,        AU,   Sydney,         B",
      "rule-city-dublin,        IE,   Dublin,         B",
      "rule-city-toronto,       CA,   Toronto,        B",
      "rule-city-madrid,        ES,   Madrid,         C",
      "rule-city-berlin,        DE,   Berlin,         C",
      "rule-country-band-b,     GB,   london,         B",
      "rule-country-band-b,     GB,   Manchester,     B",
      "rule-country-band-b,     US,   Boston,         B",
      "rule-country-band-b,     HK,   null,           B",
      "rule-country-band-c,     DE,   Frankfurt,      C",
      "rule-country-band-c,     CA,   London,         C",
      "rule-country-band-d,     IN,   Bengaluru,      D",
      "rule-country-band-d,     PL,   Warsaw,         D",
      "rule-otherwise,          XK,   Pristina,       C",
      "rule-otherwise,          null, null,           C",
  })
  void cityBand(String ruleId, String hostCountry, String hostCity, String cityBand) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("hostCountry", hostCountry);
    variables.put("hostCity", hostCity);

    DmnDecisionResult result = DecisionTables.evaluate(DECISION, variables);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().keySet()).containsExactly("cityBand");
    assertThat((String) result.getSingleEntry()).isEqualTo(cityBand);
    assertThat(DecisionTables.matchedRuleIds(DECISION)).containsExactly(ruleId);
  }

  @Test
  void everyRuleIsTested() {
    DecisionTables.assertEveryRuleIsTested(DECISION, getClass(), "cityBand");
  }
}
