package org.relocation.modelchange.migration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.modelchange.migration.ModelMigration;
import org.relocation.modelchange.migration.ModelMigrationInstance;
import org.relocation.modelchange.migration.ModelMigrationService;
import org.relocation.modelchange.migration.engine.EngineMigrations;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What the migration API reads and writes. */
final class ModelMigrationViews {

    private ModelMigrationViews() {
    }

    @Schema(name = "MigrationProposalRequest", requiredProperties = {"sourceDefinitionId", "targetDefinitionId"})
    record ProposalRequest(
            @Schema(description = "The process version the instances run now", example = "relocation-benefits:1:7") String sourceDefinitionId,
            @Schema(description = "The version of the same process they are to run", example = "relocation-benefits:2:93") String targetDefinitionId,
            @Schema(description = "Whether timers and other event triggers of mapped activities are recomputed from the target "
                    + "(default false: an -overdue timer keeps its due date)") Boolean updateEventTriggers) {
    }

    @Schema(name = "MigrationRequest", requiredProperties = {"sourceDefinitionId", "targetDefinitionId", "comment"})
    record ExecuteRequest(
            @Schema(description = "The process version the instances run now", example = "relocation-benefits:1:7") String sourceDefinitionId,
            @Schema(description = "The version of the same process they are to run", example = "relocation-benefits:2:93") String targetDefinitionId,
            @Schema(description = "Whether timers and other event triggers of mapped activities are recomputed from the target") Boolean updateEventTriggers,
            @Schema(description = "Why the cases move: at least two words, at most 255 characters", example = "Pension transfer step added",
                    maxLength = 255) String comment) {
    }

    @Schema(name = "MigrationProcessVersion", requiredProperties = {"definitionId", "key", "version", "deploymentId"})
    record Version(String definitionId, String key, @Schema(minimum = "1", example = "2") int version, String deploymentId) {
        static Version of(ModelMigrationService.Version v) {
            return new Version(v.definitionId(), v.key(), v.version(), v.deploymentId());
        }
    }

    @Schema(name = "MigrationInstruction", requiredProperties = {"sourceActivityIds", "targetActivityIds", "updateEventTrigger"})
    record Instruction(List<String> sourceActivityIds, List<String> targetActivityIds, boolean updateEventTrigger) {
        static Instruction of(EngineMigrations.Instruction i) {
            return new Instruction(i.sourceActivityIds(), i.targetActivityIds(), i.updateEventTrigger());
        }
    }

    @Schema(name = "MigrationActivity", requiredProperties = {"id", "type"})
    record Activity(@Schema(example = "confirm-pension-transfer") String id, @Schema(example = "Confirm pension transfer") String name,
                    @Schema(description = "The BPMN element type", example = "userTask") String type) {
        static Activity of(EngineMigrations.Activity a) {
            return new Activity(a.id(), a.name(), a.type());
        }
    }

    @Schema(name = "MigrationInstanceGroup", description = "Running instances waiting in the same activities, movable or not",
            requiredProperties = {"activityIds", "instances", "movable", "failures", "caseNumbers", "formChanges"})
    record Group(@Schema(description = "The activities the instances wait in") List<String> activityIds,
                 @Schema(minimum = "1") int instances,
                 boolean movable,
                 @Schema(description = "The engine's reasons these instances cannot move (empty when movable)") List<String> failures,
                 @Schema(description = "The cases (business keys), at most 50") List<String> caseNumbers,
                 @Schema(description = "How the form of a waiting task changes: after the move it is the form deployed with the target") List<String> formChanges) {
        static Group of(ModelMigrationService.Group g) {
            return new Group(g.activityIds(), g.instances(), g.movable(), g.failures(), g.caseNumbers(), g.formChanges());
        }
    }

    @Schema(name = "MigrationProposal", requiredProperties = {"processKey", "source", "target", "instructions", "unmappedSourceActivities",
            "newTargetActivities", "planProblems", "groups", "movable", "notMovable"})
    record Proposal(String processKey, Version source, Version target, List<Instruction> instructions,
                    @Schema(description = "Source activities with no counterpart: an instance waiting there cannot move") List<Activity> unmappedSourceActivities,
                    @Schema(description = "Target activities the source does not have") List<Activity> newTargetActivities,
                    @Schema(description = "Why the engine refuses the plan itself (empty: the plan is valid)") List<String> planProblems,
                    List<Group> groups,
                    @Schema(description = "Running instances that can move", minimum = "0") int movable,
                    @Schema(description = "Running instances that cannot move and would stay", minimum = "0") int notMovable) {
        static Proposal of(ModelMigrationService.Proposal p) {
            return new Proposal(p.processKey(), Version.of(p.source()), Version.of(p.target()),
                    p.instructions().stream().map(Instruction::of).toList(),
                    p.unmappedSourceActivities().stream().map(Activity::of).toList(),
                    p.newTargetActivities().stream().map(Activity::of).toList(), p.planProblems(),
                    p.groups().stream().map(Group::of).toList(), p.movable(), p.notMovable());
        }
    }

    @Schema(name = "MigratedInstanceFailure", requiredProperties = {"processInstanceId", "message"})
    record Failure(@Schema(example = "RC-2026-000042") String caseNumber, String processInstanceId,
                   @Schema(description = "The engine's message") String message) {
        static Failure of(ModelMigrationInstance i) {
            return new Failure(i.getCaseNumber(), i.getProcessInstanceId(), i.getReason());
        }
    }

    @Schema(name = "NotMovedInstance", requiredProperties = {"processInstanceId", "activityIds", "reasons"})
    record NotMoved(@Schema(example = "RC-2026-000042") String caseNumber, String processInstanceId,
                    @Schema(description = "The activities it waits in") List<String> activityIds,
                    @Schema(description = "The engine's reasons") String reasons) {
        static NotMoved of(ModelMigrationInstance i) {
            return new NotMoved(i.getCaseNumber(), i.getProcessInstanceId(),
                    i.getActivityIds().isEmpty() ? List.of() : Arrays.asList(i.getActivityIds().split(",")), i.getReason());
        }
    }

    @Schema(name = "ModelMigration", requiredProperties = {"id", "processKey", "sourceDefinitionId", "sourceVersion", "targetDefinitionId",
            "targetVersion", "status", "total", "migrated", "remaining", "failed", "failures", "notMoved", "requestedBy", "requestedAt",
            "comment", "updateEventTriggers"})
    record Migration(long id, String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
                     int targetVersion, String batchId,
                     @Schema(description = "RUNNING while instances are being moved; COMPLETED when every movable instance moved; "
                             + "COMPLETED_WITH_FAILURES when some failed (see failures; retry with POST .../retries)") ModelMigration.Status status,
                     @Schema(description = "Instances sent to be moved (the movable ones)", minimum = "0") int total,
                     @Schema(minimum = "0") int migrated,
                     @Schema(minimum = "0") int remaining,
                     @Schema(minimum = "0") int failed,
                     List<Failure> failures,
                     @Schema(description = "Instances that could not move and stay on the source version") List<NotMoved> notMoved,
                     String requestedBy, Instant requestedAt, Instant finishedAt,
                     @Schema(example = "Pension transfer step added") String comment, boolean updateEventTriggers) {
        static Migration of(ModelMigrationService.State s) {
            ModelMigration m = s.migration();
            return new Migration(m.getId(), m.getProcessKey(), m.getSourceDefinitionId(), m.getSourceVersion(), m.getTargetDefinitionId(),
                    m.getTargetVersion(), m.getBatchId(), m.getStatus(), s.total(), s.migrated(), s.remaining(), s.failed(),
                    s.failures().stream().map(Failure::of).toList(), s.notMoved().stream().map(NotMoved::of).toList(),
                    m.getRequestedBy(), m.getRequestedAt(), m.getFinishedAt(), m.getComment(), m.isUpdateEventTriggers());
        }
    }
}
