package org.relocation.modelchange.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.relocation.modelchange.DeploymentLog;
import org.relocation.platform.deployment.RecordedDeployment;

import java.time.Instant;
import java.util.List;

/** What the deployment log's API answers: model content and engine user ids only, no personal data. */
final class DeploymentLogViews {

    private DeploymentLogViews() {
    }

    @Schema(name = "ModelDeployment", description = "A new engine deployment: who deployed what, when, how and why",
            requiredProperties = {"id", "deploymentId", "route", "deployedBy", "deployedAt", "comment", "resources", "warnings"})
    record Deployment(@Schema(description = "The log entry's id", example = "12") long id,
                      @Schema(description = "The engine's deployment id (Cockpit, /engine-rest/deployment/{id})",
                              example = "5f0c2a4e-3b1d-11f1-9c7e-0242ac120002") String deploymentId,
                      @Schema(description = "The deployment name as given", example = "Allowances 2027: housing cap band C 3500") String name,
                      @Schema(description = "How it came: PAGE the process-owner page, ENGINE_REST a person through the engine REST API "
                              + "(Camunda Modeler) or the webapps, START_UP the models of the server's build at start-up, API the Java "
                              + "API without a person") RecordedDeployment.Route route,
                      @Schema(description = "The deployment source as given", example = "Camunda Modeler") String source,
                      @Schema(description = "The engine user who deployed, or system", example = "owner") String deployedBy,
                      @Schema(description = "When the engine deployed it") Instant deployedAt,
                      @Schema(description = "Why: the deployment name (a sentence for the start-up deployment)",
                              example = "Allowances 2027: housing cap band C 3500") String comment,
                      List<Resource> resources,
                      @Schema(description = "The validator's warnings the deployment passed with (at most 50 kept)") List<Warning> warnings) {

        static Deployment of(DeploymentLog.Deployment d) {
            return new Deployment(d.id(), d.deploymentId(), d.name(), d.route(), d.source(), d.deployedBy(), d.deployedAt(), d.comment(),
                    d.resources().stream().map(r -> new Resource(r.name(), r.kind(), r.key(), r.version(), r.definitionId(), r.sha256())).toList(),
                    d.warnings().stream().map(w -> new Warning(w.file(), w.elementId(), w.rule(), w.message())).toList());
        }
    }

    @Schema(name = "ModelDeploymentResource", description = "A resource of the deployment and what the engine deployed from it",
            requiredProperties = {"name", "kind", "sha256"})
    record Resource(@Schema(description = "The file name", example = "relocation-allowances.dmn") String name,
                    @Schema(description = "What the engine made of it", allowableValues = {"process", "decision", "form", "other"},
                            example = "decision") String kind,
                    @Schema(description = "The process, decision or form key", example = "relocation-allowances") String key,
                    @Schema(description = "The version the engine gave the definition", minimum = "1", example = "3") Integer version,
                    @Schema(description = "The engine's definition id", example = "relocation-allowances:3:8a1b2c3d") String definitionId,
                    @Schema(description = "SHA-256 of the file's bytes, hex",
                            example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {
    }

    @Schema(name = "ModelDeploymentWarning", description = "A warning of the deployment validation", requiredProperties = {"file", "rule", "message"})
    record Warning(@Schema(description = "The file, or (deployment)", example = "relocation-benefits.bpmn") String file,
                   @Schema(description = "The element", example = "confirm-benefits-enrolment") String elementId,
                   @Schema(description = "The rule's id", example = "form-present") String rule,
                   @Schema(description = "What is wrong, in a sentence") String message) {
    }
}
