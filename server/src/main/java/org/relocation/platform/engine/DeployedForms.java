package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The form of a user task as deployed with its process version (a process owner's changed form counts, not the copy
 * in this jar): its id and fields, kept per deployment and form, which a deployment never changes.
 */
@Component
class DeployedForms {

    /** A task's form: its id ({@code camunda:formRef} key; the task key when the task has none) and fields. */
    record TaskForm(String formId, String deploymentId, List<FormSchemas.Field> fields) {
    }

    private final Map<String, List<FormSchemas.Field>> cache = new ConcurrentHashMap<>();
    private final FormSchemas schemas;

    DeployedForms(FormSchemas schemas) {
        this.schemas = schemas;
    }

    /** The fields of the start form deployed with this process version (cached per deployment). */
    List<FormSchemas.Field> startForm(CommandContext context, ProcessDefinitionEntity definition) {
        return cache.computeIfAbsent(definition.getDeploymentId() + "/start:" + definition.getKey(), key ->
                context.runWithoutAuthorization(() -> {
                    try (InputStream form = new org.operaton.bpm.engine.impl.cmd.GetDeployedStartFormCmd(definition.getId()).execute(context)) {
                        return schemas.parse(form);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    TaskForm of(CommandContext context, TaskEntity task) {
        task.initializeFormKey();
        var ref = task.getOperatonFormRef();
        ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        String deploymentId = definition.getDeploymentId();
        if (ref == null || ref.getKey() == null) {
            return new TaskForm(task.getTaskDefinitionKey(), deploymentId, List.of());
        }
        String cacheKey = "deployment".equals(ref.getBinding()) ? deploymentId + "/" + ref.getKey() : null;
        List<FormSchemas.Field> fields = cacheKey == null ? null : cache.get(cacheKey);
        if (fields == null) {
            fields = context.runWithoutAuthorization(() -> {
                try (InputStream form = new GetDeployedTaskFormCmd(task.getId()).execute(context)) {
                    return schemas.parse(form);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (cacheKey != null) {
                cache.put(cacheKey, fields);
            }
        }
        return new TaskForm(ref.getKey(), deploymentId, fields);
    }
}
