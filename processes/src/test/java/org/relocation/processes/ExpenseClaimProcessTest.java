package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An expense claim's approval (relocation-expense-claim.bpmn), every path: the route the routing decision gave sends
 * the claim to the specialist, to finance, or (outside the policy) to the HR lead's exception first; each task knows
 * its claim (a task variable), and the decisions end the instance at its own end event. The claim's amounts and
 * merchant never reach the process: its variables are ids and flags only.
 */
class ExpenseClaimProcessTest extends ProcessTestSupport {

  static final String PROCESS = "relocation-expense-claim";

  @ParameterizedTest(name = "{0}: exception {1}, claim {2} -> {3}")
  @CsvSource(nullValues = "null", value = {
      "SPECIALIST, null,    approve, expense-claim-approved",
      "SPECIALIST, null,    reject,  expense-claim-rejected",
      "FINANCE,    null,    approve, expense-claim-approved",
      "FINANCE,    null,    reject,  expense-claim-rejected",
      "EXCEPTION,  approve, approve, expense-claim-approved",
      "EXCEPTION,  approve, reject,  expense-claim-rejected",
      "EXCEPTION,  reject,  null,    expense-claim-exception-rejected"})
  void theRouteAndTheDecisionsEndTheClaimAtItsEnd(String route, String exceptionDecision, String claimDecision, String end) {
    JourneyDriver claim = newCase();
    Map<String, Object> start = new HashMap<>(Map.of("caseId", 4711L, "claimId", 42L, "expenseRoute", route));
    if (route.equals("EXCEPTION")) {
      start.put("policyExceptionId", 7L);
    }
    claim.start(PROCESS, start);

    if (exceptionDecision != null) {
      var exception = claim.userTask("decide-expense-exception").hasCandidateGroup("hr-lead");
      assertThat(ENGINE.getRuntimeService().getVariableLocal(exception.task().getExecutionId(), "claimId")).as("the task's claim").isEqualTo(42L);
      exception.complete(Map.of("expenseExceptionDecision", exceptionDecision));
    }
    if (claimDecision != null) {
      String taskKey = route.equals("SPECIALIST") ? "approve-expense-claim" : "approve-expense-claim-finance";
      var approval = claim.userTask(taskKey).hasCandidateGroup(route.equals("SPECIALIST") ? "mobility-specialist" : "finance");
      assertThat(ENGINE.getRuntimeService().getVariableLocal(approval.task().getExecutionId(), "claimId")).as("the task's claim").isEqualTo(42L);
      approval.complete(Map.of("expenseDecision", claimDecision));
    }

    claim.assertEndedAt(PROCESS, end);
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(claim.historicInstance(PROCESS).getId()).list())
        .extracting(v -> v.getName())
        .as("ids and flags only")
        .isSubsetOf("caseId", "claimId", "expenseRoute", "policyExceptionId", "expenseExceptionDecision", "expenseDecision");
  }
}
