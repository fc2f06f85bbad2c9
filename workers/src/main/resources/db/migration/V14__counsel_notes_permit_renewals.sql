-- The domain records of the immigration forms that kept only their generic task_submission so far.
--
-- Counsel notes: what the specialist wrote about one traveller's counsel order (service_order, one per traveller and
-- request): the information provided on counsel's request (INFORMATION_PROVIDED; sent_at once counsel was told), a
-- follow-up when counsel is late (FOLLOW_UP) and the handling of a refused permit (REFUSAL_HANDLING, with the action
-- chosen). The text is free text about a person's application: case records only (field group NOTES), never a
-- process variable or a log line. Rows are only inserted, except sent_at.
CREATE TABLE counsel_note (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT        NOT NULL,
    service_order_id BIGINT,
    traveller_id     BIGINT        NOT NULL,
    kind             VARCHAR(30)   NOT NULL,
    refusal_action   VARCHAR(20),
    note_text        VARCHAR(4000),
    written_by       VARCHAR(64)   NOT NULL,
    written_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6),
    CONSTRAINT fk_counsel_note_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_counsel_note_order FOREIGN KEY (service_order_id) REFERENCES service_order (id),
    CONSTRAINT fk_counsel_note_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id)
);
CREATE INDEX ix_counsel_note_case ON counsel_note (case_id, traveller_id);

-- Permit renewals: the specialist's handling of a permit or visa renewal task (process relocation-permit-renewal,
-- for one key date): FILED with the renewed permit's new expiry (then the traveller's permit validity and the key
-- date move to it, and the key date's reminders are planned again) and the application reference, or NOT_NEEDED with
-- the reason. The expiry dates and the reference are personal data (field group PERSONAL), the notes free text (NOTES).
CREATE TABLE permit_renewal (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id               BIGINT        NOT NULL,
    key_date_id           BIGINT        NOT NULL,
    traveller_id          BIGINT        NOT NULL,
    key_date_kind         VARCHAR(40)   NOT NULL,
    previous_expiry       DATE          NOT NULL,
    new_expiry            DATE,
    renewal_action        VARCHAR(20)   NOT NULL,
    application_reference VARCHAR(60),
    notes                 VARCHAR(2000),
    recorded_by           VARCHAR(64)   NOT NULL,
    recorded_at           DATETIME(6)   NOT NULL,
    CONSTRAINT fk_permit_renewal_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_permit_renewal_key_date FOREIGN KEY (key_date_id) REFERENCES case_key_date (id),
    CONSTRAINT fk_permit_renewal_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id)
);
CREATE INDEX ix_permit_renewal_case ON permit_renewal (case_id);
