-- Key dates are per traveller: one row per case, traveller and kind (V1 allowed one per case and kind, so a
-- dependant's permit expiry overwrote the employee's). Case-wide dates (assignment end) belong to the employee.
UPDATE case_key_date SET traveller_id = (
    SELECT t.id FROM case_traveller t WHERE t.case_id = case_key_date.case_id AND t.relationship = 'EMPLOYEE')
WHERE traveller_id IS NULL;
-- the new unique key starts with case_id, so it serves the foreign key on case_id before the old one goes (MySQL)
ALTER TABLE case_key_date ADD CONSTRAINT uk_key_date_traveller UNIQUE (case_id, traveller_id, kind);
ALTER TABLE case_key_date DROP CONSTRAINT uk_key_date;
ALTER TABLE case_key_date ADD CONSTRAINT fk_key_date_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id);
-- the engine instance (process relocation-key-date) that follows the date, and the due date it was planned for
ALTER TABLE case_key_date ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE case_key_date ADD COLUMN planned_due_date DATE;
ALTER TABLE case_key_date ADD COLUMN updated_at DATETIME(6);

-- Reminders sent (or recorded, without a mail server): one per key date, due date, offset and recipient role, so a
-- reminder delivered twice (a retried job) or re-planned for the same date is sent once.
CREATE TABLE key_date_reminder (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    key_date_id    BIGINT       NOT NULL,
    case_id        BIGINT       NOT NULL,
    due_date       DATE         NOT NULL,
    offset_days    INT          NOT NULL,
    recipient_role VARCHAR(20)  NOT NULL,
    recipient      VARCHAR(254) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    sent_at        DATETIME(6)  NOT NULL,
    CONSTRAINT fk_reminder_key_date FOREIGN KEY (key_date_id) REFERENCES case_key_date (id),
    CONSTRAINT fk_reminder_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_key_date_reminder UNIQUE (key_date_id, due_date, offset_days, recipient_role)
);
CREATE INDEX ix_reminder_case ON key_date_reminder (case_id);
