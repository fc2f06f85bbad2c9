-- Mobility governance: grade and salary on the case, policy decisions with their inputs, outputs and DMN version,
-- versioned cost estimates, and the policy-exception register. Portable across H2 and MySQL 8 / MariaDB 10.11.

-- Personal: the annual base salary stays in the case records (the cost-of-living allowance is a share of it).
ALTER TABLE relocation_case ADD COLUMN grade_level INT;
ALTER TABLE relocation_case ADD COLUMN base_salary_amount DECIMAL(19, 2);
ALTER TABLE relocation_case ADD COLUMN base_salary_currency CHAR(3);

-- One evaluation of a policy decision table for a case: what went in, what came out, which deployed version decided.
CREATE TABLE policy_decision (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT        NOT NULL,
    decision_key        VARCHAR(100)  NOT NULL,
    decision_name       VARCHAR(200)  NOT NULL,
    definition_id       VARCHAR(64)   NOT NULL,
    definition_version  INT           NOT NULL,
    inputs              VARCHAR(4000) NOT NULL,
    outputs             VARCHAR(8000) NOT NULL,
    evaluated_at        DATETIME(6)   NOT NULL,
    CONSTRAINT fk_policy_decision_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_policy_decision_case ON policy_decision (case_id, decision_key);

-- Every estimate of a case is kept: a change of dates, family or host city makes a new version.
CREATE TABLE cost_estimate (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT         NOT NULL,
    version             INT            NOT NULL,
    reason              VARCHAR(200)   NOT NULL,
    currency            CHAR(3)        NOT NULL,
    total_amount        DECIMAL(19, 2) NOT NULL,
    reporting_currency  CHAR(3),
    reporting_amount    DECIMAL(19, 2),
    rates_on            DATE,
    policy_tier         VARCHAR(30),
    fingerprint         VARCHAR(64)    NOT NULL,
    created_by          VARCHAR(64)    NOT NULL,
    created_at          DATETIME(6)    NOT NULL,
    approved_at         DATETIME(6),
    CONSTRAINT fk_cost_estimate_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_cost_estimate_version UNIQUE (case_id, version)
);

CREATE TABLE cost_estimate_line (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    estimate_id         BIGINT         NOT NULL,
    position            INT            NOT NULL,
    category            VARCHAR(40)    NOT NULL,
    amount              DECIMAL(19, 2) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    reporting_amount    DECIMAL(19, 2),
    basis               VARCHAR(300)   NOT NULL,
    CONSTRAINT fk_estimate_line_estimate FOREIGN KEY (estimate_id) REFERENCES cost_estimate (id)
);
CREATE INDEX ix_estimate_line_estimate ON cost_estimate_line (estimate_id, position);

-- The estimates made before versions existed become version 1 of their case (not converted to a reporting currency).
INSERT INTO cost_estimate (case_id, version, reason, currency, total_amount, fingerprint, created_by, created_at)
SELECT l.case_id, 1, 'estimate before versioning', MIN(l.currency), SUM(l.amount), 'legacy', 'system', MIN(c.created_at)
FROM estimate_line l JOIN relocation_case c ON c.id = l.case_id
GROUP BY l.case_id;
INSERT INTO cost_estimate_line (estimate_id, position, category, amount, currency, basis)
SELECT e.id, l.id, l.category, l.amount, l.currency, l.basis
FROM estimate_line l JOIN cost_estimate e ON e.case_id = l.case_id AND e.version = 1;
DROP TABLE estimate_line;

-- A departure from policy asked for a case, and its decision.
CREATE TABLE policy_exception (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT         NOT NULL,
    category          VARCHAR(40)    NOT NULL,
    amount            DECIMAL(19, 2) NOT NULL,
    currency          CHAR(3)        NOT NULL,
    reporting_amount  DECIMAL(19, 2),
    policy_clause     VARCHAR(40)    NOT NULL,
    justification     VARCHAR(2000)  NOT NULL,
    cost_centre       VARCHAR(40)    NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    requested_by      VARCHAR(64)    NOT NULL,
    requested_at      DATETIME(6)    NOT NULL,
    decided_by        VARCHAR(64),
    decided_at        DATETIME(6),
    decision_comment  VARCHAR(2000),
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_policy_exception_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_policy_exception_case ON policy_exception (case_id);
CREATE INDEX ix_policy_exception_search ON policy_exception (category, cost_centre, requested_at);
