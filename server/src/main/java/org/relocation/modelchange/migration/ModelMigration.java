package org.relocation.modelchange.migration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A process owner's migration of the running instances of one process version to another: who asked, when, why (the
 * comment), the plan's instructions (JSON) and the engine batch that moves the movable instances. Never deleted; only
 * its status and end time change.
 */
@Entity
@Table(name = "model_migration")
public class ModelMigration {

    /** RUNNING while the batch has work left; COMPLETED_WITH_FAILURES when only failed jobs are left (retries 0) or some instances failed. */
    public enum Status { RUNNING, COMPLETED, COMPLETED_WITH_FAILURES }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String processKey;
    @Column(nullable = false, updatable = false)
    private String sourceDefinitionId;
    @Column(nullable = false, updatable = false)
    private int sourceVersion;
    @Column(nullable = false, updatable = false)
    private String targetDefinitionId;
    @Column(nullable = false, updatable = false)
    private int targetVersion;
    private String batchId;
    @Column(nullable = false, updatable = false)
    private String instructions;
    @Column(nullable = false, updatable = false)
    private boolean updateEventTriggers;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false, updatable = false)
    private String requestedBy;
    @Column(nullable = false, updatable = false)
    private Instant requestedAt;
    private Instant finishedAt;
    @Column(nullable = false, updatable = false)
    private String comment;

    protected ModelMigration() {
    }

    ModelMigration(String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId, int targetVersion,
                   String instructions, boolean updateEventTriggers, String requestedBy, Instant requestedAt, String comment) {
        this.processKey = processKey;
        this.sourceDefinitionId = sourceDefinitionId;
        this.sourceVersion = sourceVersion;
        this.targetDefinitionId = targetDefinitionId;
        this.targetVersion = targetVersion;
        this.instructions = instructions;
        this.updateEventTriggers = updateEventTriggers;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.comment = comment;
        this.status = Status.RUNNING;
    }

    void started(String batchId) {
        this.batchId = batchId;
    }

    void status(Status status, Instant at) {
        this.status = status;
        this.finishedAt = status == Status.RUNNING ? null : at;
    }

    public Long getId() { return id; }
    public String getProcessKey() { return processKey; }
    public String getSourceDefinitionId() { return sourceDefinitionId; }
    public int getSourceVersion() { return sourceVersion; }
    public String getTargetDefinitionId() { return targetDefinitionId; }
    public int getTargetVersion() { return targetVersion; }
    public String getBatchId() { return batchId; }
    public String getInstructions() { return instructions; }
    public boolean isUpdateEventTriggers() { return updateEventTriggers; }
    public Status getStatus() { return status; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public String getComment() { return comment; }
}
