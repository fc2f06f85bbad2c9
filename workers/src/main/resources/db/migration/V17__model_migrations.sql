-- Migrations of running cases to a new version of a process (issue 14, docs/process-owners.md "Migrate running
-- cases"): what a process owner asked for, when and why, and what became of each process instance. The engine keeps
-- no batch history at this product's history level, so these rows are the record. Rows are inserted and never
-- deleted; only model_migration.status/finished_at and each instance's outcome/reason change.
CREATE TABLE model_migration (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    process_key            VARCHAR(255)  NOT NULL,
    source_definition_id   VARCHAR(64)   NOT NULL,
    source_version         INT           NOT NULL,
    target_definition_id   VARCHAR(64)   NOT NULL,
    target_version         INT           NOT NULL,
    batch_id               VARCHAR(64),
    instructions           TEXT          NOT NULL,  -- JSON [{sourceActivityIds,targetActivityIds,updateEventTrigger}]
    update_event_triggers  BOOLEAN       NOT NULL,
    status                 VARCHAR(30)   NOT NULL,  -- RUNNING, COMPLETED, COMPLETED_WITH_FAILURES
    requested_by           VARCHAR(64)   NOT NULL,
    requested_at           DATETIME(6)   NOT NULL,
    finished_at            DATETIME(6),
    comment                VARCHAR(255)  NOT NULL
);
CREATE INDEX ix_model_migration_source ON model_migration (source_definition_id, status);
CREATE INDEX ix_model_migration_time ON model_migration (requested_at);

-- one row per process instance of the source version when the migration was asked for
CREATE TABLE model_migration_instance (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    migration_id          BIGINT         NOT NULL,
    process_instance_id   VARCHAR(64)    NOT NULL,
    case_number           VARCHAR(64),
    activity_ids          VARCHAR(1000)  NOT NULL,  -- the activities the instance waited in, comma-separated
    outcome               VARCHAR(20)    NOT NULL,  -- PENDING, MIGRATED, FAILED, NOT_MOVABLE
    reason                VARCHAR(2000),            -- engine sentences: activity ids, never personal data
    CONSTRAINT fk_model_migration_instance FOREIGN KEY (migration_id) REFERENCES model_migration (id),
    CONSTRAINT uk_model_migration_instance UNIQUE (migration_id, process_instance_id)
);
