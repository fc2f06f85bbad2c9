package org.relocation.modelchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.modelchange.DeploymentLog;
import org.relocation.platform.web.BadRequestException;
import org.relocation.platform.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployment log, read-only: every new engine deployment (the process-owner page, Camunda Modeler through the
 * engine REST API, the start-up deployment, the Java API), who made it, when, why and what it held. Entries are written
 * by the engine's post-deployer in the deployment's transaction; nothing here writes.
 */
@RestController
@RequestMapping("/api/model-changes")
@Tag(name = "Model changes", description = "Process owners validate, compare and deploy changes to the journey's models, read the deployment log and migrate running cases")
class DeploymentLogController {

    private static final String OWNERS = "hasAnyRole('process-owner','admin')";
    private static final int MAX_PAGE_SIZE = 100;

    private final DeploymentLog log;

    DeploymentLogController(DeploymentLog log) {
        this.log = log;
    }

    @GetMapping("/deployments")
    @PreAuthorize(OWNERS)
    @Operation(operationId = "listModelDeployments", summary = "The deployment log, newest first (paged, at most 100 a page)",
            description = "Every new deployment of models, whichever route it took, with who (an engine user, or system), when, why (the "
                    + "deployment name), the route, each resource with its key, version, definition id and SHA-256, and the "
                    + "validator's warnings. Refused deployments are not in it. Process owners and admins. 400 for bad page or size.")
    Paged<DeploymentLogViews.Deployment> list(@Parameter(description = "The page number, from 0") @RequestParam(defaultValue = "0") int page,
                                              @Parameter(description = "Entries per page, 1 to 100") @RequestParam(defaultValue = "20") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        Paged.check(page, size, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        var result = log.page(page, size);
        return Paged.of(result.getContent().stream().map(DeploymentLogViews.Deployment::of).toList(), page, size, result);
    }

    @GetMapping("/deployments/{id}")
    @PreAuthorize(OWNERS)
    @Operation(operationId = "getModelDeployment", summary = "One entry of the deployment log",
            description = "By the entry's id, or by the engine's deployment id (the id Camunda Modeler and the engine REST API "
                    + "answer a deployment with). 404 for an id the log does not have. Process owners and admins.")
    DeploymentLogViews.Deployment get(@Parameter(description = "The log entry's id (12), or the engine's deployment id")
                                      @PathVariable String id) {
        return DeploymentLogViews.Deployment.of(log.get(id));
    }
}
