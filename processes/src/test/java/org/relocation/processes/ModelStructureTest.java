package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Gateway;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.ScriptTask;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.bpmn.instance.dc.Bounds;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.HitPolicy;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.dmn.instance.DecisionTable;

/**
 * The conventions every model file must keep (docs/journey.md, DESIGN.md): process id == file name, executable,
 * history time to live, a diagram shape for every node and an edge for every flow, no overlapping shapes, named
 * elements, named gateway flows with conditions where the gateway decides, forms and topics as in the contract,
 * and no code in the models (no scripts, Java classes or bean expressions).
 */
class ModelStructureTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** The user tasks of the contract: candidate group, or assignee expression. */
  private static final Map<String, String> USER_TASKS = Map.ofEntries(
      Map.entry("revise-intake", "group:mobility-specialist"),
      Map.entry("review-intake", "group:mobility-specialist"),
      Map.entry("approve-relocation", "group:manager"),
      Map.entry("approve-policy-exception", "group:hr-lead"),
      Map.entry("approve-budget", "group:finance"),
      Map.entry("approve-transfer", "group:senior-manager"),
      Map.entry("provide-immigration-documents", "assignee:${employeeUserId}"),
      Map.entry("validate-immigration-documents", "group:mobility-specialist"),
      Map.entry("follow-up-counsel", "group:mobility-specialist"),
      Map.entry("handle-permit-refusal", "group:mobility-specialist"),
      Map.entry("record-kickoff-call", "group:mobility-specialist"),
      Map.entry("confirm-payroll-setup", "group:finance"),
      Map.entry("arrange-international-coverage", "group:hr-admin"),
      Map.entry("confirm-benefits-enrolment", "assignee:${employeeUserId}"),
      Map.entry("confirm-arrival", "group:mobility-specialist"),
      Map.entry("answer-counsel-request", "group:mobility-specialist"),
      Map.entry("arrange-posted-worker-formalities", "group:mobility-specialist"),
      Map.entry("decide-start-date", "group:mobility-specialist"),
      Map.entry("approve-case-closure", "group:mobility-specialist"),
      Map.entry("renew-permit", "group:mobility-specialist"));

  /** The external tasks of the contract and their topics. */
  private static final Map<String, String> EXTERNAL_TASKS = Map.ofEntries(
      Map.entry("record-ineligible-outcome", "record-case-outcome"),
      Map.entry("record-rejected-outcome", "record-case-outcome"),
      Map.entry("record-cancelled-outcome", "record-case-outcome"),
      Map.entry("apply-relocation-policy", "apply-relocation-policy"),
      Map.entry("estimate-relocation-cost", "estimate-relocation-cost"),
      Map.entry("route-approval", "route-approval"),
      Map.entry("update-estimate", "estimate-relocation-cost"),
      Map.entry("record-approval", "record-approval"),
      Map.entry("remind-approve-relocation", "remind-approver"),
      Map.entry("remind-approve-policy-exception", "remind-approver"),
      Map.entry("remind-approve-budget", "remind-approver"),
      Map.entry("remind-approve-transfer", "remind-approver"),
      Map.entry("escalate-approve-relocation", "escalate-approval"),
      Map.entry("escalate-approve-policy-exception", "escalate-approval"),
      Map.entry("escalate-approve-budget", "escalate-approval"),
      Map.entry("escalate-approve-transfer", "escalate-approval"),
      Map.entry("determine-immigration-requirements", "determine-immigration-requirements"),
      Map.entry("request-immigration-counsel", "request-immigration-counsel"),
      Map.entry("send-counsel-information", "send-counsel-information"),
      Map.entry("alert-start-date-risk", "alert-start-date-risk"),
      Map.entry("move-start-date", "move-start-date"),
      Map.entry("book-temporary-housing", "book-temporary-housing"),
      Map.entry("book-household-shipment", "book-household-shipment"),
      Map.entry("prepare-payroll-instruction", "prepare-payroll-instruction"),
      Map.entry("request-tax-briefing", "request-tax-briefing"),
      Map.entry("determine-benefits-coverage", "determine-benefits-coverage"),
      Map.entry("verify-right-to-work", "verify-right-to-work"),
      Map.entry("register-key-dates", "register-key-dates"),
      Map.entry("summarise-final-costs", "summarise-final-costs"),
      Map.entry("close-case", "close-case"),
      Map.entry("plan-key-date", "plan-key-date"),
      Map.entry("plan-next-reminder", "plan-key-date"),
      Map.entry("send-key-date-reminder", "send-key-date-reminder"));

  @Test
  void theProcessFolderHoldsExactlyTheJourneyModels() {
    assertThat(ProcessModels.classpathFiles("processes", ".bpmn"))
        .containsExactlyInAnyOrderElementsOf(ProcessModels.PROCESS_IDS.stream().map(id -> id + ".bpmn").toList());
    assertThat(ProcessModels.classpathFiles("processes", ".dmn"))
        .containsExactlyInAnyOrderElementsOf(ProcessModels.DECISION_IDS.stream().map(id -> id + ".dmn").toList());
  }

  @Test
  void everyContractTaskIsModelledOnceWithItsTopicOrForm() {
    List<BpmnModelInstance> models = ProcessModels.PROCESS_IDS.stream().map(ModelStructureTest::read).toList();
    List<UserTask> userTasks = models.stream().flatMap(m -> m.getModelElementsByType(UserTask.class).stream()).toList();
    assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(USER_TASKS.keySet());
    for (UserTask task : userTasks) {
      String expected = USER_TASKS.get(task.getId());
      String actual = camunda(task, "candidateGroups") != null
          ? "group:" + camunda(task, "candidateGroups") : "assignee:" + camunda(task, "assignee");
      assertThat(actual).as("performer of %s", task.getId()).isEqualTo(expected);
    }
    List<ServiceTask> serviceTasks = models.stream().flatMap(m -> m.getModelElementsByType(ServiceTask.class).stream()).toList();
    assertThat(serviceTasks).extracting(ServiceTask::getId).containsExactlyInAnyOrderElementsOf(EXTERNAL_TASKS.keySet());
    for (ServiceTask task : serviceTasks) {
      assertThat(camunda(task, "type")).as("type of %s", task.getId()).isEqualTo("external");
      assertThat(camunda(task, "topic")).as("topic of %s", task.getId()).isEqualTo(EXTERNAL_TASKS.get(task.getId()));
    }
  }

  /** The approval steps, each reminded after 2 days and escalated after 3 without interrupting the approver. */
  private static final List<String> APPROVAL_STEPS = List.of("approve-relocation", "approve-policy-exception",
      "approve-budget", "approve-transfer");

  @Test
  void everyApprovalStepIsRemindedAndEscalatedWithoutInterruption() {
    BpmnModelInstance model = read("relocation-approval");
    for (String step : APPROVAL_STEPS) {
      List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo().getId().equals(step))
          .toList();
      assertThat(timers).as("boundary events of %s", step).extracting(BoundaryEvent::getId)
          .containsExactlyInAnyOrder(step + "-reminder", step + "-overdue");
      for (BoundaryEvent timer : timers) {
        boolean reminder = timer.getId().endsWith("-reminder");
        assertThat(timer.cancelActivity()).as("%s interrupts the approver", timer.getId()).isFalse();
        var definition = (org.operaton.bpm.model.bpmn.instance.TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(definition.getTimeDuration().getTextContent()).as("duration of %s", timer.getId())
            .isEqualTo(reminder ? "P2D" : "P3D");
        String taskId = (reminder ? "remind-" : "escalate-") + step;
        assertThat(timer.getOutgoing()).as("flows out of %s", timer.getId()).singleElement()
            .satisfies(flow -> assertThat(flow.getTarget().getId()).isEqualTo(taskId));
        ServiceTask task = model.getModelElementById(taskId);
        var inputs = task.getExtensionElements().getElementsQuery()
            .filterByType(org.operaton.bpm.model.bpmn.instance.operaton.OperatonInputOutput.class).singleResult()
            .getOperatonInputParameters();
        assertThat(inputs).as("input parameters of %s", taskId)
            .extracting(p -> p.getOperatonName() + "=" + p.getTextContent()).containsExactly("approvalStep=" + step);
        assertThat(task.getOutgoing()).singleElement().satisfies(flow -> assertThat(flow.getTarget())
            .isInstanceOf(org.operaton.bpm.model.bpmn.instance.EndEvent.class));
      }
    }
  }

  @Test
  void everyFormRefHasAForm() {
    List<String> forms = ProcessModels.classpathFiles("forms", ".form");
    assertThat(forms).as("forms/ holds the form-js forms").isNotEmpty();
    List<String> formRefs = ProcessModels.PROCESS_IDS.stream().map(ModelStructureTest::read)
        .flatMap(m -> m.getModelElementsByType(FlowNode.class).stream())
        .map(node -> camunda(node, "formRef"))
        .filter(java.util.Objects::nonNull)
        .toList();
    assertThat(formRefs).contains("start-relocation").hasSize(USER_TASKS.size() + 1);
    assertThat(forms).containsAll(formRefs.stream().map(ref -> ref + ".form").toList());
  }

  @TestFactory
  Stream<DynamicTest> everyProcessKeepsTheModelConventions() {
    return ProcessModels.PROCESS_IDS.stream().map(id -> DynamicTest.dynamicTest(id, () -> checkConventions(id)));
  }

  /** The contract of every decision with the Java side: hit policy, input expressions and output names with their types. */
  private record DecisionContract(HitPolicy hitPolicy, List<String> inputs, List<String> outputs) {
  }

  private static final Map<String, DecisionContract> DECISIONS = Map.of(
      "relocation-eligibility", new DecisionContract(HitPolicy.FIRST,
          List.of("assignmentType:string", "gradeLevel:integer", "durationMonths:integer", "international:boolean"),
          List.of("eligible:boolean", "reason:string", "policyClause:string")),
      "relocation-package", new DecisionContract(HitPolicy.FIRST,
          List.of("assignmentType:string", "gradeLevel:integer", "international:boolean", "familySize:integer"),
          List.of("policyTier:string", "moveType:string", "coreBenefits:string", "flexPoints:integer")),
      "relocation-city-band", new DecisionContract(HitPolicy.FIRST,
          List.of("hostCountry:string", "hostCity:string"),
          List.of("cityBand:string")),
      "relocation-allowances", new DecisionContract(HitPolicy.FIRST,
          List.of("assignmentType:string", "policyTier:string", "cityBand:string", "durationMonths:integer"),
          List.of("colaPercent:double", "housingCapMonthly:double", "perDiemDaily:double", "homeLeaveTripsPerYear:integer",
              "schoolingPerChildYearly:double", "destinationServices:double", "relocationAllowance:double",
              "temporaryHousingNights:integer", "temporaryHousingNightlyRate:double")),
      "relocation-approval-routing", new DecisionContract(HitPolicy.COLLECT,
          List.of("assignmentType:string", "estimateAmount:double", "budgetAmount:double", "exceptionCount:integer",
              "exceptionAmount:double"),
          List.of("approval:string", "reason:string")));

  @Test
  void everyDecisionHasAContract() {
    assertThat(DECISIONS.keySet()).containsExactlyInAnyOrderElementsOf(ProcessModels.DECISION_IDS);
  }

  @TestFactory
  Stream<DynamicTest> everyDecisionKeepsItsContractAndTheModelConventions() {
    return ProcessModels.DECISION_IDS.stream().map(id -> DynamicTest.dynamicTest(id, () -> checkDecision(id)));
  }

  private static void checkDecision(String decisionId) throws Exception {
    DecisionContract contract = DECISIONS.get(decisionId);
    DmnModelInstance dmn;
    try (InputStream in = resource(decisionId + ".dmn")) {
      dmn = Dmn.readModelFromStream(in);
    }
    assertThat(dmn.getModelElementsByType(Decision.class)).as("decisions in %s.dmn", decisionId).singleElement()
        .satisfies(decision -> assertThat(decision.getId()).isEqualTo(decisionId));
    Decision decision = dmn.getModelElementById(decisionId);
    assertThat(decision.getName()).isNotBlank();
    assertThat(decision.getDescription()).as("description of %s", decisionId).isNotNull();
    assertThat(decision.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive")).isEqualTo("P180D");
    DecisionTable table = (DecisionTable) decision.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(contract.hitPolicy());
    assertThat(table.getInputs()).extracting(input -> input.getInputExpression().getText().getTextContent()
        + ":" + input.getInputExpression().getTypeRef()).containsExactlyElementsOf(contract.inputs());
    assertThat(table.getOutputs()).extracting(output -> output.getName() + ":" + output.getTypeRef())
        .containsExactlyElementsOf(contract.outputs());
    assertThat(table.getInputs()).allSatisfy(input -> assertThat(input.getLabel()).as("label of %s", input.getId()).isNotBlank());
    assertThat(table.getOutputs()).allSatisfy(output -> assertThat(output.getLabel()).as("label of %s", output.getId()).isNotBlank());
    assertThat(table.getRules()).as("rules of %s", decisionId).isNotEmpty().allSatisfy(rule -> {
      assertThat(rule.getId()).as("rule id").matches("rule(-[a-z0-9]+)+");
      assertThat(rule.getDescription()).as("description of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("description of %s", rule.getId()).isNotBlank();
    });
    if (contract.hitPolicy() == HitPolicy.FIRST) {
      var last = table.getRules().stream().reduce((a, b) -> b).orElseThrow();
      assertThat(last.getId()).as("the catch-all rule of %s", decisionId).isEqualTo("rule-otherwise");
      assertThat(last.getInputEntries()).as("entries of the catch-all rule of %s", decisionId)
          .allSatisfy(entry -> assertThat(entry.getTextContent().trim()).isIn("-", ""));
    }
    assertThat(decisionShapes(decisionId)).as("DMNDI shape (Bounds width:height) of each decision in %s.dmn", decisionId)
        .containsOnlyKeys(decisionId)
        .allSatisfy((id, size) -> assertThat(size).matches("[1-9][0-9.]*:[1-9][0-9.]*"));
  }

  /** DMNDI shapes of a DMN file: decision id to "width:height" of its bounds. */
  private static Map<String, String> decisionShapes(String decisionId) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document document;
    try (InputStream in = resource(decisionId + ".dmn")) {
      document = factory.newDocumentBuilder().parse(in);
    }
    org.w3c.dom.NodeList shapes = document.getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
    Map<String, String> result = new java.util.HashMap<>();
    for (int i = 0; i < shapes.getLength(); i++) {
      org.w3c.dom.Element shape = (org.w3c.dom.Element) shapes.item(i);
      org.w3c.dom.NodeList bounds = shape.getElementsByTagNameNS("http://www.omg.org/spec/DMN/20180521/DC/", "Bounds");
      org.w3c.dom.Element b = bounds.getLength() == 0 ? null : (org.w3c.dom.Element) bounds.item(0);
      result.put(shape.getAttribute("dmnElementRef"), b == null ? "" : b.getAttribute("width") + ":" + b.getAttribute("height"));
    }
    return result;
  }

  private static void checkConventions(String processId) {
    BpmnModelInstance model = read(processId);
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("processes in %s.bpmn", processId).singleElement().satisfies(process -> {
      assertThat(process.getId()).isEqualTo(processId);
      assertThat(process.isExecutable()).isTrue();
      assertThat(process.getName()).isNotBlank();
      assertThat(camunda(process, "historyTimeToLive")).isEqualTo("P180D");
    });
    assertThat(model.getModelElementsByType(ScriptTask.class)).as("script tasks").isEmpty();

    Map<String, BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), s -> s));
    Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .collect(Collectors.toMap(e -> e.getBpmnElement().getId(), e -> e));

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      assertThat(node.getId()).as("id of %s", node.getName()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
      assertThat(shapes).as("diagram shape of %s", node.getId()).containsKey(node.getId());
      Bounds bounds = shapes.get(node.getId()).getBounds();
      assertThat(bounds).as("bounds of %s", node.getId()).isNotNull();
      assertThat(bounds.getWidth()).isPositive();
      assertThat(bounds.getHeight()).isPositive();
      for (String attribute : List.of("class", "delegateExpression", "expression")) {
        assertThat(camunda(node, attribute)).as("camunda:%s on %s", attribute, node.getId()).isNull();
      }
      if (node instanceof UserTask task) {
        assertThat(camunda(task, "formRef")).as("formRef of %s", task.getId()).isEqualTo(task.getId());
        assertThat(camunda(task, "formRefBinding")).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
      }
      if (node instanceof Gateway gateway) {
        boolean decides = gateway instanceof ExclusiveGateway && gateway.getOutgoing().size() > 1;
        for (SequenceFlow flow : gateway.getOutgoing()) {
          assertThat(flow.getName()).as("name of %s", flow.getId()).isNotBlank();
          if (decides) {
            assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNotNull();
            assertThat(flow.getConditionExpression().getTextContent()).as("condition of %s", flow.getId())
                .matches("\\$\\{[^}]+}");
          }
        }
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("diagram edge of %s", flow.getId()).containsKey(flow.getId());
      assertThat(edges.get(flow.getId()).getWaypoints()).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
    }
    assertThat(shapes.keySet()).as("shapes without a flow node")
        .allMatch(id -> model.getModelElementById(id) instanceof FlowElement);
    assertNoOverlappingShapes(model, shapes);
  }

  private static void assertNoOverlappingShapes(BpmnModelInstance model, Map<String, BpmnShape> shapes) {
    List<String> ids = new ArrayList<>(shapes.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (attachedTo(model, a, b) || attachedTo(model, b, a) || contains(model, a, b) || contains(model, b, a)) {
          continue;
        }
        Bounds ba = shapes.get(a).getBounds();
        Bounds bb = shapes.get(b).getBounds();
        boolean overlap = ba.getX() < bb.getX() + bb.getWidth() && bb.getX() < ba.getX() + ba.getWidth()
            && ba.getY() < bb.getY() + bb.getHeight() && bb.getY() < ba.getY() + ba.getHeight();
        assertThat(overlap).as("shapes %s and %s overlap", a, b).isFalse();
      }
    }
  }

  /** An expanded sub-process's shape holds the shapes of its elements. */
  private static boolean contains(BpmnModelInstance model, String containerId, String elementId) {
    for (var parent = model.getModelElementById(elementId).getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof org.operaton.bpm.model.bpmn.instance.SubProcess sub && sub.getId().equals(containerId)) {
        return true;
      }
    }
    return false;
  }

  private static boolean attachedTo(BpmnModelInstance model, String boundaryId, String activityId) {
    BaseElement element = model.getModelElementById(boundaryId);
    return element instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null
        && boundary.getAttachedTo().getId().equals(activityId);
  }

  private static String camunda(BaseElement element, String attribute) {
    return element.getAttributeValueNs(CAMUNDA_NS, attribute);
  }

  private static BpmnModelInstance read(String processId) {
    try (InputStream in = resource(processId + ".bpmn")) {
      return Bpmn.readModelFromStream(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = ModelStructureTest.class.getClassLoader().getResourceAsStream("processes/" + file);
    assertThat(in).as("classpath resource processes/%s", file).isNotNull();
    return in;
  }
}
