package org.relocation.processes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;

/** What a model reads and produces by itself, each read with the element that reads it. */
class ModelVariablesTest {

  @Test
  void identifiersLeaveOutKeywordsFunctionsPropertiesAndText() {
    assertThat(ModelVariables.identifiers("${approved and not empty exceptionIds && amount gt 10}"))
        .containsExactly("approved", "exceptionIds", "amount");
    assertThat(ModelVariables.identifiers("${csvItems(exceptionIds)}")).containsExactly("exceptionIds");
    assertThat(ModelVariables.identifiers("#{execution.processBusinessKey}")).isEmpty();
    assertThat(ModelVariables.identifiers("${outcome == 'cancelled'}")).containsExactly("outcome");
    assertThat(ModelVariables.identifiers("mobility-specialist")).as("no expression").isEmpty();
  }

  @Test
  void theApprovalProcessReadsAndProduces() throws IOException {
    BpmnModelInstance model = read("relocation-approval.bpmn");
    assertThat(ModelVariables.reads(model)).contains(new ModelVariables.Read("exceptionIds", "approve-policy-exception"))
        .allSatisfy(r -> assertThat(r.elementId()).as("element reading %s", r.variable()).isNotNull());
    assertThat(ModelVariables.produces(model)).contains("exceptionId", "approvalStep", "loopCounter");
  }

  @Test
  void theMainProcessMapsIntoItsPhases() throws IOException {
    BpmnModelInstance model = read("relocation.bpmn");
    assertThat(ModelVariables.calls(model)).hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(call -> assertThat(call.mappedIn()).contains("caseId"));
    assertThat(ModelVariables.readNames(model)).contains("caseId");
  }

  private static BpmnModelInstance read(String file) throws IOException {
    try (InputStream in = ModelVariablesTest.class.getClassLoader().getResourceAsStream("processes/" + file)) {
      assertThat(in).as(file).isNotNull();
      return Bpmn.readModelFromStream(in);
    }
  }
}
