-- Payroll instructions (issue 16, slice P): versioned and effective-dated, one row per version of a case's
-- instruction, with the compensation decision it was built from and its items per payroll (home, host, shadow).
-- Amounts are a case's pay: read through the API by finance and the specialist only. Portable across H2 and MySQL 8 /
-- MariaDB 10.11.
CREATE TABLE payroll_instruction (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id                   BIGINT         NOT NULL,
    reference                 VARCHAR(40)    NOT NULL,
    instruction_version       INT            NOT NULL,
    effective_from            DATE           NOT NULL,
    reason                    VARCHAR(40)    NOT NULL,
    status                    VARCHAR(30)    NOT NULL,
    compensation_approach     VARCHAR(20)    NOT NULL,
    tax_approach              VARCHAR(20)    NOT NULL,
    payroll_delivery          VARCHAR(10)    NOT NULL,
    host_share_percent        INT            NOT NULL,
    shadow_payroll            BOOLEAN        NOT NULL,
    note                      VARCHAR(500),
    created_by                VARCHAR(64)    NOT NULL,
    created_at                DATETIME(6)    NOT NULL,
    provider_answered_at      DATETIME(6),
    provider_note             VARCHAR(1000),
    finance_confirmed_by      VARCHAR(64),
    finance_confirmed_at      DATETIME(6),
    finance_reference         VARCHAR(100),
    version                   BIGINT         NOT NULL,
    CONSTRAINT fk_payroll_instruction_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_payroll_instruction_reference UNIQUE (reference),
    CONSTRAINT uk_payroll_instruction_version UNIQUE (case_id, instruction_version)
);

CREATE TABLE payroll_instruction_item (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    instruction_id            BIGINT         NOT NULL,
    line_no                   INT            NOT NULL,
    payroll                   VARCHAR(10)    NOT NULL,
    component                 VARCHAR(30)    NOT NULL,
    currency                  CHAR(3)        NOT NULL,
    amount                    DECIMAL(19, 3) NOT NULL,
    frequency                 VARCHAR(10)    NOT NULL,
    start_date                DATE           NOT NULL,
    end_date                  DATE,
    taxable                   BOOLEAN        NOT NULL,
    CONSTRAINT fk_payroll_instruction_item_instruction FOREIGN KEY (instruction_id) REFERENCES payroll_instruction (id),
    CONSTRAINT uk_payroll_instruction_item_line UNIQUE (instruction_id, line_no)
);
