package org.relocation.modelchange.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.relocation.modelchange.migration.engine.EngineMigrations;
import org.relocation.platform.engine.SystemContext;
import org.relocation.platform.web.BadRequestException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Migration of running cases to a new version of a process (docs/process-owners.md "Migrate running cases"):
 * <ol>
 *   <li>propose: the engine's plan with same-id activities mapped, the source activities left unmapped (their tokens
 *       cannot move), the new target activities and the plan's problems, and a dry run of every running instance of
 *       the source version grouped by the activities it waits in (count, case numbers, movable, the engine's reasons,
 *       and how the open task's form changes);</li>
 *   <li>execute: the same dry run again; the movable instances go to one engine batch run as the person, the others are
 *       recorded NOT_MOVABLE with their reasons and stay on their version;</li>
 *   <li>progress: the batch's jobs; when the batch is done (or only failed jobs are left) each instance is MIGRATED if
 *       it runs the target version, else FAILED with the job's message. Failed jobs can be retried.</li>
 * </ol>
 */
@Service
public class ModelMigrationService {

    /** How many case numbers a group names at most. */
    static final int MAX_CASE_NUMBERS = 50;
    private static final int RETRIES = 3;

    /** A group of instances waiting in the same activities, and whether they can move. */
    public record Group(List<String> activityIds, int instances, boolean movable, List<String> failures, List<String> caseNumbers,
                        List<String> formChanges) {
    }

    public record Proposal(String processKey, Version source, Version target, List<EngineMigrations.Instruction> instructions,
                           List<EngineMigrations.Activity> unmappedSourceActivities, List<EngineMigrations.Activity> newTargetActivities,
                           List<String> planProblems, List<Group> groups, int movable, int notMovable) {
    }

    public record Version(String definitionId, String key, int version, String deploymentId) {
    }

    /** A migration as it stands, with its instances' outcomes (counted live while the batch runs). */
    public record State(ModelMigration migration, int total, int migrated, int remaining, int failed,
                        List<ModelMigrationInstance> failures, List<ModelMigrationInstance> notMoved) {
    }

    private final EngineMigrations engine;
    private final RepositoryService repository;
    private final SystemContext system;
    private final FormChanges forms;
    private final ModelMigrationRepository migrations;
    private final ModelMigrationInstanceRepository instances;
    private final TransactionTemplate writes;
    private final ObjectMapper json;
    private final Clock clock;

    ModelMigrationService(EngineMigrations engine, RepositoryService repository, SystemContext system, FormChanges forms,
                          ModelMigrationRepository migrations, ModelMigrationInstanceRepository instances,
                          PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.engine = engine;
        this.repository = repository;
        this.system = system;
        this.forms = forms;
        this.migrations = migrations;
        this.instances = instances;
        this.writes = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    public Proposal propose(String sourceDefinitionId, String targetDefinitionId, boolean updateEventTriggers) {
        Version[] versions = versions(sourceDefinitionId, targetDefinitionId);
        return proposal(versions[0], versions[1], updateEventTriggers).proposal();
    }

    private record Planned(Proposal proposal, EngineMigrations.Proposal plan, List<EngineMigrations.InstanceCheck> checks) {
    }

    private Planned proposal(Version source, Version target, boolean updateEventTriggers) {
        EngineMigrations.Proposal plan = engine.propose(source.definitionId(), target.definitionId(), updateEventTriggers);
        List<EngineMigrations.InstanceCheck> checks = plan.plan() == null ? List.of()
                : engine.check(plan.plan(), engine.runningInstances(source.definitionId()));
        Map<List<Object>, List<EngineMigrations.InstanceCheck>> byGroup = new LinkedHashMap<>();
        checks.stream().sorted(java.util.Comparator.comparing((EngineMigrations.InstanceCheck c) -> String.join(",", c.waitingIn()))
                        .thenComparing(c -> c.businessKey() == null ? "" : c.businessKey()))
                .forEach(c -> byGroup.computeIfAbsent(List.of(c.waitingIn(), c.movable()), k -> new ArrayList<>()).add(c));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, members) -> {
            Set<String> failures = new LinkedHashSet<>();
            members.forEach(m -> failures.addAll(m.failures()));
            List<String> caseNumbers = members.stream().map(EngineMigrations.InstanceCheck::businessKey)
                    .filter(java.util.Objects::nonNull).distinct().limit(MAX_CASE_NUMBERS).toList();
            List<String> activityIds = members.get(0).waitingIn();
            groups.add(new Group(activityIds, members.size(), members.get(0).movable(), List.copyOf(failures), caseNumbers,
                    forms.changes(source, target, activityIds)));
        });
        int movable = (int) checks.stream().filter(EngineMigrations.InstanceCheck::movable).count();
        return new Planned(new Proposal(source.key(), source, target, plan.instructions(), plan.unmappedSourceActivities(),
                plan.newTargetActivities(), plan.problems(), groups, movable, checks.size() - movable), plan, checks);
    }

    /**
     * Starts a migration: the movable instances go to an engine batch run as the person (userId, groups), the rest are
     * recorded NOT_MOVABLE and stay. 409 while a migration from the same source version is still running.
     */
    public State execute(String sourceDefinitionId, String targetDefinitionId, boolean updateEventTriggers, String comment,
                         String userId, List<String> groups) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (comment == null || comment.isBlank()) {
            errors.put("comment", "is required: say why the cases move (at least two words)");
        } else if (comment.trim().split("\\s+").length < 2) {
            errors.put("comment", "needs at least two words: say why the cases move");
        } else if (comment.length() > 255) {
            errors.put("comment", "is longer than 255 characters");
        }
        Version[] versions;
        try {
            versions = versions(sourceDefinitionId, targetDefinitionId);
        } catch (BadRequestException e) {
            errors.putAll(e.getFieldErrors());
            throw new BadRequestException(errors);
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Version source = versions[0];
        Version target = versions[1];
        for (ModelMigration running : migrations.findBySourceDefinitionIdAndStatus(source.definitionId(), ModelMigration.Status.RUNNING)) {
            if (refresh(running).getStatus() == ModelMigration.Status.RUNNING) {
                throw new MigrationRefusedException("Migration " + running.getId() + " from " + source.key() + " version "
                        + source.version() + " is still running: wait until it is done");
            }
        }
        Planned planned = proposal(source, target, updateEventTriggers);
        if (planned.plan().plan() == null) {
            throw new BadRequestException(Map.of("targetDefinitionId", "cannot be migrated to: " + String.join("; ", planned.plan().problems())));
        }
        List<String> movable = planned.checks().stream().filter(EngineMigrations.InstanceCheck::movable)
                .map(EngineMigrations.InstanceCheck::processInstanceId).toList();
        if (movable.isEmpty()) {
            throw new BadRequestException(Map.of("sourceDefinitionId", planned.checks().isEmpty()
                    ? "has no running instance to migrate"
                    : "has no instance that can move: " + planned.proposal().groups().stream()
                    .map(g -> String.join(",", g.activityIds()) + " (" + g.instances() + ")").toList()));
        }
        String instructions;
        try {
            instructions = json.writeValueAsString(planned.proposal().instructions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Long id = writes.execute(status -> {
            ModelMigration m = migrations.save(new ModelMigration(source.key(), source.definitionId(), source.version(),
                    target.definitionId(), target.version(), instructions, updateEventTriggers, userId, clock.instant(), comment.trim()));
            for (EngineMigrations.InstanceCheck c : planned.checks()) {
                instances.save(new ModelMigrationInstance(m.getId(), c.processInstanceId(), c.businessKey(), String.join(",", c.waitingIn()),
                        c.movable() ? ModelMigrationInstance.Outcome.PENDING : ModelMigrationInstance.Outcome.NOT_MOVABLE,
                        c.movable() ? null : String.join("; ", c.failures())));
            }
            // in this transaction: a refusal (the engine's authorizations, the guard) leaves no record
            m.started(engine.executeAsync(planned.plan().plan(), movable, userId, groups));
            return m.getId();
        });
        return state(id);
    }

    public Page<State> list(int page, int size) {
        return migrations.findAllByOrderByIdDesc(PageRequest.of(page, size)).map(m -> stateOf(refresh(m)));
    }

    public State state(long id) {
        return stateOf(refresh(migrations.findById(id).orElseThrow(() -> new MigrationNotFoundException(id))));
    }

    /** Gives the failed jobs of the migration's batch their retries back; their instances are pending again. */
    public State retry(long id) {
        ModelMigration m = refresh(migrations.findById(id).orElseThrow(() -> new MigrationNotFoundException(id)));
        int retried = m.getBatchId() == null ? 0 : engine.retry(m.getBatchId(), RETRIES);
        if (retried == 0) {
            throw new MigrationRefusedException("Migration " + id + " has no failed job to retry");
        }
        writes.executeWithoutResult(status -> {
            ModelMigration current = migrations.findById(id).orElseThrow();
            current.status(ModelMigration.Status.RUNNING, null);
            migrations.save(current);
            for (ModelMigrationInstance i : instances.findByMigrationIdOrderById(id)) {
                if (i.getOutcome() == ModelMigrationInstance.Outcome.FAILED) {
                    i.outcome(ModelMigrationInstance.Outcome.PENDING, null);
                    instances.save(i);
                }
            }
        });
        return state(id);
    }

    /** A running migration whose batch is done (or has only failed jobs left) gets each instance's outcome and its status. */
    private ModelMigration refresh(ModelMigration m) {
        if (m.getStatus() != ModelMigration.Status.RUNNING || m.getBatchId() == null) {
            return m;
        }
        EngineMigrations.BatchProgress progress = engine.progress(m.getBatchId());
        if (progress.exists() && (progress.remaining() > progress.failed() || progress.remaining() == 0 && progress.total() == 0)) {
            return m;
        }
        return writes.execute(status -> {
            ModelMigration current = migrations.findById(m.getId()).orElseThrow();
            List<ModelMigrationInstance> pending = instances.findByMigrationIdOrderById(m.getId()).stream()
                    .filter(i -> i.getOutcome() == ModelMigrationInstance.Outcome.PENDING).toList();
            Map<String, String> definitions = engine.definitionsOf(pending.stream().map(ModelMigrationInstance::getProcessInstanceId).toList());
            boolean failed = false;
            for (ModelMigrationInstance i : pending) {
                String definition = definitions.get(i.getProcessInstanceId());
                String message = progress.failureMessages().stream().filter(f -> f.contains(i.getProcessInstanceId())).findFirst().orElse(null);
                if (current.getTargetDefinitionId().equals(definition) || definition == null && message == null) {
                    i.outcome(ModelMigrationInstance.Outcome.MIGRATED, null);
                } else {
                    failed = true;
                    i.outcome(ModelMigrationInstance.Outcome.FAILED, message != null ? message
                            : progress.failureMessages().isEmpty() ? "The batch ended without moving it"
                            : String.join("; ", new LinkedHashSet<>(progress.failureMessages())));
                }
                instances.save(i);
            }
            boolean anyFailed = failed || instances.findByMigrationIdOrderById(m.getId()).stream()
                    .anyMatch(i -> i.getOutcome() == ModelMigrationInstance.Outcome.FAILED);
            current.status(anyFailed ? ModelMigration.Status.COMPLETED_WITH_FAILURES : ModelMigration.Status.COMPLETED, clock.instant());
            return migrations.save(current);
        });
    }

    private State stateOf(ModelMigration m) {
        List<ModelMigrationInstance> all = instances.findByMigrationIdOrderById(m.getId());
        List<ModelMigrationInstance> moving = all.stream().filter(i -> i.getOutcome() != ModelMigrationInstance.Outcome.NOT_MOVABLE).toList();
        List<ModelMigrationInstance> failures = all.stream().filter(i -> i.getOutcome() == ModelMigrationInstance.Outcome.FAILED).toList();
        int migrated = (int) all.stream().filter(i -> i.getOutcome() == ModelMigrationInstance.Outcome.MIGRATED).count();
        List<String> pending = moving.stream().filter(i -> i.getOutcome() == ModelMigrationInstance.Outcome.PENDING)
                .map(ModelMigrationInstance::getProcessInstanceId).toList();
        if (!pending.isEmpty()) {
            Map<String, String> definitions = engine.definitionsOf(pending);
            migrated += (int) definitions.values().stream().filter(d -> d.equals(m.getTargetDefinitionId())).count();
        }
        return new State(m, moving.size(), migrated, moving.size() - migrated - failures.size(), failures.size(), failures,
                all.stream().filter(i -> i.getOutcome() == ModelMigrationInstance.Outcome.NOT_MOVABLE).toList());
    }

    /** Both versions, deployed and of the same process; else a 400 naming the field. */
    private Version[] versions(String sourceDefinitionId, String targetDefinitionId) {
        Map<String, String> errors = new LinkedHashMap<>();
        Version source = version("sourceDefinitionId", sourceDefinitionId, errors);
        Version target = version("targetDefinitionId", targetDefinitionId, errors);
        if (source != null && target != null) {
            if (source.definitionId().equals(target.definitionId())) {
                errors.put("targetDefinitionId", "is the source version: choose another version of " + source.key());
            } else if (!source.key().equals(target.key())) {
                errors.put("targetDefinitionId", "is a version of " + target.key() + ", not of " + source.key()
                        + ": instances move between versions of the same process");
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return new Version[]{source, target};
    }

    private Version version(String field, String definitionId, Map<String, String> errors) {
        if (definitionId == null || definitionId.isBlank()) {
            errors.put(field, "is required (a process definition id such as relocation-benefits:2:1234)");
            return null;
        }
        ProcessDefinition d = definitionId.length() > 64 ? null : system.call(() ->
                repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult());
        if (d == null) {
            errors.put(field, "is not a deployed process version");
            return null;
        }
        return new Version(d.getId(), d.getKey(), d.getVersion(), d.getDeploymentId());
    }

}
