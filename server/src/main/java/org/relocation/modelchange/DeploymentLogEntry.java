package org.relocation.modelchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.relocation.platform.deployment.RecordedDeployment;

import java.time.Instant;

/** One new engine deployment in the deployment log (see {@link DeploymentLog}); rows are only ever inserted. */
@Entity
@Immutable
@Table(name = "model_deployment")
public class DeploymentLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "deployment_id", nullable = false, updatable = false, length = 64)
    private String deploymentId;

    @Column(name = "deployment_name", updatable = false)
    private String deploymentName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private RecordedDeployment.Route route;

    @Column(updatable = false)
    private String source;

    @Column(name = "deployed_by", nullable = false, updatable = false, length = 64)
    private String deployedBy;

    @Column(name = "deployed_at", nullable = false, updatable = false)
    private Instant deployedAt;

    @Column(nullable = false, updatable = false)
    private String comment;

    @Column(nullable = false, updatable = false)
    private String resources;

    @Column(nullable = false, updatable = false)
    private String warnings;

    protected DeploymentLogEntry() {
    }

    DeploymentLogEntry(String deploymentId, String deploymentName, RecordedDeployment.Route route, String source, String deployedBy,
                       Instant deployedAt, String comment, String resources, String warnings) {
        this.deploymentId = deploymentId;
        this.deploymentName = deploymentName;
        this.route = route;
        this.source = source;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
        this.comment = comment;
        this.resources = resources;
        this.warnings = warnings;
    }

    public Long getId() { return id; }
    public String getDeploymentId() { return deploymentId; }
    public String getDeploymentName() { return deploymentName; }
    public RecordedDeployment.Route getRoute() { return route; }
    public String getSource() { return source; }
    public String getDeployedBy() { return deployedBy; }
    public Instant getDeployedAt() { return deployedAt; }
    public String getComment() { return comment; }
    /** JSON array of {name, kind, key, version, definitionId, sha256}. */
    String getResources() { return resources; }
    /** JSON array of {file, elementId, rule, message}. */
    String getWarnings() { return warnings; }
}
