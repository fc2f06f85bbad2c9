package org.relocation.platform.engine;

import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.operaton.bpm.engine.impl.cfg.CommandChecker;
import org.operaton.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.operaton.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.operaton.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.operaton.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.operaton.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.operaton.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.operaton.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.operaton.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.operaton.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.operaton.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.operaton.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.operaton.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.operaton.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.operaton.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.operaton.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.operaton.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.operaton.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.operaton.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.operaton.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.operaton.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.operaton.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.CommandInterceptor;
import org.operaton.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.variable.value.TypedValue;
import org.operaton.bpm.engine.rest.exception.InvalidRequestException;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.relocation.relocationcase.CaseService;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine boundary for people. Every command the engine runs passes here (inside its command context, so every
 * REST path, spelling, engine name and the webapps' API alike); for the outermost command of an authenticated person
 * (not the job workers' technical users, not in-process code, which runs without an authentication):
 * <ul>
 *   <li>a task completion (complete, resolve, submit-form) carries only the fields of the form deployed with the task's
 *       process version: an unknown name is a 400 naming it; the values obey the form and the case rules;</li>
 *   <li>an approver may not decide a case they opened or of which they are the employee (segregation of duties);</li>
 *   <li>a start carries only the start form's fields and cannot start in the middle of a process;</li>
 *   <li>variables are never written any other way: task and execution variable writes and deletions, process instance
 *       modification or restart with variables, messages, signals, BPMN errors and escalations thrown at a user task,
 *       external-task fetches and completions, and migrations whose plan sets variables (MigrateProcessInstanceCmd and
 *       its batch) are refused (403): routing flags and ids are set by workers only.</li>
 * </ul>
 * Query expressions are refused for every caller ({@link QueryExpressionPolicy}).
 */
class UserCommandGuard extends CommandInterceptor {

    /** Users of this group are job workers (standalone workers over REST): trusted to complete external tasks. */
    static final String JOB_WORKER_GROUP = "job-worker";
    /** Administrators: the only people who may move a case's tokens (a repair), never with variables. */
    static final String ADMIN_GROUP = "admin";

    private static final Field COMPLETE_TASK_ID = Reflect.field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = Reflect.field(CompleteTaskCmd.class, "variables");
    private static final Field SUBMIT_TASK_ID = Reflect.field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_VARIABLES = Reflect.field(SubmitTaskFormCmd.class, "properties");
    private static final Field START_FORM_DEFINITION = Reflect.field(SubmitStartFormCmd.class, "processDefinitionId");
    private static final Field START_FORM_VARIABLES = Reflect.field(SubmitStartFormCmd.class, "variables");
    private static final Field START_BUILDER = Reflect.field(StartProcessInstanceCmd.class, "instantiationBuilder");
    private static final Field SET_VARIABLES = Reflect.field(AbstractSetVariableCmd.class, "variables");
    private static final Field PATCH_VARIABLES = Reflect.field(AbstractPatchVariablesCmd.class, "variables");
    private static final Field PATCH_DELETIONS = Reflect.field(AbstractPatchVariablesCmd.class, "deletions");
    private static final Field REMOVED_VARIABLES = Reflect.field(AbstractRemoveVariableCmd.class, "variableNames");
    private static final Field MODIFICATION = Reflect.field(ModifyProcessInstanceCmd.class, "builder");
    private static final Field MIGRATION = Reflect.field(AbstractMigrationCmd.class, "executionBuilder");

    /** Commands that exist to hand variables to a process, or to move it on without a form: never a person's. */
    private static final List<Class<?>> WORKERS_ONLY = List.of(AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
            SignalEventReceivedCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class, FetchExternalTasksCmd.class,
            org.operaton.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd.class, org.operaton.bpm.engine.impl.cmd.RestartProcessInstancesCmd.class, CompleteExternalTaskCmd.class,
            HandleExternalTaskBpmnErrorCmd.class, EvaluateStartConditionCmd.class, ProcessInstanceModificationBatchCmd.class);

    /** How deep in nested commands this thread is, across both transaction modes' chains: only the outermost is the caller's. */
    private static final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ObjectProvider<FormRules> rules;
    private final ObjectProvider<CaseService> cases;
    private final ObjectProvider<DeployedForms> forms;
    private final ObjectProvider<TaskFormHandlers> handlers;

    /** The domain beans are looked up when first needed: the engine is configured before they exist. */
    UserCommandGuard(ObjectProvider<FormRules> rules, ObjectProvider<CaseService> cases,
                     ObjectProvider<DeployedForms> forms, ObjectProvider<TaskFormHandlers> handlers) {
        this.rules = rules;
        this.cases = cases;
        this.forms = forms;
        this.handlers = handlers;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] level = depth.get();
        CommandContext context = org.operaton.bpm.engine.impl.context.Context.getCommandContext();
        QueryExpressionPolicy.check(command, context);
        boolean outermost = level[0] == 0;
        // counted before the checks: a form handler's problems may query the engine (nested commands, in-process code)
        level[0]++;
        try {
            if (outermost) {
                Authentication user = context.getAuthentication();
                if (user != null && user.getUserId() != null
                        && (user.getGroupIds() == null || !user.getGroupIds().contains(JOB_WORKER_GROUP))) {
                    checkPersonsCommand(command, context, user);
                }
            }
            return next.execute(command);
        } finally {
            if (--level[0] == 0) {
                depth.remove();
            }
        }
    }

    private void checkPersonsCommand(Command<?> command, CommandContext context, Authentication user) {
        for (Class<?> forbidden : WORKERS_ONLY) {
            if (forbidden.isInstance(command)) {
                throw refused(user, command.getClass().getSimpleName().replace("Cmd", "") + " is done by the job workers only");
            }
        }
        if (command instanceof org.operaton.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd) {
            throw refused(user, "a process is started at its start event: starting at an inner activity would skip its controls");
        }
        if (command instanceof AbstractMigrationCmd migration && notEmpty(migrationVariables(migration))) {
            throw refused(user, "a migration plan carries no variables: they are set by forms and job workers");
        }
        if (command instanceof SubmitTaskFormCmd) {
            checkTaskSubmission(context, user, (String) Reflect.get(SUBMIT_TASK_ID, command), variables(Reflect.get(SUBMIT_VARIABLES, command)));
        } else if (command instanceof CompleteTaskCmd) {
            checkTaskSubmission(context, user, (String) Reflect.get(COMPLETE_TASK_ID, command), variables(Reflect.get(COMPLETE_VARIABLES, command)));
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(context, (String) Reflect.get(START_FORM_DEFINITION, command), null, variables(Reflect.get(START_FORM_VARIABLES, command)), false);
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) Reflect.get(START_BUILDER, command);
            if (builder.getModificationBuilder() != null && !builder.getModificationBuilder().getModificationOperations().isEmpty()) {
                throw refused(user, "a process is started at its start event: starting at an inner activity would skip its controls");
            }
            checkStart(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), variables(builder.getVariables()), true);
        } else if (command instanceof AbstractSetVariableCmd && notEmpty(Reflect.get(SET_VARIABLES, command))
                || command instanceof AbstractPatchVariablesCmd
                && (notEmpty(Reflect.get(PATCH_VARIABLES, command)) || notEmpty(Reflect.get(PATCH_DELETIONS, command)))
                || command instanceof AbstractRemoveVariableCmd && notEmpty(Reflect.get(REMOVED_VARIABLES, command))) {
            throw refused(user, "variables are set by completing a task's form, and by the job workers");
        } else if (command instanceof ModifyProcessInstanceCmd) {
            if (user.getGroupIds() == null || !user.getGroupIds().contains(ADMIN_GROUP)) {
                throw refused(user, "moving a case's tokens could skip its controls: an administrator's repair only");
            }
            var builder = (org.operaton.bpm.engine.impl.ProcessInstanceModificationBuilderImpl) Reflect.get(MODIFICATION, command);
            boolean variables = notEmpty(builder.getProcessVariables());
            for (AbstractProcessInstanceModificationCommand op : builder.getModificationOperations()) {
                variables |= op instanceof AbstractInstantiationCmd i && (notEmpty(i.getVariables()) || notEmpty(i.getVariablesLocal()));
            }
            if (variables) {
                throw refused(user, "a process instance modification carries no variables: they are set by forms and job workers");
            }
        }
    }

    /** A person completing a task: the form's fields only, valid, and not their own case's approval. */
    private void checkTaskSubmission(CommandContext context, Authentication user, String taskId, Map<String, Object> submitted) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command answers an unknown task itself
        }
        Object caseVariable = task.getExecution() == null ? null : task.getExecution().getVariable(ProcessVariables.CASE_ID);
        Long caseId = caseVariable instanceof Number n ? n.longValue() : null;
        DeployedForms.TaskForm form = forms.getObject().of(context, task);
        TaskFormHandler handler = handlers.getObject().of(form.formId()).orElse(null);
        if (caseId != null && handler != null && handler.approval() && cases.getObject().isOwnCase(caseId, user.getUserId())) {
            mayWorkOn(context, task);
            throw new AuthorizationException("Segregation of duties: " + user.getUserId()
                    + " opened this case or is its employee, and may not decide its approval " + form.formId());
        }
        Set<String> display = handler == null ? Set.of() : handler.displayFields();
        submitted.keySet().removeAll(display); // display-only: built from the case records each time, never stored
        List<FormSchemas.Field> fields = form.fields().stream().filter(f -> !display.contains(f.key())).toList();
        Map<String, Object> values = new LinkedHashMap<>();
        submitted.forEach((name, value) -> values.put(name, plain(value)));
        Map<String, String> problems = new LinkedHashMap<>(unknownFields(fields, values.keySet()));
        if (problems.isEmpty()) {
            problems.putAll(FormSchemas.violations(fields, values));
        }
        if (problems.isEmpty()) {
            // a dynamic list (the Tasklist's Json text, a REST client's array) reaches the engine as the list's JSON text,
            // a plain String variable the completion removes again; the handler reads the list
            for (FormSchemas.Field f : fields) {
                if (f.isList() && submitted.containsKey(f.key())) {
                    List<Map<String, Object>> list = FormSchemas.list(values.get(f.key())).orElseThrow();
                    values.put(f.key(), list);
                    submitted.put(f.key(), org.operaton.bpm.engine.variable.Variables.stringValue(FormSchemas.listText(list)));
                }
            }
        }
        if (problems.isEmpty() && handler != null && caseId != null) {
            problems.putAll(handler.problems(new FormSubmission(caseId, form.formId(), task.getId(), values,
                    TaskFormHandlers.taskContext(task, values.keySet()), user.getUserId())));
        }
        if (!problems.isEmpty()) {
            mayWorkOn(context, task);
            throw FieldMessages.refusal(form.fields(), problems);
        }
    }

    /**
     * Before a refusal tells anything of the task's form or case: someone who may not work on the task gets the engine's
     * own refusal instead (403). An accepted completion is checked by the command itself, so it is not checked twice.
     */
    private static void mayWorkOn(CommandContext context, TaskEntity task) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
    }

    /** A person starting a process: through its start form's fields only. */
    private void checkStart(CommandContext context, String definitionId, String definitionKey, Map<String, Object> submitted, boolean plainStart) {
        ProcessDefinitionEntity definition = definitionId != null
                ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
                : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(definitionKey);
        String startForm = definition == null || definition.getKey() == null || !definition.getKey().equals(ProcessVariables.PROCESS_KEY)
                ? null : FormRules.START_FORM;
        // the start form deployed with this process version, not the copy in this jar
        List<FormSchemas.Field> fields = startForm == null ? List.of() : forms.getObject().startForm(context, definition);
        Map<String, Object> values = new LinkedHashMap<>();
        submitted.forEach((name, value) -> values.put(name, plain(value)));
        Map<String, String> problems = new LinkedHashMap<>(unknownFields(fields, values.keySet()));
        if (problems.isEmpty() && startForm != null) {
            problems.putAll(FormSchemas.violations(fields, values));
            problems.putAll(rules.getObject().intakeProblems(values));
        }
        if (!problems.isEmpty()) {
            FormFieldValidationException refused = FieldMessages.refusal(fields, problems);
            // the REST API answers a plain start's engine exceptions with 500, but passes a RestException's status on
            throw plainStart ? new InvalidRequestException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, refused, refused.getMessage()) : refused;
        }
    }

    /**
     * A submitted value as the form checks it: a typed value's value; a serialized object the engine has not
     * deserialized (a REST client's {@code Object}) as its serialized text, which no field takes but a list.
     */
    static Object plain(Object value) {
        if (value instanceof org.operaton.bpm.engine.variable.value.SerializableValue s && !s.isDeserialized()) {
            return s.getValueSerialized();
        }
        return value instanceof TypedValue t ? t.getValue() : value;
    }

    private static Map<String, String> unknownFields(List<FormSchemas.Field> fields, Set<String> names) {
        Set<String> known = new java.util.HashSet<>();
        fields.forEach(f -> known.add(f.key()));
        Map<String, String> problems = new LinkedHashMap<>();
        new TreeSet<>(names).stream().filter(n -> !known.contains(n))
                .forEach(n -> problems.put(n, "this is not a field of this form: only the form's fields can be submitted"));
        return problems;
    }

    /** The variables a migration plan would set on every instance it moves (MigrateProcessInstanceCmd and its batch). */
    private static Object migrationVariables(AbstractMigrationCmd command) {
        var builder = (org.operaton.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl) Reflect.get(MIGRATION, command);
        return builder == null || builder.getMigrationPlan() == null ? null : builder.getMigrationPlan().getVariables();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Object map) {
        return map == null ? new LinkedHashMap<>() : (Map<String, Object>) map;
    }

    private static boolean notEmpty(Object value) {
        return value instanceof Map<?, ?> m ? !m.isEmpty() : value instanceof Collection<?> c && !c.isEmpty();
    }

    private static AuthorizationException refused(Authentication user, String why) {
        return new AuthorizationException(user.getUserId() + " is refused: " + why);
    }
}
