package org.relocation.processes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.relocation.processes.model.ModelDiff.Change;
import org.relocation.processes.model.ModelDiff.Kind;

/** The differences a process owner reviews before deploying a changed model, on changed copies of the shipped files. */
class ModelDiffTest {

  private static final String BENEFITS = shipped("relocation-benefits.bpmn");
  private static final String ALLOWANCES = shipped("relocation-allowances.dmn");

  /** relocation-benefits with a pension transfer task after the review of a late cover start, drawn. */
  private static final String BENEFITS_WITH_PENSION = BENEFITS
      .replace("<bpmn:sequenceFlow id=\"flow-review-benefits-cover-start-to-benefits-enrolled\" name=\"Reviewed\" "
          + "sourceRef=\"review-benefits-cover-start\" targetRef=\"benefits-enrolled\" />", """
          <bpmn:sequenceFlow id="flow-review-benefits-cover-start-to-benefits-enrolled" name="Reviewed" sourceRef="review-benefits-cover-start" targetRef="confirm-pension-transfer" />
              <bpmn:userTask id="confirm-pension-transfer" name="Confirm pension transfer" camunda:formRef="confirm-pension-transfer" camunda:formRefBinding="deployment" camunda:candidateGroups="hr-admin">
                <bpmn:incoming>flow-review-benefits-cover-start-to-benefits-enrolled</bpmn:incoming>
                <bpmn:outgoing>flow-confirm-pension-transfer-to-benefits-enrolled</bpmn:outgoing>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="flow-confirm-pension-transfer-to-benefits-enrolled" sourceRef="confirm-pension-transfer" targetRef="benefits-enrolled" />""")
      .replace("<bpmn:incoming>flow-review-benefits-cover-start-to-benefits-enrolled</bpmn:incoming>\n    </bpmn:endEvent>",
          "<bpmn:incoming>flow-confirm-pension-transfer-to-benefits-enrolled</bpmn:incoming>\n    </bpmn:endEvent>")
      .replace("</bpmndi:BPMNPlane>", """
            <bpmndi:BPMNShape id="confirm-pension-transfer-di" bpmnElement="confirm-pension-transfer">
              <dc:Bounds x="690" y="300" width="100" height="80" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="flow-confirm-pension-transfer-to-benefits-enrolled-di" bpmnElement="flow-confirm-pension-transfer-to-benefits-enrolled">
              <di:waypoint x="790" y="340" />
              <di:waypoint x="880" y="340" />
            </bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>""");

  @Test
  void theSameModelHasNoDifference() {
    assertThat(ModelDiff.bpmn(bpmn(BENEFITS), bpmn(BENEFITS))).isEmpty();
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(ALLOWANCES))).isEmpty();
  }

  @Test
  void aTaskAddedAndRemoved() {
    assertThat(BENEFITS_WITH_PENSION).contains("targetRef=\"confirm-pension-transfer\"").contains("<bpmn:incoming>flow-confirm-pension");
    List<Change> added = ModelDiff.bpmn(bpmn(BENEFITS), bpmn(BENEFITS_WITH_PENSION));
    assertThat(added).extracting(Change::kind, Change::elementId).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "confirm-pension-transfer"),
        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "flow-confirm-pension-transfer-to-benefits-enrolled"),
        org.assertj.core.groups.Tuple.tuple(Kind.CHANGED, "flow-review-benefits-cover-start-to-benefits-enrolled"));
    assertThat(added).filteredOn(c -> c.kind() == Kind.ADDED).first().satisfies(c -> {
      assertThat(c.elementType()).isEqualTo("userTask");
      assertThat(c.sentence()).isEqualTo("confirm-pension-transfer: user task \"Confirm pension transfer\" added");
    });
    assertThat(added).filteredOn(c -> c.kind() == Kind.CHANGED).singleElement().extracting(Change::sentence)
        .isEqualTo("flow-review-benefits-cover-start-to-benefits-enrolled: targetRef benefits-enrolled → confirm-pension-transfer");

    List<Change> removed = ModelDiff.bpmn(bpmn(BENEFITS_WITH_PENSION), bpmn(BENEFITS));
    assertThat(removed).filteredOn(c -> c.kind() == Kind.REMOVED).extracting(Change::elementId)
        .containsExactlyInAnyOrder("confirm-pension-transfer", "flow-confirm-pension-transfer-to-benefits-enrolled");
  }

  @Test
  void aTaskRenamedAndReassigned() {
    String changed = BENEFITS.replace("name=\"Confirm benefits enrolment\"", "name=\"Confirm benefits and pension\"")
        .replace("camunda:candidateGroups=\"hr-admin\"", "camunda:candidateGroups=\"hr-lead\"");
    assertThat(ModelDiff.bpmn(bpmn(BENEFITS), bpmn(changed))).extracting(Change::kind, Change::sentence).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Kind.CHANGED,
            "arrange-international-coverage: candidateGroups hr-admin → hr-lead"),
        org.assertj.core.groups.Tuple.tuple(Kind.CHANGED,
            "confirm-benefits-enrolment: name Confirm benefits enrolment → Confirm benefits and pension"));
  }

  @Test
  void aConditionChanged() {
    String intake = shipped("relocation-intake.bpmn");
    Matcher condition = Pattern.compile("<bpmn:sequenceFlow id=\"([^\"]+)\"[^>]*>\\s*<bpmn:conditionExpression[^>]*>([^<]+)<")
        .matcher(intake);
    assertThat(condition.find()).as("a conditional flow in relocation-intake").isTrue();
    String flowId = condition.group(1);
    String changed = intake.replace(">" + condition.group(2) + "<", ">${false}<");
    assertThat(ModelDiff.bpmn(bpmn(intake), bpmn(changed))).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.CHANGED);
      assertThat(c.elementId()).isEqualTo(flowId);
      assertThat(c.sentence()).isEqualTo(flowId + ": condition " + condition.group(2).trim() + " → ${false}");
    });
  }

  @Test
  void aShapeMovedIsLayoutOnly() {
    String moved = BENEFITS.replace("<dc:Bounds x=\"690\" y=\"80\"", "<dc:Bounds x=\"700\" y=\"90\"");
    assertThat(moved).isNotEqualTo(BENEFITS);
    assertThat(ModelDiff.bpmn(bpmn(BENEFITS), bpmn(moved))).singleElement()
        .satisfies(c -> assertThat(c).isEqualTo(new Change(Kind.LAYOUT, "confirm-benefits-enrolment", "userTask",
            "confirm-benefits-enrolment: moved or reshaped in the diagram")));
  }

  @Test
  void aRuleChanged() {
    String changed = ALLOWANCES.replace("""
        <outputEntry id="rule-long-term-band-c-housing-cap-monthly">
                  <text>3200</text>""", """
        <outputEntry id="rule-long-term-band-c-housing-cap-monthly">
                  <text>3500</text>""");
    assertThat(changed).isNotEqualTo(ALLOWANCES);
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(changed))).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.CHANGED);
      assertThat(c.elementId()).isEqualTo("rule-long-term-band-c");
      assertThat(c.sentence()).isEqualTo("rule-long-term-band-c of relocation-allowances: housingCapMonthly 3200 → 3500");
    });
  }

  @Test
  void aRuleAddedAndRemoved() {
    String bandD = rule(ALLOWANCES, "rule-long-term-band-d");
    String without = ALLOWANCES.replace(bandD, "");
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(without))).singleElement()
        .satisfies(c -> assertThat(c).isEqualTo(new Change(Kind.REMOVED, "rule-long-term-band-d", "rule",
            "rule-long-term-band-d removed from relocation-allowances")));
    List<Change> added = ModelDiff.dmn(dmn(without), dmn(ALLOWANCES));
    assertThat(added).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.ADDED);
      assertThat(c.elementId()).isEqualTo("rule-long-term-band-d");
      assertThat(c.sentence()).startsWith("rule-long-term-band-d added to relocation-allowances: assignmentType \"LONG_TERM\"");
    });
    String generated = ALLOWANCES.replace("<rule id=\"rule-long-term-band-d\">", "<rule id=\"DecisionRule_0abc123\">");
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(generated))).extracting(Change::kind, Change::elementId).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "DecisionRule_0abc123"),
        org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "rule-long-term-band-d"));
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(generated))).filteredOn(c -> c.kind() == Kind.ADDED).singleElement()
        .extracting(Change::sentence).asString().startsWith("rule 8 (DecisionRule_0abc123, \"Long-term assignment, any other tier, city band D");
  }

  @Test
  void aRuleMovedWhereTheFirstMatchWins() {
    String bandC = rule(ALLOWANCES, "rule-long-term-band-c");
    String bandD = rule(ALLOWANCES, "rule-long-term-band-d");
    String swapped = ALLOWANCES.replace(bandC + bandD, bandD + bandC);
    assertThat(swapped).isNotEqualTo(ALLOWANCES);
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(swapped))).extracting(Change::kind, Change::sentence).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(Kind.MOVED,
            "rule-long-term-band-d of relocation-allowances moved from 8 to 7: the first matching rule wins"),
        org.assertj.core.groups.Tuple.tuple(Kind.MOVED,
            "rule-long-term-band-c of relocation-allowances moved from 7 to 8: the first matching rule wins"));
  }

  @Test
  void theHitPolicyChanged() {
    String collect = ALLOWANCES.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"");
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(collect))).singleElement()
        .satisfies(c -> assertThat(c).isEqualTo(new Change(Kind.CHANGED, "relocation-allowances", "decision",
            "relocation-allowances: hit policy FIRST → UNIQUE")));
  }

  @Test
  void anOutputColumnChanged() {
    String changed = ALLOWANCES.replace("name=\"housingCapMonthly\" typeRef=\"double\"", "name=\"housingCapMonthly\" typeRef=\"integer\"");
    assertThat(ModelDiff.dmn(dmn(ALLOWANCES), dmn(changed))).singleElement()
        .satisfies(c -> assertThat(c).isEqualTo(new Change(Kind.CHANGED, "output-housing-cap-monthly", "output column",
            "output column output-housing-cap-monthly of relocation-allowances: typeRef double → integer")));
  }

  /** The text of a rule element with the whitespace before the next one. */
  private static String rule(String dmn, String ruleId) {
    Matcher m = Pattern.compile("(?s)<rule id=\"" + ruleId + "\">.*?</rule>\\s*").matcher(dmn);
    assertThat(m.find()).as("rule %s", ruleId).isTrue();
    return m.group();
  }

  private static BpmnModelInstance bpmn(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static DmnModelInstance dmn(String xml) {
    return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String shipped(String file) {
    try (InputStream in = ModelDiffTest.class.getClassLoader().getResourceAsStream("processes/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
