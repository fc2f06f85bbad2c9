-- One payroll provider order per payroll of an instruction version (issue 16, slice P): a SPLIT instruction (or a home
-- payroll with a host shadow payroll) is ordered from the home and the host payroll's provider, each answer recorded
-- here; the version is confirmed by the providers only when every one confirmed, rejected as soon as one refused.
-- A compensation change's finance decision (approved before it is sent, or rejected with a reason) is kept on the
-- version. No amounts here. Portable across H2 and MySQL 8 / MariaDB 10.11.
CREATE TABLE payroll_provider_order (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    instruction_id            BIGINT         NOT NULL,
    payroll                   VARCHAR(10)    NOT NULL,
    country                   CHAR(2)        NOT NULL,
    order_reference           VARCHAR(40)    NOT NULL,
    status                    VARCHAR(20)    NOT NULL,
    note                      VARCHAR(1000),
    ordered_at                DATETIME(6)    NOT NULL,
    answered_at               DATETIME(6),
    version                   BIGINT         NOT NULL,
    CONSTRAINT fk_payroll_provider_order_instruction FOREIGN KEY (instruction_id) REFERENCES payroll_instruction (id),
    CONSTRAINT uk_payroll_provider_order_reference UNIQUE (order_reference),
    CONSTRAINT uk_payroll_provider_order_payroll UNIQUE (instruction_id, payroll)
);

ALTER TABLE payroll_instruction ADD COLUMN finance_rejected_by VARCHAR(64);
ALTER TABLE payroll_instruction ADD COLUMN finance_rejection_reason VARCHAR(2000);
