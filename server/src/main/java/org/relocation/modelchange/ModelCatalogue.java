package org.relocation.modelchange;

import io.swagger.v3.oas.annotations.media.Schema;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.OperatonFormDefinitionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.operaton.bpm.engine.management.ProcessDefinitionStatistics;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.StartEvent;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import org.relocation.policy.PolicyDecisionRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is deployed, for the process owner about to change it: every process with its versions and the running
 * instances each version holds; every decision table with its versions and the open cases pinned to each (a case keeps
 * the version of its first evaluation, see the policy feature); every form with the deployments that hold it and the
 * process versions that use it (forms are bound to the deployment). And the file of any version, to start a change from.
 * Read as the caller (the engine's authorizations apply); this server has no tenants.
 */
@Component
public class ModelCatalogue {

    private static final List<String> EXTENSION_NAMESPACES = List.of("http://camunda.org/schema/1.0/bpmn", "http://operaton.org/schema/1.0/bpmn");

    private final RepositoryService repository;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl configuration;
    private final PolicyDecisionRepository decisions;

    ModelCatalogue(ProcessEngine engine, PolicyDecisionRepository decisions) {
        this.repository = engine.getRepositoryService();
        this.management = engine.getManagementService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.decisions = decisions;
    }

    @Schema(name = "DeployedModels", description = "The deployed processes, decision tables and forms with their versions")
    public record Models(List<ProcessModel> processes, List<DecisionModel> decisions, List<FormModel> forms) {
    }

    @Schema(name = "DeployedProcess", description = "A process (BPMN) by its key, with every deployed version, oldest first")
    public record ProcessModel(@Schema(example = "relocation-benefits") String key, @Schema(example = "Benefits") String name,
                          List<ProcessVersion> versions) {
    }

    @Schema(name = "DeployedProcessVersion", description = "A deployed version of a process and how many running instances it holds")
    public record ProcessVersion(int version, String definitionId, String deploymentId, Instant deployedAt,
                                 @Schema(description = "Running process instances of this version") long runningInstances,
                                 @Schema(description = "The latest version: new instances start on it") boolean latest) {
    }

    @Schema(name = "DeployedDecision", description = "A decision table (DMN) by its key, with every deployed version, oldest first")
    public record DecisionModel(@Schema(example = "relocation-allowances") String key, @Schema(example = "Relocation allowances") String name,
                           List<DecisionVersion> versions) {
    }

    @Schema(name = "DeployedDecisionVersion", description = "A deployed version of a decision table and the open cases pinned to it")
    public record DecisionVersion(int version, String definitionId, String deploymentId, Instant deployedAt,
                                  @Schema(description = "Open cases that evaluated this table first in this version: they keep it")
                                  long pinnedOpenCases,
                                  @Schema(description = "The latest version: cases evaluating the table for the first time get it")
                                  boolean latest) {
    }

    @Schema(name = "DeployedForm", description = "A form (form-js) by its id, with every deployment that holds a version of it")
    public record FormModel(@Schema(example = "confirm-benefits-enrolment") String key, List<FormVersion> versions) {
    }

    @Schema(name = "DeployedFormVersion", description = "A version of a form, the deployment holding it and the process versions "
            + "of that deployment that use it (a task shows the form deployed with its process version)")
    public record FormVersion(int version, String deploymentId, Instant deployedAt,
                              @Schema(description = "Process definition ids whose tasks or start event use this form") List<String> usedBy,
                              boolean latest) {
    }

    /** A deployed model's file: its name in its deployment, its content. */
    public record ModelFile(String fileName, byte[] content) {
    }

    public Models models() {
        Map<String, Instant> deployedAt = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d.getDeploymentTime().toInstant(), (a, b) -> a));
        Map<String, Long> running = management.createProcessDefinitionStatisticsQuery().list().stream()
                .collect(Collectors.toMap(ProcessDefinitionStatistics::getId, s -> (long) s.getInstances(), Long::sum));
        List<ProcessDefinition> processDefinitions = repository.createProcessDefinitionQuery().withoutTenantId().list();
        List<ProcessModel> processes = grouped(processDefinitions, ProcessDefinition::getKey, ProcessDefinition::getVersion,
                (key, versions, latest) -> new ProcessModel(key, latest.getName(), versions.stream().map(d -> new ProcessVersion(d.getVersion(),
                        d.getId(), d.getDeploymentId(), deployedAt.get(d.getDeploymentId()), running.getOrDefault(d.getId(), 0L),
                        d == latest)).toList()));

        Map<String, Long> pinned = new HashMap<>();
        decisions.openCasesByVersion().forEach(p -> pinned.put(p.getDefinitionId(), p.getOpenCases()));
        List<DecisionModel> decisionList = grouped(repository.createDecisionDefinitionQuery().withoutTenantId().list(),
                DecisionDefinition::getKey, DecisionDefinition::getVersion,
                (key, versions, latest) -> new DecisionModel(key, latest.getName(), versions.stream().map(d -> new DecisionVersion(d.getVersion(),
                        d.getId(), d.getDeploymentId(), deployedAt.get(d.getDeploymentId()), pinned.getOrDefault(d.getId(), 0L),
                        d == latest)).toList()));

        Map<String, List<ProcessDefinition>> processesByDeployment = processDefinitions.stream()
                .collect(Collectors.groupingBy(ProcessDefinition::getDeploymentId));
        Map<String, Set<String>> formRefs = new HashMap<>();
        List<FormModel> forms = grouped(formDefinitions(), OperatonFormDefinitionEntity::getKey, OperatonFormDefinitionEntity::getVersion,
                (key, versions, latest) -> new FormModel(key, versions.stream().map(f -> new FormVersion(f.getVersion(), f.getDeploymentId(),
                        deployedAt.get(f.getDeploymentId()), processesByDeployment.getOrDefault(f.getDeploymentId(), List.of()).stream()
                        .filter(p -> formRefs.computeIfAbsent(p.getId(), this::formRefs).contains(key)).map(ProcessDefinition::getId).toList(),
                        f == latest)).toList()));
        return new Models(processes, decisionList, forms);
    }

    /** The file of a deployed version: kind process (BPMN), decision (DMN) or form (form-js). */
    public ModelFile file(String kind, String key, int version) {
        switch (kind) {
            case ChangeReport.PROCESS -> {
                ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                        .withoutTenantId().singleResult();
                if (d != null) {
                    return new ModelFile(fileName(d.getResourceName()), bytes(repository.getProcessModel(d.getId())));
                }
            }
            case ChangeReport.DECISION -> {
                DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).decisionDefinitionVersion(version)
                        .withoutTenantId().singleResult();
                if (d != null) {
                    return new ModelFile(fileName(d.getResourceName()), bytes(repository.getDecisionModel(d.getId())));
                }
            }
            case ChangeReport.FORM -> {
                ModelFile form = configuration.getCommandExecutorTxRequired().execute(ctx -> {
                    OperatonFormDefinitionEntity d = ctx.getOperatonFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(key, version, null);
                    ResourceEntity resource = d == null ? null
                            : ctx.getResourceManager().findResourceByDeploymentIdAndResourceName(d.getDeploymentId(), d.getResourceName());
                    return resource == null ? null : new ModelFile(fileName(d.getResourceName()), resource.getBytes());
                });
                if (form != null) {
                    return form;
                }
            }
            default -> throw new ModelNotFoundException("No model kind " + kind + ": process, decision or form");
        }
        throw new ModelNotFoundException("No " + kind + " " + key + " in version " + version);
    }

    /** Every deployed form version (the engine has no public query for them). */
    @SuppressWarnings("unchecked")
    private List<OperatonFormDefinitionEntity> formDefinitions() {
        return configuration.getCommandExecutorTxRequired().execute((CommandContext ctx) ->
                (List<OperatonFormDefinitionEntity>) ctx.getDbEntityManager().selectList("selectAllOperatonFormDefinitions"));
    }

    /** The forms a process version's user tasks and start events refer to (camunda:formRef). */
    private Set<String> formRefs(String processDefinitionId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        Set<String> refs = new HashSet<>();
        List<ModelElementInstance> elements = new ArrayList<>(model.getModelElementsByType(UserTask.class));
        elements.addAll(model.getModelElementsByType(StartEvent.class));
        for (ModelElementInstance element : elements) {
            for (String ns : EXTENSION_NAMESPACES) {
                String ref = element.getAttributeValueNs(ns, "formRef");
                if (ref != null) {
                    refs.add(ref);
                }
            }
        }
        return refs;
    }

    private interface Group<T, R> {
        R of(String key, List<T> versions, T latest);
    }

    /** Definitions grouped by key (keys in order), each group's versions oldest first with its latest version. */
    private static <T, R> List<R> grouped(List<T> definitions, Function<T, String> key, Function<T, Integer> version, Group<T, R> group) {
        Map<String, List<T>> byKey = new TreeMap<>();
        definitions.forEach(d -> byKey.computeIfAbsent(key.apply(d), k -> new ArrayList<>()).add(d));
        List<R> groups = new ArrayList<>();
        byKey.forEach((k, versions) -> {
            versions.sort(Comparator.comparing(version));
            groups.add(group.of(k, versions, versions.get(versions.size() - 1)));
        });
        return groups;
    }

    private static String fileName(String resourceName) {
        return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    }

    private static byte[] bytes(InputStream in) {
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
