-- Presence days (org.relocation.tax, POST /api/cases/{caseId}/presence-days): each calendar day a traveller of a case
-- is (or is planned to be) present in a country, for the 183-day and treaty day-count thresholds. A travel day counts
-- in both countries (one row each). One row per traveller, country and day: recording a day twice changes nothing.
CREATE TABLE presence_day (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT       NOT NULL,
    traveller_id  BIGINT       NOT NULL,
    country       CHAR(2)      NOT NULL,
    present_on    DATE         NOT NULL,
    recorded_by   VARCHAR(64)  NOT NULL,
    recorded_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uk_presence_day UNIQUE (traveller_id, country, present_on),
    CONSTRAINT fk_presence_day_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_presence_day_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id)
);
CREATE INDEX ix_presence_day_case ON presence_day (case_id, present_on);
