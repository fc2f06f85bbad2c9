package org.relocation.platform.deployment;

import org.relocation.processes.model.ModelProblem;

import java.time.Instant;
import java.util.List;

/**
 * A new deployment as the deployment log keeps it: which engine deployment, its name and source, the route it took,
 * who (an engine user, or {@value DeploymentRecorder#SYSTEM}) and when, why ({@code comment}: the deployment name, a
 * sentence for the start-up deployment), each resource with what the engine made of it and the SHA-256 of its bytes,
 * and the validator's warnings.
 */
public record RecordedDeployment(String deploymentId, String name, String source, Route route, String deployedBy, Instant deployedAt,
                                 String comment, List<Resource> resources, List<ModelProblem> warnings) {

    public RecordedDeployment {
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }

    /** How a deployment reached the engine. */
    public enum Route {
        /** The process-owner page (source {@value DeploymentRecorder#PAGE_SOURCE}). */
        PAGE,
        /** A person, through the engine REST API (Camunda Modeler) or the webapps. */
        ENGINE_REST,
        /** The models of the server's build, deployed by the server when it starts. */
        START_UP,
        /** The Java API without a person (technical deployments, tests). */
        API
    }

    /** What a resource is to the engine. */
    public enum Kind {
        PROCESS, DECISION, FORM, OTHER
    }

    /** One resource of the deployment; key, version and definition id when the engine deployed a definition from it. */
    public record Resource(String name, Kind kind, String key, Integer version, String definitionId, String sha256) {
    }
}
