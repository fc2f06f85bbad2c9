-- Approvers' absences: while one is absent, their approval tasks go to the named delegate of the same role.
CREATE TABLE approver_absence (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL,
    first_day     DATE         NOT NULL,
    last_day      DATE         NOT NULL,
    delegate_id   VARCHAR(64)  NOT NULL,
    note          VARCHAR(500),
    created_by    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL
);
CREATE INDEX ix_absence_user ON approver_absence (user_id, first_day, last_day);
