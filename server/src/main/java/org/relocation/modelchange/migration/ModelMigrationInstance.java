package org.relocation.modelchange.migration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One process instance of a migration's source version: the case it belongs to (its business key), the activities it
 * waited in, and what became of it. The reason holds the engine's sentences (activity ids), never personal data.
 */
@Entity
@Table(name = "model_migration_instance")
public class ModelMigrationInstance {

    /** PENDING: in the batch, not moved yet; NOT_MOVABLE: left out (the dry run's reasons), stays on its version. */
    public enum Outcome { PENDING, MIGRATED, FAILED, NOT_MOVABLE }

    private static final int MAX_REASON = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long migrationId;
    @Column(nullable = false, updatable = false)
    private String processInstanceId;
    @Column(updatable = false)
    private String caseNumber;
    @Column(nullable = false, updatable = false)
    private String activityIds;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    private String reason;

    protected ModelMigrationInstance() {
    }

    ModelMigrationInstance(Long migrationId, String processInstanceId, String caseNumber, String activityIds, Outcome outcome, String reason) {
        this.migrationId = migrationId;
        this.processInstanceId = processInstanceId;
        this.caseNumber = caseNumber;
        this.activityIds = activityIds;
        this.outcome = outcome;
        this.reason = cut(reason);
    }

    void outcome(Outcome outcome, String reason) {
        this.outcome = outcome;
        this.reason = cut(reason);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    public Long getId() { return id; }
    public Long getMigrationId() { return migrationId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCaseNumber() { return caseNumber; }
    public String getActivityIds() { return activityIds; }
    public Outcome getOutcome() { return outcome; }
    public String getReason() { return reason; }
}
