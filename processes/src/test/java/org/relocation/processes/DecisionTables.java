package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.engine.history.HistoricDecisionInstance;
import org.operaton.bpm.engine.history.HistoricDecisionOutputInstance;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;
import org.operaton.bpm.model.dmn.instance.Rule;

/**
 * Helpers for the table-driven decision tests: evaluate a decision, read which rules matched from the decision history,
 * and compare the rule ids a test's {@code @CsvSource} lists (first column) with the rule ids of the DMN file, so that a
 * rule added to a table without a test row fails the build.
 */
final class DecisionTables {

  /** The first cell of a test row where no rule of a COLLECT table matches. */
  static final String NO_RULE = "none";

  private DecisionTables() {
  }

  static DmnDecisionResult evaluate(String decisionId, Map<String, Object> variables) {
    return ProcessTestSupport.ENGINE.getDecisionService().evaluateDecisionByKey(decisionId).variables(variables).evaluate();
  }

  /** The ids of the rules that matched in the one evaluation of the decision since the test's deployment, in table order. */
  static List<String> matchedRuleIds(String decisionId) {
    List<HistoricDecisionInstance> history = ProcessTestSupport.ENGINE.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decisionId).includeOutputs().list();
    assertThat(history).as("evaluations of %s", decisionId).hasSize(1);
    List<String> ruleIds = history.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct().toList();
    List<String> tableOrder = List.copyOf(ruleIds(decisionId));
    return ruleIds.stream().sorted(java.util.Comparator.comparingInt(tableOrder::indexOf)).toList();
  }

  /** The rule ids of the decision table in {@code processes/<decisionId>.dmn}, in table order. */
  static Set<String> ruleIds(String decisionId) {
    DecisionTable table = (DecisionTable) read(decisionId).<Decision>getModelElementById(decisionId).getExpression();
    Set<String> ids = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      ids.add(rule.getId());
    }
    return ids;
  }

  static DmnModelInstance read(String decisionId) {
    String resource = "processes/" + decisionId + ".dmn";
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rule ids in the first column of the {@code @CsvSource} rows of a test method (several ids in one cell are
   * separated by spaces, for COLLECT tables).
   */
  static Set<String> csvRuleIds(Class<?> testClass, String methodName) {
    Method method = Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.getName().equals(methodName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(testClass.getSimpleName() + " has no method " + methodName));
    CsvSource csv = method.getAnnotation(CsvSource.class);
    assertThat(csv).as("@CsvSource on %s", methodName).isNotNull();
    Set<String> ids = new TreeSet<>();
    for (String row : csv.value()) {
      String first = row.split(",", 2)[0].trim();
      if (!NO_RULE.equals(first)) { // a COLLECT table's row where no rule matches
        ids.addAll(Arrays.asList(first.split("\\s+")));
      }
    }
    return ids;
  }

  /** Every rule of the table is hit by at least one test row, and the rows name no rule the table does not have. */
  static void assertEveryRuleIsTested(String decisionId, Class<?> testClass, String methodName) {
    assertThat(csvRuleIds(testClass, methodName)).as("rule ids tested by %s.%s", testClass.getSimpleName(), methodName)
        .containsExactlyInAnyOrderElementsOf(ruleIds(decisionId));
  }
}
