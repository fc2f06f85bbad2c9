package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.relocation.immigration.DocumentsIncompleteException;
import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.InvalidIntakeException;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * What the platform does around every model, without process owners wiring it: registers a case started
 * from the Tasklist start form, keeps phases and the timeline, validates submitted forms against their
 * schema, and moves personal form data into the case records (removing the variables in the same
 * transaction, so they never persist as variables).
 */
@Component
class JourneyListeners {

    private final CaseService cases;
    private final FormSchemas schemas;
    private final FormRecords records;

    JourneyListeners(CaseService cases, FormSchemas schemas, FormRecords records) {
        this.cases = cases;
        this.schemas = schemas;
        this.records = records;
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
            throw new FormFieldValidationException(e.getFieldErrors(), "Invalid intake: " + e.getFieldErrors());
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
                    execution.getCurrentActivityName(), execution.getProcessDefinitionId().split(":")[0], "job-worker");
        }
    }

    void onTaskCreate(DelegateTask task) {
        Long caseId = caseId(task.getExecution());
        if (caseId != null) {
            cases.recordStep(caseId, TimelineEntry.Kind.TASK_CREATED, task.getTaskDefinitionKey(), task.getName(),
                    task.getProcessDefinitionId().split(":")[0], null);
        }
    }

    void onTaskComplete(DelegateTask task) {
        Map<String, Object> submitted = new HashMap<>();
        schemas.fields(task.getTaskDefinitionKey()).forEach(f -> submitted.put(f.key(), task.getVariable(f.key())));
        Map<String, String> problems = schemas.violations(task.getTaskDefinitionKey(), submitted);
        if (!problems.isEmpty()) {
            // the REST API and the Tasklist answer a form validation failure with 400 and this message
            throw new FormFieldValidationException(problems, "Form " + task.getTaskDefinitionKey() + " has invalid fields: " + problems);
        }
        if (task.hasVariableLocal(FormRecords.EXCEPTION_ID) || task.getExecution().hasVariableLocal(FormRecords.EXCEPTION_ID)) {
            submitted.put(FormRecords.EXCEPTION_ID, task.getVariable(FormRecords.EXCEPTION_ID));
        }
        Long caseId = caseId(task.getExecution());
        String actor = actor(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
        if (actor == null) {
            actor = task.getAssignee();
        }
        if (caseId != null) {
            try {
                records.record(caseId, task.getTaskDefinitionKey(), submitted, actor);
            } catch (DocumentsIncompleteException e) {
                // a rule of the case records (documents without a file): 400 naming the field, like a schema violation
                throw new FormFieldValidationException(e.fieldErrors(), "Form " + task.getTaskDefinitionKey() + " refused: " + e.getMessage());
            }
            cases.recordStep(caseId, TimelineEntry.Kind.TASK_COMPLETED, task.getTaskDefinitionKey(), task.getName(),
                    task.getProcessDefinitionId().split(":")[0], actor);
        }
        for (String name : submitted.keySet()) {
            if (PersonalData.isPersonal(name) || ONE_OFF_FORMS.contains(task.getTaskDefinitionKey())) {
                task.getExecution().removeVariable(name);
            }
        }
    }

    /**
     * Forms whose values live on only in the case records: a later revision must not find the earlier one's values
     * prefilled (a second send-back of the same case).
     */
    private static final java.util.Set<String> ONE_OFF_FORMS = java.util.Set.of("revise-intake");

    private static Long caseId(DelegateExecution execution) {
        Object v = execution == null ? null : execution.getVariable(ProcessVariables.CASE_ID);
        return v instanceof Number n ? n.longValue() : null;
    }

    private static String actor(Authentication authentication) {
        return authentication == null ? null : authentication.getUserId();
    }
}
