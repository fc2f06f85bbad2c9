-- The mobility payments ledger: every scheduled allowance payment, one-off payment, vendor invoice and reimbursement of
-- a case, in its own currency and in the reporting currency at the rate of its due day (and of the day it was paid),
-- with its cost centre, route, status and who moved it when. Portable across H2 and MySQL 8 / MariaDB 10.11.
CREATE TABLE mobility_payment (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id                   BIGINT         NOT NULL,
    kind                      VARCHAR(20)    NOT NULL,
    category                  VARCHAR(40)    NOT NULL,
    source_reference          VARCHAR(100)   NOT NULL,
    idempotency_key           VARCHAR(200),
    description               VARCHAR(200),
    amount                    DECIMAL(19, 3) NOT NULL,
    currency                  CHAR(3)        NOT NULL,
    reporting_currency        CHAR(3)        NOT NULL,
    reporting_amount          DECIMAL(19, 3) NOT NULL,
    rate                      DECIMAL(30, 16) NOT NULL,
    rate_on                   DATE           NOT NULL,
    cost_centre               VARCHAR(40)    NOT NULL,
    route                     VARCHAR(20)    NOT NULL,
    taxable                   BOOLEAN        NOT NULL,
    due_date                  DATE           NOT NULL,
    policy_exception_id       BIGINT,
    status                    VARCHAR(20)    NOT NULL,
    created_by                VARCHAR(64)    NOT NULL,
    created_at                DATETIME(6)    NOT NULL,
    approved_by               VARCHAR(64),
    approved_at               DATETIME(6),
    paid_by                   VARCHAR(64),
    paid_at                   DATETIME(6),
    paid_on                   DATE,
    paid_reporting_amount     DECIMAL(19, 3),
    paid_rate                 DECIMAL(30, 16),
    cancelled_by              VARCHAR(64),
    cancelled_at              DATETIME(6),
    cancel_reason             VARCHAR(500),
    version                   BIGINT         NOT NULL,
    CONSTRAINT fk_mobility_payment_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_mobility_payment_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_mobility_payment_case ON mobility_payment (case_id, due_date);
CREATE INDEX ix_mobility_payment_due ON mobility_payment (due_date);
CREATE INDEX ix_mobility_payment_paid ON mobility_payment (paid_on);
