package org.relocation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngineServices;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;

/**
 * Drives one relocation case (one business key, the case number) through the engine the way the job workers,
 * the Tasklist users and the vendor callbacks do, and asserts where it went. Every phase process carries the
 * case number as its business key, so all queries are by business key across the main and the phase processes.
 */
final class JourneyDriver {

  static final String WORKER_ID = "process-test-worker";
  private static final long LOCK_MILLIS = 60_000L;

  private final ProcessEngineServices engine;
  private final String businessKey;

  JourneyDriver(ProcessEngineServices engine, String businessKey) {
    this.engine = engine;
    this.businessKey = businessKey;
  }

  String businessKey() {
    return businessKey;
  }

  ProcessInstance start(String processDefinitionKey, Map<String, Object> variables) {
    return runtime().startProcessInstanceByKey(processDefinitionKey, businessKey, variables);
  }

  /** Starts a process of this case at its message start event. */
  ProcessInstance startByMessage(String messageName, Map<String, Object> variables) {
    return runtime().startProcessInstanceByMessage(messageName, businessKey, variables);
  }

  // ------------------------------------------------------------------------------------------------ external tasks

  /** Fetches and locks the one external task of this case on a topic, as a worker does (all variables). */
  LockedExternalTask fetchExternalTask(String topic) {
    List<LockedExternalTask> locked = externalTasks().fetchAndLock(10, WORKER_ID)
        .topic(topic, LOCK_MILLIS)
        .businessKey(businessKey)
        .execute();
    assertThat(locked).as("external tasks on topic '%s' for case %s", topic, businessKey).hasSize(1);
    return locked.get(0);
  }

  LockedExternalTask completeExternalTask(String topic) {
    return completeExternalTask(topic, Map.of());
  }

  LockedExternalTask completeExternalTask(String topic, Map<String, Object> variables) {
    LockedExternalTask task = fetchExternalTask(topic);
    externalTasks().complete(task.getId(), WORKER_ID, variables);
    executeAsyncContinuations();
    return task;
  }

  /**
   * Completes every open external task on a topic (the branches of a multi-instance activity), expecting
   * {@code count} of them; returns their loop counters, in the order completed.
   */
  List<Integer> completeExternalTasks(String topic, int count) {
    return completeExternalTasks(topic, count, Map.of());
  }

  /** Fetches every open external task on a topic (the branches of a multi-instance activity) with their variables, expecting {@code count}. */
  List<LockedExternalTask> fetchExternalTasks(String topic, int count) {
    List<LockedExternalTask> locked = externalTasks().fetchAndLock(10, WORKER_ID)
        .topic(topic, LOCK_MILLIS)
        .businessKey(businessKey)
        .execute();
    assertThat(locked).as("external tasks on topic '%s' for case %s", topic, businessKey).hasSize(count);
    return locked;
  }

  /** Completes a fetched external task with the worker's variables. */
  void completeLocked(LockedExternalTask task, Map<String, Object> variables) {
    externalTasks().complete(task.getId(), WORKER_ID, variables);
    executeAsyncContinuations();
  }

  /** {@link #completeExternalTasks(String, int)}, each branch completing with the same worker's variables. */
  List<Integer> completeExternalTasks(String topic, int count, Map<String, Object> variables) {
    List<LockedExternalTask> locked = externalTasks().fetchAndLock(10, WORKER_ID)
        .topic(topic, LOCK_MILLIS)
        .businessKey(businessKey)
        .variables("loopCounter")
        .execute();
    assertThat(locked).as("external tasks on topic '%s' for case %s", topic, businessKey).hasSize(count);
    List<Integer> branches = new java.util.ArrayList<>();
    for (LockedExternalTask task : locked) {
      branches.add((Integer) task.getVariables().get("loopCounter"));
      externalTasks().complete(task.getId(), WORKER_ID, variables);
    }
    executeAsyncContinuations();
    return branches;
  }

  /**
   * Fetches the one external task on a topic, asserts its local input variables (visible to the worker, and local
   * to the task's execution, not set on the process instance), then completes it with the worker's variables.
   */
  LockedExternalTask completeExternalTaskWithLocals(String topic, Map<String, Object> expectedLocals,
      Map<String, Object> variables) {
    LockedExternalTask task = fetchExternalTask(topic);
    expectedLocals.forEach((name, value) -> {
      assertThat(task.getVariables().get(name)).as("variable %s fetched with %s", name, topic).isEqualTo(value);
      assertThat(runtime().getVariableLocal(task.getExecutionId(), name)).as("local %s of %s", name, topic).isEqualTo(value);
      assertThat(runtime().getVariable(task.getProcessInstanceId(), name)).as("%s stays local to %s", name, topic).isNull();
    });
    externalTasks().complete(task.getId(), WORKER_ID, variables);
    executeAsyncContinuations();
    return task;
  }

  /** A worker reporting a business outcome as a BPMN error. */
  LockedExternalTask throwBpmnError(String topic, String errorCode) {
    LockedExternalTask task = fetchExternalTask(topic);
    externalTasks().handleBpmnError(task.getId(), WORKER_ID, errorCode);
    executeAsyncContinuations();
    return task;
  }

  List<ExternalTask> openExternalTasks() {
    Set<String> instances = activeProcessInstanceIds();
    return externalTasks().createExternalTaskQuery().list().stream()
        .filter(t -> instances.contains(t.getProcessInstanceId()))
        .toList();
  }

  // ------------------------------------------------------------------------------------------------ user tasks

  /** The one open user task of this case with the given task definition key (= element id = formRef). */
  UserTaskStep userTask(String taskDefinitionKey) {
    List<Task> tasks = taskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskDefinitionKey)
        .list();
    assertThat(tasks).as("open user tasks '%s' of case %s", taskDefinitionKey, businessKey).hasSize(1);
    return new UserTaskStep(tasks.get(0));
  }

  /** All open user tasks of this case with the given key (one per branch of a multi-instance activity). */
  List<UserTaskStep> userTasks(String taskDefinitionKey, int count) {
    List<Task> tasks = taskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskDefinitionKey)
        .list();
    assertThat(tasks).as("open user tasks '%s' of case %s", taskDefinitionKey, businessKey).hasSize(count);
    return tasks.stream().map(UserTaskStep::new).toList();
  }

  List<Task> openUserTasks() {
    return taskService().createTaskQuery().processInstanceBusinessKey(businessKey).list();
  }

  final class UserTaskStep {
    private final Task task;

    private UserTaskStep(Task task) {
      this.task = task;
    }

    Task task() {
      return task;
    }

    UserTaskStep hasCandidateGroup(String group) {
      List<String> groups = taskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(IdentityLink::getGroupId)
          .toList();
      assertThat(groups).as("candidate groups of %s", task.getTaskDefinitionKey()).containsExactly(group);
      assertThat(task.getAssignee()).as("assignee of %s", task.getTaskDefinitionKey()).isNull();
      return this;
    }

    UserTaskStep hasAssignee(String userId) {
      assertThat(task.getAssignee()).as("assignee of %s", task.getTaskDefinitionKey()).isEqualTo(userId);
      return this;
    }

    void complete() {
      complete(Map.of());
    }

    void complete(Map<String, Object> variables) {
      taskService().complete(task.getId(), variables);
      executeAsyncContinuations();
    }
  }

  // ------------------------------------------------------------------------------------------------ intake, approval

  /** The apply-relocation-policy worker: the policy's eligibility verdict (the decision tables run in Java). */
  JourneyDriver applyPolicy(boolean eligible) {
    completeExternalTask("apply-relocation-policy", Map.of("eligible", eligible,
        "ineligibilityReason", eligible ? "" : INELIGIBILITY_REASON));
    return this;
  }

  static final String INELIGIBILITY_REASON = "A domestic local hire is not relocated (GM-5.2)";

  /**
   * The estimate-relocation-cost worker, which gets the reason of the estimate as a local input variable of its
   * task ({@code estimateReason}: 'intake', 'revised intake' or 'policy exceptions decided').
   */
  JourneyDriver estimate(String expectedReason, boolean estimateExceedsBudget) {
    completeExternalTaskWithLocals("estimate-relocation-cost", Map.of("estimateReason", expectedReason),
        Map.of("estimateExceedsBudget", estimateExceedsBudget));
    return this;
  }

  /** A first intake that passes: eligible, estimated, reviewed by the specialist. */
  JourneyDriver passIntake(boolean estimateExceedsBudget) {
    applyPolicy(true);
    estimate("intake", estimateExceedsBudget);
    userTask("review-intake").hasCandidateGroup("mobility-specialist").complete(Map.of("intakeVerified", true));
    return this;
  }

  /** The intake of a case an approver sent back: revised by the specialist, then policy, estimate and review again. */
  JourneyDriver passRevisedIntake() {
    userTask("revise-intake").hasCandidateGroup("mobility-specialist")
        .complete(Map.of("revisedBudgetAmount", 30000, "revisionNote", "Budget raised as asked"));
    applyPolicy(true);
    estimate("revised intake", false);
    userTask("review-intake").hasCandidateGroup("mobility-specialist").complete(Map.of("intakeVerified", true));
    return this;
  }

  /** What the approval routing decided for a case (the route-approval worker's output variables). */
  record Routing(boolean financeApprovalRequired, boolean secondLevelApprovalRequired, List<String> exceptionIds) {
    static final Routing MANAGER_ONLY = new Routing(false, false, List.of());
    static final Routing FINANCE = new Routing(true, false, List.of());
    static final Routing SECOND_LEVEL = new Routing(false, true, List.of());

    static Routing exceptions(String... ids) {
      return new Routing(false, false, List.of(ids));
    }

    static Routing everything(String... exceptionIds) {
      return new Routing(true, true, List.of(exceptionIds));
    }

    Map<String, Object> variables() {
      return Map.of("financeApprovalRequired", financeApprovalRequired,
          "secondLevelApprovalRequired", secondLevelApprovalRequired,
          "exceptionCount", exceptionIds.size(),
          "exceptionIds", String.join(",", exceptionIds),
          "approvalOutcome", "pending");
    }
  }

  JourneyDriver routeApproval(Routing routing) {
    completeExternalTask("route-approval", routing.variables());
    return this;
  }

  /** The approval steps: user task id, candidate group and the prefix of its form's decision and comment fields. */
  enum ApprovalStep {
    MANAGER("approve-relocation", "manager", "manager"),
    POLICY_EXCEPTION("approve-policy-exception", "hr-lead", "exception"),
    FINANCE("approve-budget", "finance", "finance"),
    SECOND_LEVEL("approve-transfer", "senior-manager", "secondLevel");

    final String task;
    final String group;
    final String field;

    ApprovalStep(String task, String group, String field) {
      this.task = task;
      this.group = group;
      this.field = field;
    }

    String decisionVariable() {
      return field + "Decision";
    }

    String commentVariable() {
      return field + "Comment";
    }
  }

  /** The approver of a (single-instance) step decides: approve, reject or send-back, with a comment. */
  JourneyDriver decide(ApprovalStep step, String decision) {
    userTask(step.task).hasCandidateGroup(step.group).complete(decisionVariables(step, decision));
    return this;
  }

  static Map<String, Object> decisionVariables(ApprovalStep step, String decision) {
    return Map.of(step.decisionVariable(), decision, step.commentVariable(), commentFor(step, decision));
  }

  static String commentFor(ApprovalStep step, String decision) {
    return step.field + " says " + decision;
  }

  /** The record-approval worker: the approval is granted. */
  JourneyDriver recordApproval() {
    completeExternalTask("record-approval", Map.of("approvalOutcome", "approved"));
    return this;
  }

  /** The simplest approval: routed to the manager only, who approves; the approval is recorded. */
  JourneyDriver approve() {
    return routeApproval(Routing.MANAGER_ONLY).decide(ApprovalStep.MANAGER, "approve").recordApproval();
  }

  // ------------------------------------------------------------------------------------------------ messages, timers

  /** A vendor callback: the message correlated by name and business key. */
  void correlate(String messageName) {
    correlate(messageName, Map.of());
  }

  void correlate(String messageName, Map<String, Object> variables) {
    runtime().createMessageCorrelation(messageName)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlate();
    executeAsyncContinuations();
  }

  /**
   * Immigration counsel's answer for one traveller's branch: the message {@code immigration-decision} with
   * {@code counselOutcome}, correlated to the branch whose await-counsel-decision holds {@code counselBranch}.
   */
  void counselAnswers(int branch, String outcome) {
    runtime().createMessageCorrelation("immigration-decision")
        .processInstanceBusinessKey(businessKey)
        .localVariableEquals("counselBranch", branch)
        .setVariables(Map.of("counselOutcome", outcome))
        .correlate();
    executeAsyncContinuations();
  }

  /**
   * Runs the case's due asynchronous continuations (the parallel joins are asyncBefore, so concurrent
   * branches join in exclusive jobs instead of clashing), as the job executor would; repeats until none is left.
   */
  int executeAsyncContinuations() {
    int executed = 0;
    List<Job> jobs;
    do {
      Set<String> instances = activeProcessInstanceIds();
      jobs = management().createJobQuery().messages().executable().list().stream()
          .filter(job -> instances.contains(job.getProcessInstanceId()))
          .toList();
      jobs.forEach(job -> management().executeJob(job.getId()));
      executed += jobs.size();
    } while (!jobs.isEmpty());
    return executed;
  }

  void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  List<Job> timerJobs() {
    Set<String> instances = activeProcessInstanceIds();
    return management().createJobQuery().timers().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()))
        .toList();
  }

  /** Executes the timer jobs of this case that are due at the (test) clock's current time; returns how many. */
  int executeDueTimers() {
    Set<String> instances = activeProcessInstanceIds();
    List<Job> due = management().createJobQuery().timers().executable().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()))
        .toList();
    due.forEach(job -> management().executeJob(job.getId()));
    return due.size();
  }

  // ------------------------------------------------------------------------------------------------ assertions

  Set<String> activeProcessInstanceIds() {
    Set<String> ids = new LinkedHashSet<>();
    runtime().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .forEach(instance -> ids.add(instance.getId()));
    return ids;
  }

  /** Active activities of all running process instances of the case (main and phases). */
  Set<String> activeActivityIds() {
    Set<String> ids = new LinkedHashSet<>();
    activeProcessInstanceIds().forEach(id -> ids.addAll(runtime().getActiveActivityIds(id)));
    return ids;
  }

  List<HistoricActivityInstance> activityHistory() {
    return historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .flatMap(instance -> historyService().createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .orderPartiallyByOccurrence().asc()
            .list().stream())
        .toList();
  }

  private List<String> finishedActivityIds() {
    return activityHistory().stream().filter(a -> a.getEndTime() != null).map(HistoricActivityInstance::getActivityId).toList();
  }

  JourneyDriver assertPassed(String... activityIds) {
    assertThat(finishedActivityIds()).as("activities passed by case %s", businessKey).contains(activityIds);
    return this;
  }

  JourneyDriver assertPassedTimes(String activityId, int times) {
    assertThat(finishedActivityIds().stream().filter(activityId::equals).count())
        .as("times case %s passed %s", businessKey, activityId).isEqualTo(times);
    return this;
  }

  JourneyDriver assertNotReached(String... activityIds) {
    assertThat(activityHistory().stream().map(HistoricActivityInstance::getActivityId).toList())
        .as("activities reached by case %s", businessKey).doesNotContain(activityIds);
    return this;
  }

  JourneyDriver assertWaitingAt(String... activityIds) {
    assertThat(activeActivityIds()).as("active activities of case %s", businessKey).contains(activityIds);
    return this;
  }

  JourneyDriver assertNotWaitingAt(String... activityIds) {
    assertThat(activeActivityIds()).as("active activities of case %s", businessKey).doesNotContain(activityIds);
    return this;
  }

  /** The variables of the (one) instance of a process of this case, as history recorded them (last values). */
  Map<String, Object> historicVariables(String processDefinitionKey) {
    Map<String, Object> variables = new java.util.HashMap<>();
    historyService().createHistoricVariableInstanceQuery().processInstanceId(historicInstance(processDefinitionKey).getId())
        .list().forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  /** A variable of the running instance of a process of this case (its process instance scope). */
  Object variable(String processDefinitionKey, String name) {
    ProcessInstance instance = runtime().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processDefinitionKey).singleResult();
    assertThat(instance).as("running instance of %s for case %s", processDefinitionKey, businessKey).isNotNull();
    return runtime().getVariable(instance.getId(), name);
  }

  /** The (one) instance of a process of this case, from history. */
  HistoricProcessInstance historicInstance(String processDefinitionKey) {
    List<HistoricProcessInstance> instances = historyService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processDefinitionKey)
        .list();
    assertThat(instances).as("instances of %s for case %s", processDefinitionKey, businessKey).hasSize(1);
    return instances.get(0);
  }

  /** The process instance has ended, and at the given end event. */
  JourneyDriver assertEndedAt(String processDefinitionKey, String endEventId) {
    HistoricProcessInstance instance = historicInstance(processDefinitionKey);
    assertThat(instance.getEndTime()).as("end time of %s", processDefinitionKey).isNotNull();
    assertThat(instance.getEndActivityId()).as("end event of %s", processDefinitionKey).isEqualTo(endEventId);
    assertThat(instance.getState()).as("state of %s", processDefinitionKey).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertPassed(endEventId);
    return this;
  }

  /**
   * The process instance reached the given error end event and its error was caught by a boundary event of the
   * calling process: the engine then cancels the called instance (state INTERNALLY_TERMINATED) instead of completing
   * it, so it has no end activity.
   */
  JourneyDriver assertErrorThrownToCaller(String processDefinitionKey, String errorEndEventId) {
    HistoricProcessInstance instance = historicInstance(processDefinitionKey);
    assertThat(instance.getEndTime()).as("end time of %s", processDefinitionKey).isNotNull();
    assertThat(instance.getState()).as("state of %s", processDefinitionKey).isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
    assertThat(instance.getEndActivityId()).as("end activity of %s", processDefinitionKey).isNull();
    assertPassed(errorEndEventId);
    return this;
  }

  JourneyDriver assertRunning(String processDefinitionKey) {
    assertThat(historicInstance(processDefinitionKey).getEndTime()).as("end time of %s", processDefinitionKey).isNull();
    return this;
  }

  /** Nothing of the case is left in the runtime: no instance, user task, external task or job. */
  JourneyDriver assertCaseFinished() {
    assertThat(activeProcessInstanceIds()).as("running instances of case %s", businessKey).isEmpty();
    assertThat(openUserTasks()).as("open user tasks of case %s", businessKey).isEmpty();
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).unfinished().count())
        .as("unfinished historic instances of case %s", businessKey).isZero();
    List<String> instanceIds = historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list().stream().map(HistoricProcessInstance::getId).toList();
    assertThat(externalTasks().createExternalTaskQuery().list())
        .filteredOn(t -> instanceIds.contains(t.getProcessInstanceId())).isEmpty();
    assertThat(management().createJobQuery().list())
        .filteredOn(j -> instanceIds.contains(j.getProcessInstanceId())).isEmpty();
    return this;
  }

  // ------------------------------------------------------------------------------------------------ services

  private RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  private TaskService taskService() {
    return engine.getTaskService();
  }

  private ExternalTaskService externalTasks() {
    return engine.getExternalTaskService();
  }

  private HistoryService historyService() {
    return engine.getHistoryService();
  }

  private ManagementService management() {
    return engine.getManagementService();
  }
}
