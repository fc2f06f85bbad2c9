-- Case records of the relocation engine. Portable across H2 and MySQL 8 / MariaDB 10.11.
-- Personal data lives here (never in process variables). Times are UTC (DATETIME(6)).

CREATE TABLE relocation_case (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_number          VARCHAR(20)    NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    employee_name        VARCHAR(200)   NOT NULL,
    employee_email       VARCHAR(254)   NOT NULL,
    employee_user_id     VARCHAR(64)    NOT NULL,
    home_country         CHAR(2)        NOT NULL,
    home_city            VARCHAR(100)   NOT NULL,
    host_country         CHAR(2)        NOT NULL,
    host_city            VARCHAR(100)   NOT NULL,
    assignment_type      VARCHAR(30)    NOT NULL,
    start_date           DATE           NOT NULL,
    end_date             DATE           NOT NULL,
    cost_centre          VARCHAR(40)    NOT NULL,
    budget_amount        DECIMAL(19, 2) NOT NULL,
    budget_currency      CHAR(3)        NOT NULL,
    process_instance_id  VARCHAR(64),
    outcome_reason       VARCHAR(500),
    final_cost_amount    DECIMAL(19, 2),
    final_cost_currency  CHAR(3),
    created_at           DATETIME(6)    NOT NULL,
    updated_at           DATETIME(6)    NOT NULL,
    closed_at            DATETIME(6),
    version              BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT uk_case_number UNIQUE (case_number)
);
CREATE INDEX ix_case_status ON relocation_case (status);
CREATE INDEX ix_case_host_country ON relocation_case (host_country);
CREATE INDEX ix_case_employee_user ON relocation_case (employee_user_id);

CREATE TABLE case_traveller (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT       NOT NULL,
    relationship     VARCHAR(20)  NOT NULL,
    full_name        VARCHAR(200) NOT NULL,
    nationality      CHAR(2)      NOT NULL,
    birth_date       DATE,
    passport_number  VARCHAR(40),
    passport_expiry  DATE,
    permit_required  BOOLEAN,
    CONSTRAINT fk_traveller_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_traveller_case ON case_traveller (case_id);

CREATE TABLE case_phase (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT      NOT NULL,
    phase         VARCHAR(40) NOT NULL,
    entered_at    DATETIME(6) NOT NULL,
    completed_at  DATETIME(6),
    CONSTRAINT fk_phase_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_phase_case ON case_phase (case_id);
CREATE INDEX ix_phase_open ON case_phase (phase, completed_at);

CREATE TABLE case_timeline (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT       NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    element_id    VARCHAR(100),
    element_name  VARCHAR(200),
    phase         VARCHAR(40),
    actor         VARCHAR(64),
    CONSTRAINT fk_timeline_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_timeline_case ON case_timeline (case_id, occurred_at);

CREATE TABLE case_document (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT       NOT NULL,
    traveller_id  BIGINT       NOT NULL,
    document_type VARCHAR(40)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    note          VARCHAR(500),
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_document_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_document_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id),
    CONSTRAINT uk_document UNIQUE (traveller_id, document_type)
);
CREATE INDEX ix_document_case ON case_document (case_id);

CREATE TABLE case_key_date (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT       NOT NULL,
    traveller_id  BIGINT,
    kind          VARCHAR(40)  NOT NULL,
    due_date      DATE         NOT NULL,
    note          VARCHAR(200),
    CONSTRAINT fk_key_date_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_key_date UNIQUE (case_id, kind)
);
CREATE INDEX ix_key_date_due ON case_key_date (due_date);

CREATE TABLE service_order (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT         NOT NULL,
    service_type  VARCHAR(40)    NOT NULL,
    vendor        VARCHAR(60)    NOT NULL,
    reference     VARCHAR(40)    NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    message_name  VARCHAR(60),
    cost_amount   DECIMAL(19, 2),
    cost_currency CHAR(3),
    vendor_reference VARCHAR(100),
    detail        VARCHAR(200),
    request_key   VARCHAR(64)    NOT NULL,
    requested_at  DATETIME(6)    NOT NULL,
    answered_at   DATETIME(6),
    version       BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_order_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_order_reference UNIQUE (reference),
    CONSTRAINT uk_order_request_key UNIQUE (request_key)
);
CREATE INDEX ix_order_case ON service_order (case_id);

CREATE TABLE estimate_line (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id   BIGINT         NOT NULL,
    category  VARCHAR(40)    NOT NULL,
    amount    DECIMAL(19, 2) NOT NULL,
    currency  CHAR(3)        NOT NULL,
    basis     VARCHAR(200)   NOT NULL,
    CONSTRAINT fk_estimate_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_estimate_line UNIQUE (case_id, category)
);

CREATE TABLE approval_decision (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    step        VARCHAR(40)  NOT NULL,
    decision    VARCHAR(20)  NOT NULL,
    comment     VARCHAR(2000),
    decided_by  VARCHAR(64)  NOT NULL,
    decided_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_approval_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_approval_case ON approval_decision (case_id);

CREATE TABLE right_to_work_check (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT       NOT NULL,
    document_type       VARCHAR(40)  NOT NULL,
    document_reference  VARCHAR(100) NOT NULL,
    checked_on          DATE         NOT NULL,
    checked_by          VARCHAR(64)  NOT NULL,
    recorded_at         DATETIME(6)  NOT NULL,
    CONSTRAINT fk_rtw_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_rtw_case ON right_to_work_check (case_id);

CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    recipient   VARCHAR(254) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_notification_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_notification UNIQUE (case_id, kind, recipient)
);

CREATE TABLE case_number_sequence (
    year_value  INT    NOT NULL PRIMARY KEY,
    next_value  BIGINT NOT NULL
);
