package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.InvalidIntakeException;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TaskSubmissions;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.SubmissionRefusedException;
import org.relocation.platform.form.TaskFormHandler;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the platform does around every model, without process owners wiring it: registers a case started
 * from the Tasklist start form, keeps phases and the timeline, validates submitted forms against the deployed
 * form, keeps every submission in the case records with the feature's domain record, and removes every submitted
 * field the process does not read in the same transaction (so notes and personal data never persist as variables).
 */
@Component
class JourneyListeners {

    private final CaseService cases;
    private final DeployedForms forms;
    private final TaskFormHandlers handlers;
    private final TaskSubmissions submissions;
    private final ProcessReads reads;

    JourneyListeners(CaseService cases, DeployedForms forms, TaskFormHandlers handlers, TaskSubmissions submissions, ProcessReads reads) {
        this.cases = cases;
        this.forms = forms;
        this.handlers = handlers;
        this.submissions = submissions;
        this.reads = reads;
    }

    /** Start of the main process: a Tasklist start carries intake_* fields instead of a caseId. */
    void onRelocationStart(DelegateExecution execution) {
        if (execution.getVariable(ProcessVariables.CASE_ID) != null) {
            return;
        }
        Map<String, Object> intake = new HashMap<>();
        for (String name : execution.getVariableNames()) {
            if (name.startsWith(PersonalData.INTAKE_PREFIX)) {
                intake.put(name.substring(PersonalData.INTAKE_PREFIX.length()), execution.getVariable(name));
                execution.removeVariable(name);
            }
        }
        RelocationCase c;
        try {
            c = cases.register(IntakeForm.toIntake(intake), actor(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()));
        } catch (InvalidIntakeException e) {
            // the intake's own names (employeeUserId) are the start form's intake_ fields: named by their labels
            Map<String, String> labels = new HashMap<>();
            if (execution instanceof org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity entity && Context.getCommandContext() != null) {
                try {
                    forms.startForm(Context.getCommandContext(), entity.getProcessDefinition()).forEach(f -> labels.put(f.key(), f.label()));
                } catch (RuntimeException unreadable) {
                    // no start form to read labels from: the fields are named after their keys
                }
            }
            Map<String, String> sentences = FieldMessages.sentences(e.getFieldErrors(),
                    key -> labels.getOrDefault(PersonalData.INTAKE_PREFIX + key, FieldMessages.fromKey(key)));
            throw new FormFieldValidationException(sentences, FieldMessages.message(sentences));
        }
        cases.attachProcess(c.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(c.getCaseNumber());
        execution.setVariables(ProcessVariables.forCase(c));
    }

    void onPhaseStart(DelegateExecution execution) {
        Long caseId = caseId(execution);
        if (caseId != null) {
            cases.phaseEntered(caseId, execution.getCurrentActivityId(), execution.getCurrentActivityName());
        }
    }

    void onPhaseEnd(DelegateExecution execution) {
        Long caseId = caseId(execution);
        if (caseId != null) {
            cases.phaseCompleted(caseId, execution.getCurrentActivityId(), execution.getCurrentActivityName());
        }
    }

    void onStepEnd(DelegateExecution execution) {
        Long caseId = caseId(execution);
        if (caseId != null) {
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, execution.getCurrentActivityId(),
                    execution.getCurrentActivityName(), processKey(execution), "job-worker");
        }
    }

    void onTaskCreate(DelegateTask task) {
        Long caseId = caseId(task.getExecution());
        if (caseId != null) {
            cases.recordStep(caseId, TimelineEntry.Kind.TASK_CREATED, task.getTaskDefinitionKey(), modelName(task),
                    processKey(task.getExecution()), null);
        }
    }

    /**
     * A completed user task: the submission obeys the form deployed with the task's process version; it is kept in the
     * case records as submitted, and the form's feature records its domain fields. Then every submitted field the
     * process does not read (routing) is removed in the same transaction: it lives on in the case records only, never
     * as a variable, whatever the history level.
     */
    void onTaskComplete(DelegateTask delegate) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task = (TaskEntity) delegate;
        DeployedForms.TaskForm form = forms.of(context, task);
        TaskFormHandler handler = handlers.of(form.formId()).orElse(null);
        Set<String> display = handler == null ? Set.of() : handler.displayFields();
        List<FormSchemas.Field> fields = form.fields().stream().filter(f -> !display.contains(f.key())).toList();
        Map<String, Object> submitted = new LinkedHashMap<>();
        fields.forEach(f -> submitted.put(f.key(), task.getVariable(f.key())));
        Map<String, String> problems = FormSchemas.violations(fields, submitted);
        if (!problems.isEmpty()) {
            // the REST API and the Tasklist answer a form validation failure with 400 and this message
            throw FieldMessages.refusal(form.fields(), problems);
        }
        // a dynamic list arrives as its JSON text (or a list, from Java): the handler and the submission record read the list
        fields.stream().filter(FormSchemas.Field::isList).filter(f -> submitted.get(f.key()) != null)
                .forEach(f -> submitted.put(f.key(), FormSchemas.list(submitted.get(f.key())).orElseThrow()));
        submitted.values().removeIf(java.util.Objects::isNull);
        Long caseId = caseId(task.getExecution());
        String actor = actor(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
        if (actor == null) {
            actor = task.getAssignee();
        }
        if (caseId != null) {
            Map<String, Object> taskContext = TaskFormHandlers.taskContext(task, submitted.keySet());
            submissions.record(caseId, new TaskSubmissions.Task(task.getId(), task.getTaskDefinitionKey(), modelName(task), form.formId(),
                    task.getProcessDefinitionId(), form.deploymentId()), submitted, taskContext, actor);
            if (handler != null) {
                try {
                    handler.record(new FormSubmission(caseId, form.formId(), task.getId(), submitted, taskContext, actor));
                } catch (SubmissionRefusedException e) {
                    throw FieldMessages.refusal(form.fields(), e.fieldErrors());
                }
            }
            cases.recordStep(caseId, TimelineEntry.Kind.TASK_COMPLETED, task.getTaskDefinitionKey(), modelName(task),
                    processKey(task.getExecution()), actor);
        }
        for (FormSchemas.Field field : form.fields()) {
            if (display.contains(field.key()) || PersonalData.isPersonal(field.key()) || !reads.reads(context, form.deploymentId(), field.key())) {
                task.getExecution().removeVariable(field.key());
            }
        }
    }

    /**
     * The task's name in the model ("Review intake"), not the task card's name a feature may give it (with the case
     * number and route): the case records already belong to the case.
     */
    private static String modelName(DelegateTask task) {
        org.operaton.bpm.model.bpmn.instance.UserTask element = task.getProcessDefinitionId() == null ? null : task.getBpmnModelElementInstance();
        String name = element == null ? null : element.getName();
        return name != null ? name : task.getName();
    }

    /**
     * The key of the execution's process. Its definition id starts with the key only while "key:version:id" fits the
     * engine's 64 characters; a longer key (relocation-destination-services) gets a bare generated id.
     */
    private static String processKey(DelegateExecution execution) {
        String id = execution.getProcessDefinitionId();
        if (execution instanceof org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity entity && entity.getProcessDefinition() != null) {
            return entity.getProcessDefinition().getKey();
        }
        return id == null ? null : id.split(":")[0];
    }

    private static Long caseId(DelegateExecution execution) {
        Object v = execution == null ? null : execution.getVariable(ProcessVariables.CASE_ID);
        return v instanceof Number n ? n.longValue() : null;
    }

    private static String actor(Authentication authentication) {
        return authentication == null ? null : authentication.getUserId();
    }
}
