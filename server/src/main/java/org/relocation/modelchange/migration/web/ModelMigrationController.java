package org.relocation.modelchange.migration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.modelchange.migration.ModelMigrationService;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration of running cases to a new version of a process, for process owners and administrators
 * (docs/process-owners.md "Migrate running cases"): propose (the plan and a dry run of every running instance),
 * execute (the movable instances as an engine batch, the others stay and are named), progress and retries.
 */
@RestController
@RequestMapping("/api/model-changes/migrations")
@PreAuthorize(ModelMigrationController.OWNERS)
@Tag(name = "Model changes", description = "Process owners validate, compare and deploy changes to the journey's models, read the deployment log and migrate running cases")
class ModelMigrationController {

    static final String OWNERS = "hasAnyRole('process-owner','admin')";
    private static final int MAX_PAGE_SIZE = 100;

    private final ModelMigrationService migrations;

    ModelMigrationController(ModelMigrationService migrations) {
        this.migrations = migrations;
    }

    @PostMapping("/proposals")
    @Operation(operationId = "proposeMigration", summary = "Propose a migration and check every running instance (writes nothing)",
            description = "The engine's plan from the source to the target version with same-id activities mapped; the source "
                    + "activities left unmapped (an instance waiting there cannot move); the new target activities; the plan's "
                    + "problems; and a dry run of every running instance of the source version (the engine's own instance "
                    + "validation), grouped by the activities the instances wait in: how many, their case numbers, whether they "
                    + "can move, the engine's reasons, and how the form of a waiting task changes. Both versions must be of the "
                    + "same process: otherwise, or for an unknown version, 400 naming the field.")
    @ApiResponse(responseCode = "200", description = "The proposal", useReturnTypeSchema = true)
    ModelMigrationViews.Proposal propose(@RequestBody ModelMigrationViews.ProposalRequest body) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        return ModelMigrationViews.Proposal.of(migrations.propose(body.sourceDefinitionId(), body.targetDefinitionId(),
                Boolean.TRUE.equals(body.updateEventTriggers())));
    }

    @PostMapping
    @Operation(operationId = "startMigration", summary = "Migrate the running instances that can move (asynchronously)",
            description = "Checks every running instance of the source version again; the movable ones are moved by an engine "
                    + "batch run as you (your engine permissions apply), the others stay on their version and are listed in "
                    + "notMoved with the engine's reasons. 202 with the migration; follow it at Location. 400 naming the field "
                    + "for a missing or one-word comment, an unknown version, versions of different processes, a plan the "
                    + "engine refuses, or no instance that can move. 409 while a migration from the same source version runs.")
    @ApiResponse(responseCode = "202", description = "Started", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A migration from the same source version is still running")
    ResponseEntity<ModelMigrationViews.Migration> start(@RequestBody ModelMigrationViews.ExecuteRequest body, Authentication user) {
        if (body == null) {
            throw new BadRequestException(Map.of("body", "is required"));
        }
        List<String> groups = user.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList();
        var state = migrations.execute(body.sourceDefinitionId(), body.targetDefinitionId(), Boolean.TRUE.equals(body.updateEventTriggers()),
                body.comment(), user.getName(), groups);
        return ResponseEntity.accepted().location(URI.create("/api/model-changes/migrations/" + state.migration().getId()))
                .body(ModelMigrationViews.Migration.of(state));
    }

    @GetMapping
    @Operation(operationId = "listMigrations", summary = "The migrations, newest first (paged, at most 100 a page)")
    Paged<ModelMigrationViews.Migration> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 0) {
            errors.put("page", "must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.put("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        var result = migrations.list(page, size);
        return Paged.of(result.getContent().stream().map(ModelMigrationViews.Migration::of).toList(), page, size, result);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMigration", summary = "A migration's progress",
            description = "While RUNNING: how many instances moved and remain (the engine batch's jobs). At the end every instance "
                    + "sent is MIGRATED if it runs the target version, else listed in failures with the engine's message.")
    @ApiResponse(responseCode = "200", description = "The migration", useReturnTypeSchema = true)
    ModelMigrationViews.Migration get(@PathVariable long id) {
        return ModelMigrationViews.Migration.of(migrations.state(id));
    }

    @PostMapping("/{id}/retries")
    @Operation(operationId = "retryMigration", summary = "Retry the failed instances of a migration",
            description = "Gives the batch's failed jobs their retries back; the migration is RUNNING again. 409 when nothing failed.")
    @ApiResponse(responseCode = "204", description = "Retrying")
    @ApiResponse(responseCode = "409", description = "The migration has no failed job to retry")
    ResponseEntity<Void> retry(@PathVariable long id) {
        migrations.retry(id);
        return ResponseEntity.noContent().build();
    }
}
