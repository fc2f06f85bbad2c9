package org.relocation.modelchange.migration.engine;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.batch.Batch;
import org.operaton.bpm.engine.batch.BatchStatistics;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.operaton.bpm.engine.migration.MigrationInstruction;
import org.operaton.bpm.engine.migration.MigrationPlan;
import org.operaton.bpm.engine.migration.MigrationPlanValidationException;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.operaton.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.relocation.platform.engine.SystemContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's migration API for {@code ModelMigrationService}: the plan (same-id activities mapped), the per-instance
 * dry run ({@link MigrationDryRunCmd}), the asynchronous batch run as the requesting person (so the engine checks their
 * MIGRATE_INSTANCE and batch permissions, and {@code UserCommandGuard} sees their command), and the batch's progress.
 * Everything but the batch itself runs as the system.
 */
@Component
public class EngineMigrations {

    /** A plan and what it leaves out; {@code plan} is null when the engine refuses it ({@code problems} say why). */
    public record Proposal(MigrationPlan plan, List<Instruction> instructions, List<Activity> unmappedSourceActivities,
                           List<Activity> newTargetActivities, List<String> problems) {
    }

    public record Instruction(List<String> sourceActivityIds, List<String> targetActivityIds, boolean updateEventTrigger) {
    }

    public record Activity(String id, String name, String type) {
    }

    /** One instance's dry run: the activities it waits in and the engine's reasons it cannot move (none: movable). */
    public record InstanceCheck(String processInstanceId, String businessKey, List<String> waitingIn, List<String> failures) {
        public boolean movable() {
            return failures.isEmpty();
        }
    }

    /** A batch as it stands: gone (every job done), or its remaining and failed jobs with the failed jobs' messages. */
    public record BatchProgress(boolean exists, int total, int remaining, int failed, List<String> failureMessages) {
    }

    /** Element types a token passes without waiting (no instruction needed: none can be waiting there). */
    private static final Set<String> PASSED_THROUGH = Set.of("startEvent", "endEvent", "exclusiveGateway", "intermediateThrowEvent");

    private final ProcessEngine engine;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final SystemContext system;
    private final TransactionTemplate rolledBack;

    EngineMigrations(ProcessEngine engine, SystemContext system, PlatformTransactionManager transactions) {
        this.engine = engine;
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.identity = engine.getIdentityService();
        this.system = system;
        this.rolledBack = new TransactionTemplate(transactions);
        // its own transaction, always rolled back: never part of (or marking) a caller's transaction
        this.rolledBack.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public Proposal propose(String sourceDefinitionId, String targetDefinitionId, boolean updateEventTriggers) {
        return system.call(() -> {
            List<Activity> source = activities(sourceDefinitionId);
            List<Activity> target = activities(targetDefinitionId);
            Set<String> sourceIds = ids(source);
            List<Activity> added = target.stream().filter(a -> !sourceIds.contains(a.id())).toList();
            MigrationPlan plan = null;
            List<String> problems = new ArrayList<>();
            try {
                var builder = runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities();
                plan = (updateEventTriggers ? builder.updateEventTriggers() : builder).build();
            } catch (MigrationPlanValidationException e) {
                e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures().forEach(f -> problems.add(
                        r.getMigrationInstruction().getSourceActivityId() + " → "
                                + r.getMigrationInstruction().getTargetActivityId() + ": " + f)));
                e.getValidationReport().getVariableReports().forEach((name, r) -> r.getFailures().forEach(f -> problems.add(name + ": " + f)));
                if (problems.isEmpty()) {
                    problems.add(e.getMessage());
                }
            }
            List<Instruction> instructions = new ArrayList<>();
            Set<String> mapped = new java.util.HashSet<>();
            if (plan != null) {
                for (MigrationInstruction i : plan.getInstructions()) {
                    instructions.add(new Instruction(i.getSourceActivityId() == null ? List.of() : List.of(i.getSourceActivityId()),
                            i.getTargetActivityId() == null ? List.of() : List.of(i.getTargetActivityId()), i.isUpdateEventTrigger()));
                    mapped.add(i.getSourceActivityId());
                }
            }
            List<Activity> unmapped = plan == null ? List.of() : source.stream()
                    .filter(a -> !mapped.contains(a.id()) && !passedThrough(sourceDefinitionId, a)).toList();
            return new Proposal(plan, instructions, unmapped, added, problems);
        });
    }

    /** The dry run of every listed instance, as the system, in a transaction that is always rolled back. */
    public List<InstanceCheck> check(MigrationPlan plan, List<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return system.call(() -> rolledBack.execute(status -> {
            status.setRollbackOnly();
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            MigrationPlanExecutionBuilderImpl builder = new MigrationPlanExecutionBuilderImpl(configuration.getCommandExecutorTxRequired(), plan);
            builder.processInstanceIds(processInstanceIds);
            MigrationDryRunCmd dryRun = new MigrationDryRunCmd(builder, plan, processInstanceIds);
            Command<List<MigrationDryRunCmd.Check>> command = dryRun::check;
            return configuration.getCommandExecutorTxRequired().execute(command).stream()
                    .map(c -> new InstanceCheck(c.processInstanceId(), c.businessKey(), c.waitingIn(), c.failures())).toList();
        }));
    }

    /** The running instances of a process version (their ids), as the system. */
    public List<String> runningInstances(String definitionId) {
        return system.call(() -> runtime.createProcessInstanceQuery().processDefinitionId(definitionId).list().stream()
                .map(p -> p.getId()).toList());
    }

    /** How many of these instances now run the given version, as the system. */
    public Map<String, String> definitionsOf(Collection<String> processInstanceIds) {
        Map<String, String> out = new LinkedHashMap<>();
        if (processInstanceIds.isEmpty()) {
            return out;
        }
        system.call(() -> {
            runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(processInstanceIds)).list()
                    .forEach(p -> out.put(p.getId(), p.getProcessDefinitionId()));
            return null;
        });
        return out;
    }

    /**
     * The movable instances as one engine batch, run as the person: the engine checks their MIGRATE_INSTANCE on both
     * versions and their batch permission; the job executor then moves the instances.
     */
    public String executeAsync(MigrationPlan plan, List<String> processInstanceIds, String userId, List<String> groups) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups);
        try {
            Batch batch = runtime.newMigration(plan).processInstanceIds(processInstanceIds).executeAsync();
            return batch.getId();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }

    public BatchProgress progress(String batchId) {
        return system.call(() -> {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return new BatchProgress(false, 0, 0, 0, List.of());
            }
            BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            List<String> messages = failedJobs(batch).stream().map(Job::getExceptionMessage)
                    .filter(m -> m != null).toList();
            return new BatchProgress(true, statistics.getTotalJobs(), statistics.getRemainingJobs(), statistics.getFailedJobs(), messages);
        });
    }

    /** Gives the batch's failed jobs their retries back; returns how many. */
    public int retry(String batchId, int retries) {
        return system.call(() -> {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return 0;
            }
            List<String> failed = failedJobs(batch).stream().map(Job::getId).toList();
            if (!failed.isEmpty()) {
                management.setJobRetries(failed, retries);
            }
            return failed.size();
        });
    }

    private List<Job> failedJobs(Batch batch) {
        List<Job> jobs = new ArrayList<>();
        for (String definition : new String[]{batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId()}) {
            if (definition != null) {
                jobs.addAll(management.createJobQuery().jobDefinitionId(definition).noRetriesLeft().list());
            }
        }
        return jobs;
    }

    /** The form key of a user task of a process version (its camunda:formRef), or null. */
    public String formKey(String definitionId, String activityId) {
        return system.call(() -> {
            var element = repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
            return element instanceof UserTask task ? task.getOperatonFormRef() : null;
        });
    }

    private List<Activity> activities(String definitionId) {
        return repository.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class).stream()
                .map(n -> new Activity(n.getId(), n.getName(), n.getElementType().getTypeName()))
                .sorted(java.util.Comparator.comparing(Activity::id)).toList();
    }

    /** A node no token waits in: start and end events, exclusive gateways, throw events, error and escalation boundaries. */
    private boolean passedThrough(String definitionId, Activity activity) {
        if (PASSED_THROUGH.contains(activity.type())) {
            return true;
        }
        return repository.getBpmnModelInstance(definitionId).getModelElementById(activity.id()) instanceof BoundaryEvent b
                && b.getEventDefinitions().stream().anyMatch(d -> d instanceof ErrorEventDefinition || d instanceof EscalationEventDefinition);
    }

    private static Set<String> ids(List<Activity> activities) {
        Set<String> ids = new java.util.HashSet<>();
        activities.forEach(a -> ids.add(a.id()));
        return ids;
    }
}
