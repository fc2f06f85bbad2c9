-- The decision log of each case: every rule decision, estimate version, approval, policy exception, routing and case
-- change, in order (sequence 1, 2, 3 ... per case), with actor and time. Rows are only ever inserted. Each row carries
-- the SHA-256 of its content and of the previous row's hash (a hash chain), so a row changed, removed or moved to
-- another case afterwards is detected by DecisionLog.verify. occurred_at holds whole seconds (MySQL connections use
-- sendFractionalSeconds=false), the hash covers the same value. details: canonical JSON, at most 16,000 characters
-- (TEXT: 64 KB on MySQL/MariaDB, enough for 16,000 characters of utf8mb4; H2 reads TEXT as CLOB).
CREATE TABLE decision_log_entry (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    sequence       INT          NOT NULL,
    kind           VARCHAR(30)  NOT NULL,
    subject        VARCHAR(100) NOT NULL,
    summary        VARCHAR(500) NOT NULL,
    details        TEXT         NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    previous_hash  CHAR(64),
    hash           CHAR(64)     NOT NULL,
    CONSTRAINT fk_decision_log_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    -- one entry per case and sequence: also serves the foreign key and the reads by case in sequence order
    CONSTRAINT uk_decision_log_sequence UNIQUE (case_id, sequence)
);
