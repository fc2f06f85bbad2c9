package org.relocation.processes;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * One in-memory engine ({@code operaton.cfg.xml}) shared by the process tests; every test gets a fresh
 * deployment of all models (deleted with its instances and history afterwards) and a fixed clock.
 */
abstract class ProcessTestSupport {

  static final Instant TEST_START = Instant.parse("2026-03-02T09:00:00Z");
  static final String EMPLOYEE = "employee-0042";
  /** The grade level of the test cases: senior enough for every assignment type, below the executive tier. */
  static final int CASE_GRADE_LEVEL = 6;

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  private static int caseCounter;
  private String deploymentId;

  @BeforeEach
  void deployModels() {
    ClockUtil.setCurrentTime(Date.from(TEST_START));
    deploymentId = ProcessModels.deploy(ENGINE.getRepositoryService());
  }

  @AfterEach
  void removeDeployment() {
    if (deploymentId != null) {
      ENGINE.getRepositoryService().deleteDeployment(deploymentId, true, true);
    }
    ClockUtil.reset();
  }

  /** A driver for a new case with its own business key (case number). */
  static JourneyDriver newCase() {
    caseCounter++;
    return new JourneyDriver(ENGINE, "RC-2026-%05d".formatted(caseCounter));
  }

  /** The start variables of a case: only ids and routing flags, no personal data. */
  static Map<String, Object> caseVariables(String assignmentType, Integer durationMonths, Boolean international) {
    return caseVariables(assignmentType, CASE_GRADE_LEVEL, durationMonths, international);
  }

  /** The start variables of a case with a grade level (1 to 12), which the eligibility decision requires. */
  static Map<String, Object> caseVariables(String assignmentType, Integer gradeLevel, Integer durationMonths, Boolean international) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("gradeLevel", gradeLevel);
    variables.put("caseId", 1000L + caseCounter);
    variables.put("assignmentType", assignmentType);
    variables.put("durationMonths", durationMonths);
    variables.put("international", international);
    variables.put("employeeUserId", EMPLOYEE);
    // what relocation.bpmn's call activities map in even when the main process has no value yet (a null variable):
    // the phases' conditions read them as plain variables
    variables.put("approvalOutcome", null);
    variables.put("estimateExceedsBudget", null);
    return variables;
  }

  static Map<String, Object> eligibleCase() {
    return caseVariables("LONG_TERM", 24, true);
  }
}
