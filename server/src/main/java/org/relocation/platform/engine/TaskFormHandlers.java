package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormContextProvider;
import org.relocation.platform.form.TaskFormHandler;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The features' task-form handlers by form id: the platform looks a handler up by the task's form and knows no feature. */
@Component
public class TaskFormHandlers {

    /**
     * A task whose form is opened, the handler that builds what it shows (null when the form has none) and the
     * providers of every form's context.
     */
    public record OpenedForm(TaskFormHandler handler, FormContext context, List<FormContextProvider> providers) {

        /**
         * What the form shows besides the task's variables: the providers' context first, then the handler's context
         * and display fields (they win). Built from the case records each time; never stored.
         */
        public Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            providers.forEach(p -> values.putAll(p.context(context)));
            if (handler != null) {
                values.putAll(handler.context(context));
                values.putAll(handler.display(context));
            }
            return values;
        }
    }

    private final Map<String, TaskFormHandler> byForm = new HashMap<>();
    private final List<FormContextProvider> providers;

    TaskFormHandlers(List<TaskFormHandler> handlers, List<FormContextProvider> providers) {
        this.providers = List.copyOf(providers);
        for (TaskFormHandler h : handlers) {
            TaskFormHandler other = byForm.put(h.formId(), h);
            if (other != null) {
                throw new IllegalStateException("Form " + h.formId() + " has two handlers: " + other.getClass().getName()
                        + " and " + h.getClass().getName());
            }
        }
    }

    public Optional<TaskFormHandler> of(String formId) {
        return Optional.ofNullable(byForm.get(formId));
    }

    /**
     * The handler (if any) and context of a task of a case whose form is opened, read inside a command (the engine's
     * task entity); empty when the task belongs to no case.
     */
    public Optional<OpenedForm> opened(TaskEntity task) {
        task.initializeFormKey();
        String formId = task.getOperatonFormRef() == null ? task.getTaskDefinitionKey() : task.getOperatonFormRef().getKey();
        TaskFormHandler handler = byForm.get(formId);
        Object caseId = task.getVariable(ProcessVariables.CASE_ID);
        if (!(caseId instanceof Number n)) {
            return Optional.empty();
        }
        return Optional.of(new OpenedForm(handler, new FormContext(n.longValue(), formId, taskContext(task, List.of())), providers));
    }

    /**
     * What a task knows besides its form: its local variables and, in a multi-instance or other inner scope, the
     * scope's (which policy exception, which traveller's branch). Ids and short values only.
     */
    static Map<String, Object> taskContext(TaskEntity task, Collection<String> formFields) {
        Map<String, Object> context = new TreeMap<>();
        task.getVariablesLocal().forEach((k, v) -> context.put(k, simple(v)));
        for (ExecutionEntity e = task.getExecution(); e != null && !e.isProcessInstanceExecution(); e = e.getParent()) {
            e.getVariablesLocal().forEach((k, v) -> context.putIfAbsent(k, simple(v)));
        }
        context.values().removeIf(java.util.Objects::isNull);
        context.keySet().removeAll(formFields);
        return context;
    }

    private static Object simple(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof String s && s.length() <= 64 ? value : null;
    }
}
