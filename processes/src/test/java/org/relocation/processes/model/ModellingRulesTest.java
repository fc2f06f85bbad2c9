package org.relocation.processes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * One tiny broken model per modelling rule, each answered with its rule, its element id and the element's line; the
 * valid models give none.
 */
class ModellingRulesTest {

  /** A valid process: start, a deciding gateway, a user task, an end, with diagram layout. */
  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="tiny-definitions" targetNamespace="http://relocation.org/bpmn">
        <bpmn:process id="tiny" name="Tiny" isExecutable="true" camunda:historyTimeToLive="P180D">
          <bpmn:startEvent id="started" name="Started">
            <bpmn:outgoing>to-check</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:sequenceFlow id="to-check" sourceRef="started" targetRef="approved-check" />
          <bpmn:exclusiveGateway id="approved-check" name="Approved?">
            <bpmn:incoming>to-check</bpmn:incoming>
            <bpmn:outgoing>approved</bpmn:outgoing>
            <bpmn:outgoing>rejected</bpmn:outgoing>
          </bpmn:exclusiveGateway>
          <bpmn:sequenceFlow id="approved" name="approved" sourceRef="approved-check" targetRef="done">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="rejected" name="rejected" sourceRef="approved-check" targetRef="review-case">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!approved}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:userTask id="review-case" name="Review case" camunda:candidateGroups="mobility-specialist">
            <bpmn:incoming>rejected</bpmn:incoming>
            <bpmn:outgoing>to-done</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="to-done" sourceRef="review-case" targetRef="done" />
          <bpmn:endEvent id="done" name="Done">
            <bpmn:incoming>approved</bpmn:incoming>
            <bpmn:incoming>to-done</bpmn:incoming>
          </bpmn:endEvent>
        </bpmn:process>
        <bpmndi:BPMNDiagram id="tiny-diagram">
          <bpmndi:BPMNPlane id="tiny-plane" bpmnElement="tiny">
            <bpmndi:BPMNShape id="started-di" bpmnElement="started">
              <dc:Bounds x="100" y="100" width="36" height="36" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="approved-check-di" bpmnElement="approved-check" isMarkerVisible="true">
              <dc:Bounds x="200" y="93" width="50" height="50" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="review-case-di" bpmnElement="review-case">
              <dc:Bounds x="300" y="200" width="100" height="80" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="done-di" bpmnElement="done">
              <dc:Bounds x="500" y="100" width="36" height="36" />
            </bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="to-check-di" bpmnElement="to-check">
              <di:waypoint x="136" y="118" />
              <di:waypoint x="200" y="118" />
            </bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="approved-di" bpmnElement="approved">
              <di:waypoint x="250" y="118" />
              <di:waypoint x="500" y="118" />
            </bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="rejected-di" bpmnElement="rejected">
              <di:waypoint x="225" y="143" />
              <di:waypoint x="225" y="240" />
              <di:waypoint x="300" y="240" />
            </bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="to-done-di" bpmnElement="to-done">
              <di:waypoint x="400" y="240" />
              <di:waypoint x="518" y="240" />
              <di:waypoint x="518" y="136" />
            </bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  /** A valid decision table: first match wins, ending with the catch-all. */
  private static final String DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="tiny-band-definitions" name="Tiny band" namespace="http://relocation.org/dmn">
        <decision id="tiny-band" name="Tiny band" camunda:historyTimeToLive="P180D">
          <description>The band of a stay: short stays get band A, the rest band B.</description>
          <decisionTable id="tiny-band-table" hitPolicy="FIRST">
            <input id="input-duration" label="Duration in months">
              <inputExpression id="input-duration-expression" typeRef="integer">
                <text>durationMonths</text>
              </inputExpression>
            </input>
            <output id="output-band" label="Band" name="band" typeRef="string" />
            <rule id="rule-short-stay">
              <description>Stays under a year.</description>
              <inputEntry id="rule-short-stay-duration">
                <text>&lt; 12</text>
              </inputEntry>
              <outputEntry id="rule-short-stay-band">
                <text>"A"</text>
              </outputEntry>
            </rule>
            <rule id="rule-otherwise">
              <description>Everything else.</description>
              <inputEntry id="rule-otherwise-duration">
                <text>-</text>
              </inputEntry>
              <outputEntry id="rule-otherwise-band">
                <text>"B"</text>
              </outputEntry>
            </rule>
          </decisionTable>
        </decision>
        <dmndi:DMNDI>
          <dmndi:DMNDiagram id="tiny-band-diagram">
            <dmndi:DMNShape id="tiny-band-di" dmnElementRef="tiny-band">
              <dc:Bounds height="80" width="180" x="160" y="100" />
            </dmndi:DMNShape>
          </dmndi:DMNDiagram>
        </dmndi:DMNDI>
      </definitions>
      """;

  @Test
  void theValidModelsHaveNoProblem() {
    assertThat(check("tiny.bpmn", BPMN)).isEmpty();
    assertThat(check("tiny-band.dmn", DMN)).isEmpty();
    assertThat(check("processes/tiny.bpmn", BPMN)).as("a path names the file by its base name").isEmpty();
  }

  @Test
  void aFileTheModelApiCannotReadIsNoModel() {
    List<ModelProblem> problems = check("tiny.bpmn", BPMN.replace("</bpmn:process>", ""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(ModellingRules.FILE_IS_MODEL);
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.line()).isPositive();
    });
    assertThat(check("notes.bpmn", "not xml")).extracting(ModelProblem::rule).containsExactly(ModellingRules.FILE_IS_MODEL);
    assertThat(check("start-relocation.form", "{}")).as("forms are no models").isEmpty();
  }

  @Test
  void theFileIsNamedAfterItsOneExecutableProcess() {
    assertOne(check("other.bpmn", BPMN), ModellingRules.FILE_NAME, "tiny", BPMN);
    assertOne(check("tiny.bpmn", BPMN.replace("isExecutable=\"true\"", "isExecutable=\"false\"")),
        ModellingRules.ONE_PROCESS_PER_FILE, "tiny", BPMN);
  }

  @Test
  void aProcessWithoutHistoryTimeToLive() {
    String model = BPMN.replace(" camunda:historyTimeToLive=\"P180D\"", "");
    assertOne(check("tiny.bpmn", model), ModellingRules.HISTORY_TTL, "tiny", model);
  }

  @Test
  void anUnnamedNode() {
    String model = BPMN.replace(" name=\"Review case\"", "");
    assertOne(check("tiny.bpmn", model), ModellingRules.NAMED, "review-case", model);
  }

  @Test
  void anUnnamedGatewayFlow() {
    String model = BPMN.replace(" name=\"rejected\"", "");
    assertOne(check("tiny.bpmn", model), ModellingRules.GATEWAY_FLOWS, "rejected", model);
  }

  @Test
  void anExclusiveGatewayFlowWithoutCondition() {
    String model = BPMN.replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${!approved}</bpmn:conditionExpression>", "");
    assertOne(check("tiny.bpmn", model), ModellingRules.GATEWAY_FLOWS, "rejected", model);
    String asDefault = model.replace("name=\"Approved?\"", "name=\"Approved?\" default=\"rejected\"");
    assertThat(check("tiny.bpmn", asDefault)).as("the default flow needs no condition").isEmpty();
  }

  @Test
  void aNodeWithoutShape() {
    String model = BPMN.replaceAll("(?s)<bpmndi:BPMNShape id=\"review-case-di\".*?</bpmndi:BPMNShape>", "");
    assertOne(check("tiny.bpmn", model), ModellingRules.LAYOUT, "review-case", model);
  }

  @Test
  void aFlowWithoutEdge() {
    String model = BPMN.replaceAll("(?s)<bpmndi:BPMNEdge id=\"to-done-di\".*?</bpmndi:BPMNEdge>", "");
    assertOne(check("tiny.bpmn", model), ModellingRules.LAYOUT, "to-done", model);
  }

  @Test
  void overlappingShapesAreAWarning() {
    String model = BPMN.replace("x=\"300\" y=\"200\"", "x=\"190\" y=\"80\"");
    List<ModelProblem> problems = check("tiny.bpmn", model);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(ModellingRules.LAYOUT);
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains("approved-check").contains("review-case");
    });
  }

  @Test
  void generatedIds() {
    String task = BPMN.replace("review-case", "Activity_1x2y3z4");
    assertOne(check("tiny.bpmn", task), ModellingRules.GENERATED_ID, "Activity_1x2y3z4", task);
    String flow = BPMN.replace("\"to-done", "\"Flow_0abc123").replace(">to-done<", ">Flow_0abc123<");
    assertOne(check("tiny.bpmn", flow), ModellingRules.GENERATED_ID, "Flow_0abc123", flow);
    String start = BPMN.replace("\"started", "\"StartEvent_1").replace(">started<", ">StartEvent_1<");
    assertOne(check("tiny.bpmn", start), ModellingRules.GENERATED_ID, "StartEvent_1", start);
    assertThat(check("tiny.bpmn", task).get(0).message()).contains("name it after what it does");
  }

  @Test
  void aNonKebabId() {
    String model = BPMN.replace("review-case", "reviewCase");
    assertOne(check("tiny.bpmn", model), ModellingRules.KEBAB_ID, "reviewCase", model);
  }

  @Test
  void aScriptTask() {
    String model = BPMN.replace("<bpmn:userTask id=\"review-case\" name=\"Review case\" camunda:candidateGroups=\"mobility-specialist\">",
            "<bpmn:scriptTask id=\"review-case\" name=\"Review case\" scriptFormat=\"javascript\">")
        .replace("</bpmn:userTask>", "<bpmn:script>execution.setVariable('x', 1)</bpmn:script></bpmn:scriptTask>");
    assertOne(check("tiny.bpmn", model), ModellingRules.NO_SCRIPT, "review-case", model);
  }

  @Test
  void aFirstHitTableWithoutCatchAll() {
    String model = DMN.replace("<text>-</text>", "<text>&gt;= 12</text>");
    assertOne(check("tiny-band.dmn", model), ModellingRules.DMN_CONVENTIONS, "rule-otherwise", model);
  }

  @Test
  void aRuleWithoutDescriptionIsAWarning() {
    String model = DMN.replace("<description>Stays under a year.</description>", "");
    ModelProblem problem = assertOne(check("tiny-band.dmn", model), ModellingRules.DMN_CONVENTIONS, "rule-short-stay", model);
    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aGeneratedRuleIdIsAWarning() {
    String model = DMN.replace("\"rule-short-stay\"", "\"DecisionRule_0abc123\"");
    ModelProblem problem = assertOne(check("tiny-band.dmn", model), ModellingRules.GENERATED_ID, "DecisionRule_0abc123", model);
    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
    assertThat(problem.message()).contains("Stays under a year");
  }

  @Test
  void decisionConventions() {
    String noTtl = DMN.replace(" camunda:historyTimeToLive=\"P180D\"", "");
    assertOne(check("tiny-band.dmn", noTtl), ModellingRules.HISTORY_TTL, "tiny-band", noTtl);
    String noDescription = DMN.replace("<description>The band of a stay: short stays get band A, the rest band B.</description>", "");
    assertOne(check("tiny-band.dmn", noDescription), ModellingRules.DMN_CONVENTIONS, "tiny-band", noDescription);
    String noLabel = DMN.replace(" label=\"Duration in months\"", "");
    assertOne(check("tiny-band.dmn", noLabel), ModellingRules.NAMED, "input-duration", noLabel);
    String noShape = DMN.replaceAll("(?s)<dmndi:DMNShape.*?</dmndi:DMNShape>", "");
    assertOne(check("tiny-band.dmn", noShape), ModellingRules.LAYOUT, "tiny-band", noShape);
    assertOne(check("band.dmn", DMN), ModellingRules.FILE_NAME, "tiny-band", DMN);
  }

  @Test
  void elementLinesPlaceEveryElement() {
    ElementLines lines = ElementLines.of(BPMN.getBytes(StandardCharsets.UTF_8));
    assertThat(lines.line("review-case")).isEqualTo(lineOf(BPMN, "review-case"));
    assertThat(lines.line("to-done-di")).isEqualTo(lineOf(BPMN, "to-done-di"));
    assertThat(lines.of("missing")).isEqualTo(ElementLines.Position.UNKNOWN);
    assertThat(ElementLines.of("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x id=\"a\">&e;</x>"
        .getBytes(StandardCharsets.UTF_8)).line("a")).as("no DOCTYPE is read").isZero();
  }

  @Test
  void generatedIdsAreToldFromChosenOnes() {
    assertThat(List.of("Activity_0abc12x", "Flow_1x2y3z4", "Gateway_0y1z2ab", "StartEvent_1", "Process_1",
        "DecisionRule_0f3k1lm", "SequenceFlow_0abcdef", "Task_1d2e3f4",
        "Process_9c1e7f4a-2b3c-4d5e-8f90-123456789abc", "sid-9C1E7F4A-2B3C-4D5E-8F90-123456789ABC"))
        .allMatch(GeneratedIds::isGenerated);
    assertThat(List.of("review-intake", "approve-budget", "rule-otherwise", "Review_invoice", "relocation-approval"))
        .noneMatch(GeneratedIds::isGenerated);
  }

  private static List<ModelProblem> check(String file, String model) {
    return ModellingRules.check(file, model.getBytes(StandardCharsets.UTF_8));
  }

  /** The one problem: its rule, element and the line of the element's start tag. */
  private static ModelProblem assertOne(List<ModelProblem> problems, String rule, String elementId, String model) {
    assertThat(problems).as("problems").singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(rule);
      assertThat(p.elementId()).isEqualTo(elementId);
      assertThat(p.line()).as("line of %s", elementId).isEqualTo(lineOf(model, elementId));
      assertThat(p.file()).isNotBlank();
      assertThat(p.message()).contains(elementId);
    });
    return problems.get(0);
  }

  /** The line of the start tag carrying id="elementId" (one-line start tags: the parser reports their end). */
  private static int lineOf(String model, String elementId) {
    String[] lines = model.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("id=\"" + elementId + "\"")) {
        return i + 1;
      }
    }
    throw new AssertionError("no element " + elementId);
  }
}
