package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tax settlement's approval (relocation-tax-settlement.bpmn), every path: finance's task knows its settlement
 * (a task variable), and the decision with the settlementDue flag ends the instance at its own end event. The
 * settlement's amounts never reach the process: its variables are ids and flags only.
 */
class TaxSettlementProcessTest extends ProcessTestSupport {

  static final String PROCESS = "relocation-tax-settlement";

  @ParameterizedTest(name = "{0}, due {1} -> {2}")
  @CsvSource({
      "approve, true, tax-settlement-approved",
      "approve, false, tax-settlement-nothing-due",
      "reject, true, tax-settlement-rejected",
      "reject, false, tax-settlement-rejected"})
  void theDecisionEndsTheSettlementAtItsEnd(String decision, boolean due, String end) {
    JourneyDriver settlement = newCase();
    settlement.start(PROCESS, Map.of("caseId", 4711L, "settlementId", 42L, "settlementDue", due));

    var task = settlement.userTask("approve-tax-settlement").hasCandidateGroup("finance");
    assertThat(ENGINE.getRuntimeService().getVariableLocal(task.task().getExecutionId(), "settlementId")).as("the task's settlement").isEqualTo(42L);
    task.complete(Map.of("settlementDecision", decision));

    settlement.assertEndedAt(PROCESS, end);
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(settlement.historicInstance(PROCESS).getId()).list())
        .extracting(v -> v.getName())
        .as("ids and flags only")
        .containsOnly("caseId", "settlementId", "settlementDue", "settlementDecision");
  }
}
