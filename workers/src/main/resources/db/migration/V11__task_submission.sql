-- Every form a person submitted for a case's user task, as submitted (issue 13: nothing typed is lost, whatever the
-- engine's history level): the case, the task and its form, the process version whose deployment holds the form that
-- was shown, the fields (JSON object, at most 60,000 characters: TEXT is 64 KB on MySQL/MariaDB), what the task knew
-- besides (task-local ids such as the exception decided or the branch's loop counter), who and when. Rows are only
-- ever inserted. The fields may hold personal data (pd_* fields): they are case records, shown to the roles that may
-- read the case's personal data only.
CREATE TABLE task_submission (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id                BIGINT       NOT NULL,
    task_id                VARCHAR(64)  NOT NULL,
    task_key               VARCHAR(255) NOT NULL,
    task_name              VARCHAR(255),
    form_id                VARCHAR(255) NOT NULL,
    process_definition_id  VARCHAR(64)  NOT NULL,
    deployment_id          VARCHAR(64),
    fields                 TEXT         NOT NULL,
    task_context           VARCHAR(2000) NOT NULL,
    submitted_by           VARCHAR(64)  NOT NULL,
    submitted_at           DATETIME(6)  NOT NULL,
    CONSTRAINT fk_task_submission_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_task_submission_case ON task_submission (case_id, submitted_at);
