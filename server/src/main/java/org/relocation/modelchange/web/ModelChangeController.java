package org.relocation.modelchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.modelchange.ChangeReport;
import org.relocation.modelchange.InvalidModelChangeException;
import org.relocation.modelchange.ModelCatalogue;
import org.relocation.modelchange.ModelChangeRefusedException;
import org.relocation.modelchange.ModelChangeService;
import org.relocation.modelchange.ModelFiles;
import org.relocation.platform.web.BadRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The process owners' change API: what is deployed (versions, running instances, pinned cases, forms), the file of any
 * deployed version, the dry run of a change (validation and differences from the deployed versions) and its deployment
 * with a comment. Process owners and admins only (403 for everyone else). A browser page of the product calls it with
 * the Tasklist's session ({@code X-Requested-With}, platform/security/WebappSessionAuthenticationFilter); scripts and
 * tests with HTTP Basic. A deployment runs as the person, so the engine's authorizations and validation apply.
 */
@RestController
@RequestMapping("/api/model-changes")
@PreAuthorize("hasAnyRole('process-owner','admin')")
@Tag(name = ModelChangeTag.NAME, description = ModelChangeTag.DESCRIPTION)
class ModelChangeController {

    static final String REFUSED_TYPE = "https://relocation-engine.org/problems/deployment-refused";
    private static final String INVALID_TYPE = "https://relocation-engine.org/problems/invalid-request";

    private final ModelChangeService changes;
    private final ModelCatalogue catalogue;

    ModelChangeController(ModelChangeService changes, ModelCatalogue catalogue) {
        this.changes = changes;
        this.catalogue = catalogue;
    }

    /** The multipart/form-data body of a validation, as documented. */
    @Schema(name = "ModelChangeFiles", requiredProperties = "files")
    record FilesUpload(@ArraySchema(schema = @Schema(type = "string", format = "binary"), arraySchema = @Schema(description =
            "One or more .bpmn, .dmn or .form files, or a .zip of them (folders flattened to file names; no zip inside a zip)"))
                       List<String> files) {
    }

    /** The multipart/form-data body of a deployment, as documented. */
    @Schema(name = "ModelChangeDeploymentFiles", requiredProperties = {"files", "comment"})
    record DeploymentUpload(@ArraySchema(schema = @Schema(type = "string", format = "binary"), arraySchema = @Schema(description =
            "One or more .bpmn, .dmn or .form files, or a .zip of them (folders flattened to file names; no zip inside a zip)"))
                            List<String> files,
                            @Schema(description = "Why the models change: at least 10 characters and two words, at most 255; the "
                                    + "deployment's name", example = "Allowances 2027: housing cap band C 3500", minLength = 10, maxLength = 255)
                            String comment) {
    }

    /** A refused deployment (400): every problem named, as the validation names them; or a bad field. */
    @Schema(name = "DeploymentRefusedProblem", requiredProperties = {"type", "title", "status"}, description = "A 400 of a "
            + "deployment: either the change was refused (problems names every problem, errors refuse; nothing was deployed) or "
            + "the request was bad (fieldErrors names files or comment; the engine was not asked)")
    record DeploymentRefusedProblem(@Schema(format = "uri", example = REFUSED_TYPE, description = REFUSED_TYPE + " (refused) or "
            + INVALID_TYPE + " (bad field)") String type,
                                    @Schema(example = "Deployment refused") String title,
                                    @Schema(example = "400") int status,
                                    @Schema(example = "Deployment refused: 1 errors; nothing was deployed") String detail,
                                    @Schema(format = "uri-reference", example = "/api/model-changes/deployments") String instance,
                                    @Schema(description = "Field (files or comment) → what is wrong; only for a bad request",
                                            example = "{\"comment\": \"must say why in at least 10 characters and two words\"}")
                                    Map<String, String> fieldErrors,
                                    @Schema(description = "Every problem of the refused change; only for a refusal")
                                    List<ChangeReport.Problem> problems) {
    }

    @GetMapping("/models")
    @Operation(operationId = "listDeployedModels", summary = "The deployed processes, decision tables and forms with their versions",
            description = "Processes with every version: its definition and deployment, when deployed, how many running instances it "
                    + "holds, which is the latest. Decision tables with every version and the open cases pinned to it (a case keeps "
                    + "the version it evaluated first). Forms with every deployed version and the process versions that use it.")
    @ApiResponse(responseCode = "200", description = "What is deployed", useReturnTypeSchema = true)
    ModelCatalogue.Models models() {
        return catalogue.models();
    }

    @GetMapping("/models/{kind}/{key}/versions/{version}/file")
    @Operation(operationId = "downloadModelFile", summary = "The file of a deployed version: BPMN or DMN XML, or form-js JSON",
            description = "The starting point of a change in Camunda Modeler, as an attachment named as deployed. 404: no such kind, "
                    + "key or version.")
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<byte[]> file(@Parameter(description = "process (BPMN), decision (DMN) or form (form-js)",
                                        schema = @Schema(allowableValues = {ChangeReport.PROCESS, ChangeReport.DECISION, ChangeReport.FORM}))
                                @PathVariable String kind,
                                @Parameter(description = "The process id, decision id or form id", example = "relocation-allowances")
                                @PathVariable String key,
                                @Parameter(description = "The version, from 1", example = "1") @PathVariable int version) {
        ModelCatalogue.ModelFile file = catalogue.file(kind, key, version);
        return ResponseEntity.ok()
                .contentType(ChangeReport.FORM.equals(kind) ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    @PostMapping(path = "/validations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "validateModelChange", summary = "Validate changed models and compare them with the deployed versions (a dry run)",
            description = "Runs the rules every deployment gets (docs/process-owners.md, \"What the server validates\") against what "
                    + "is deployed now, without deploying: the same problems a deployment of these files would be refused or warned "
                    + "with (except what only the engine's own parser finds, which a deployment reports in the same shape). Each "
                    + "file is compared with the latest deployed version of its key. 400 naming files: none, a file that is not "
                    + ".bpmn, .dmn, .form or .zip, a zip inside a zip, an empty file or zip.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FilesUpload.class))))
    @ApiResponse(responseCode = "200", description = "The validation (valid: no error) and the differences", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit")
    ChangeReport validate(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return input(() -> changes.validate(ModelFiles.read(uploads(files))));
    }

    @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "deployModelChange", summary = "Deploy changed models, with a comment saying why",
            description = "Validates as POST /validations does, then deploys through the engine as the caller: the comment is the "
                    + "deployment's name (who deployed what, when and why is kept), source process-owner-page. New instances start on "
                    + "the new versions; running ones keep theirs. 201 with the deployment (Location: its record). 400 "
                    + "DeploymentRefusedProblem: problems names every problem of a refused change (nothing deployed), or fieldErrors "
                    + "names comment (missing, under 10 characters or two words) or files (as for a validation) before the engine is asked.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = DeploymentUpload.class))))
    @ApiResponse(responseCode = "201", description = "Deployed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "Refused (problems) or a bad field (fieldErrors); nothing deployed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = DeploymentRefusedProblem.class)))
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit")
    ResponseEntity<ModelChangeService.Deployed> deploy(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                       // a part of the multipart body (documented there), not a query parameter
                                                       @Parameter(hidden = true) @RequestParam(name = "comment", required = false) String comment) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, byte[]> read = null;
        try {
            read = ModelFiles.read(uploads(files));
        } catch (InvalidModelChangeException e) {
            errors.put(e.getField(), e.getMessage());
        }
        try {
            ModelChangeService.checkComment(comment, read == null ? Set.of() : read.keySet());
        } catch (InvalidModelChangeException e) {
            errors.put(e.getField(), e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Map<String, byte[]> checked = read;
        ModelChangeService.Deployed deployed = input(() -> changes.deploy(checked, comment));
        return ResponseEntity.created(URI.create("/api/model-changes/deployments/" + deployed.deploymentId())).body(deployed);
    }

    @ExceptionHandler(ModelChangeRefusedException.class)
    ProblemDetail refused(ModelChangeRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Deployment refused");
        p.setType(URI.create(REFUSED_TYPE));
        p.setProperty("problems", e.getProblems());
        return p;
    }

    /** A request that is not multipart, or a broken one: 400 naming files (the parts this API reads). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        String message = "could not be read: send them as multipart/form-data parts named files";
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "files " + message);
        p.setTitle("Invalid request");
        p.setType(URI.create(INVALID_TYPE));
        p.setProperty("fieldErrors", Map.of("files", message));
        return p;
    }

    private static <T> T input(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidModelChangeException e) {
            throw new BadRequestException(Map.of(e.getField(), e.getMessage()));
        }
    }

    private static List<ModelFiles.Upload> uploads(List<MultipartFile> files) {
        List<ModelFiles.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            try {
                uploads.add(new ModelFiles.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
