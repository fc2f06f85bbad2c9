package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.relocation.processes.model.ModellingRules;

/**
 * The conventions every model file must keep (docs/journey.md, DESIGN.md): the modelling rules of
 * {@link ModellingRules} (process id == file name, executable, history time to live, a diagram shape for every node and
 * an edge for every flow, no overlapping shapes, named elements, kebab-case ids nobody generated, named gateway flows with
 * conditions where the gateway decides, no scripts, the decision table conventions), and what only the journey asks:
 * tasks, topics and forms as in the contract, and no Java classes or bean expressions.
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
      Map.entry("choose-housing-quote", "group:mobility-specialist"),
      Map.entry("choose-service-quote", "group:mobility-specialist"),
      Map.entry("decide-invoice-excess", "group:finance"),
      Map.entry("confirm-payroll-setup", "group:finance"),
      Map.entry("follow-up-payroll-provider", "group:mobility-specialist"),
      Map.entry("correct-payroll-instruction", "group:mobility-specialist"),
      Map.entry("arrange-international-coverage", "group:hr-admin"),
      Map.entry("approve-tax-settlement", "group:finance"),
      Map.entry("approve-expense-claim", "group:mobility-specialist"),
      Map.entry("approve-expense-claim-finance", "group:finance"),
      Map.entry("decide-expense-exception", "group:hr-lead"),
      Map.entry("follow-up-tax-briefing", "group:mobility-specialist"),
      Map.entry("approve-compensation-change", "group:finance"),
      Map.entry("correct-compensation-change", "group:finance"),
      Map.entry("confirm-benefits-enrolment", "assignee:${employeeUserId}"),
      Map.entry("follow-up-benefits-enrolment", "group:mobility-specialist"),
      Map.entry("review-benefits-cover-start", "group:mobility-specialist"),
      Map.entry("confirm-arrival", "group:mobility-specialist"),
      Map.entry("record-lease", "group:mobility-specialist"),
      Map.entry("approve-lease-exception", "group:hr-lead"),
      Map.entry("answer-counsel-request", "group:mobility-specialist"),
      Map.entry("arrange-posted-worker-formalities", "group:mobility-specialist"),
      Map.entry("decide-start-date", "group:mobility-specialist"),
      Map.entry("approve-case-closure", "group:mobility-specialist"),
      Map.entry("renew-permit", "group:mobility-specialist"),
      Map.entry("resolve-vendor-delay", "group:mobility-specialist"));

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
      Map.entry("expire-housing-quotes", "expire-housing-quotes"),
      Map.entry("order-chosen-housing", "order-chosen-housing"),
      Map.entry("order-housing-without-quotes", "order-housing-without-quotes"),
      Map.entry("book-household-shipment", "book-household-shipment"),
      Map.entry("expire-service-quotes", "expire-service-quotes"),
      Map.entry("order-quoted-service", "order-quoted-service"),
      Map.entry("request-service-requotes", "request-service-requotes"),
      Map.entry("prepare-payroll-instruction", "prepare-payroll-instruction"),
      Map.entry("schedule-payroll-payments", "schedule-payroll-payments"),
      Map.entry("request-tax-briefing", "request-tax-briefing"),
      Map.entry("order-tax-briefing", "order-tax-briefing"),
      Map.entry("order-tax-returns", "order-tax-returns"),
      Map.entry("send-compensation-change", "send-compensation-change"),
      Map.entry("apply-compensation-change", "apply-compensation-change"),
      Map.entry("remind-compensation-change-provider", "remind-payroll-provider"),
      Map.entry("report-compensation-change-refusal", "report-payroll-refusal"),
      Map.entry("determine-benefits-coverage", "determine-benefits-coverage"),
      Map.entry("order-benefits-enrolment", "order-benefits-enrolment"),
      Map.entry("record-benefits-confirmation", "record-benefits-confirmation"),
      Map.entry("decide-destination-services", "decide-destination-services"),
      Map.entry("order-destination-service", "order-destination-service"),
      Map.entry("check-lease-rent", "check-lease-rent"),
      Map.entry("settle-lease-exception", "settle-lease-exception"),
      Map.entry("verify-right-to-work", "verify-right-to-work"),
      Map.entry("register-key-dates", "register-key-dates"),
      Map.entry("summarise-final-costs", "summarise-final-costs"),
      Map.entry("close-case", "close-case"),
      Map.entry("plan-key-date", "plan-key-date"),
      Map.entry("plan-next-reminder", "plan-key-date"),
      Map.entry("send-key-date-reminder", "send-key-date-reminder"),
      Map.entry("check-vendor-slas", "check-vendor-slas"));

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

  /** The shipped models break no modelling rule: no error, not even a warning. */
  @TestFactory
  Stream<DynamicTest> everyShippedModelKeepsTheModellingRules() {
    Stream<String> files = Stream.concat(ProcessModels.PROCESS_IDS.stream().map(id -> id + ".bpmn"),
        ProcessModels.DECISION_IDS.stream().map(id -> id + ".dmn"));
    return files.map(file -> DynamicTest.dynamicTest(file, () -> {
      byte[] content;
      try (InputStream in = resource(file)) {
        content = in.readAllBytes();
      }
      assertThat(ModellingRules.check(file, content)).as("problems of %s", file).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyProcessKeepsTheJourneyConventions() {
    return ProcessModels.PROCESS_IDS.stream().map(id -> DynamicTest.dynamicTest(id, () -> checkConventions(id)));
  }

  /**
   * What the journey adds to the modelling rules for a decision: a history time to live of 180 days. Its contract with
   * the Java side (hit policy, inputs and outputs with their types) is the policy service's {@code CONTRACT} (workers),
   * checked at every deployment and on the shipped set by the server's {@code ModelContractTest}.
   */
  @TestFactory
  Stream<DynamicTest> everyDecisionKeepsTheJourneyConventions() {
    return ProcessModels.DECISION_IDS.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
      DmnModelInstance dmn;
      try (InputStream in = resource(id + ".dmn")) {
        dmn = Dmn.readModelFromStream(in);
      }
      Decision decision = dmn.getModelElementById(id);
      assertThat(decision).as("decision %s in %s.dmn", id, id).isNotNull();
      assertThat(decision.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive")).isEqualTo("P180D");
    }));
  }

  /**
   * What the journey adds to the modelling rules: a history time to live of 180 days, forms bound to the deployment and
   * named after their task, and no Java classes or bean expressions (the server's deployment policy refuses them too).
   */
  private static void checkConventions(String processId) {
    BpmnModelInstance model = read(processId);
    Process process = model.getModelElementById(processId);
    assertThat(process).as("process %s in %s.bpmn", processId, processId).isNotNull();
    assertThat(camunda(process, "historyTimeToLive")).isEqualTo("P180D");
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      for (String attribute : List.of("class", "delegateExpression", "expression")) {
        assertThat(camunda(node, attribute)).as("camunda:%s on %s", attribute, node.getId()).isNull();
      }
      if (node instanceof UserTask task) {
        assertThat(camunda(task, "formRef")).as("formRef of %s", task.getId()).isEqualTo(task.getId());
        assertThat(camunda(task, "formRefBinding")).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
      }
    }
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
