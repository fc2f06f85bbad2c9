-- The domain records of the phases' forms that kept only the generic task_submission so far (issue "records
-- redesign"): each form's feature writes its own record, in the completion's transaction. Notes are free text about
-- the person's move: case records only (never variables or logs), shown to the roles that read notes. One row per
-- case where the journey does the step once (a repaired task updates it); the intake is reviewed once per round.

-- approval: the specialist's review of the intake before it goes to the approvers, one per round (a send-back and
-- revision makes another), with the estimate version reviewed.
CREATE TABLE intake_review (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT        NOT NULL,
    estimate_version  INT,
    notes             VARCHAR(2000),
    verified_by       VARCHAR(64)   NOT NULL,
    verified_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_intake_review_case FOREIGN KEY (case_id) REFERENCES relocation_case (id)
);
CREATE INDEX ix_intake_review_case ON intake_review (case_id, id);

-- housing: the kick-off call with the employee (when it was held, who attended, what was agreed).
CREATE TABLE kickoff_call (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT        NOT NULL,
    held_on       DATE,
    attendees     VARCHAR(500),
    notes         VARCHAR(4000),
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_kickoff_call_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_kickoff_call_case UNIQUE (case_id)
);

-- payroll: the case's payroll set-up as finance confirmed it (home, split or host payroll, the payroll system's
-- reference); what later payroll instructions build on.
CREATE TABLE payroll_setup (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT        NOT NULL,
    payroll_mode   VARCHAR(10)   NOT NULL,
    reference      VARCHAR(100),
    confirmed_by   VARCHAR(64)   NOT NULL,
    confirmed_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_payroll_setup_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_payroll_setup_case UNIQUE (case_id)
);

-- benefits: the international health cover HR administration arranged where the host country has none, and the
-- employee's enrolment (health plan and pension: their choices, personal data).
CREATE TABLE international_coverage (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT        NOT NULL,
    provider      VARCHAR(200),
    notes         VARCHAR(2000),
    arranged_by   VARCHAR(64)   NOT NULL,
    arranged_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_international_coverage_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_international_coverage_case UNIQUE (case_id)
);
CREATE TABLE benefits_enrolment (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id                BIGINT        NOT NULL,
    health_plan            VARCHAR(20),
    pension_continuation   VARCHAR(10),
    confirmed_by           VARCHAR(64)   NOT NULL,
    confirmed_at           DATETIME(6)   NOT NULL,
    CONSTRAINT fk_benefits_enrolment_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_benefits_enrolment_case UNIQUE (case_id)
);

-- closure: who approved the closure, when and with what notes, and the final cost they approved (summarised just
-- before, in the budget currency); close-case then completes the case.
CREATE TABLE closure_approval (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id               BIGINT          NOT NULL,
    notes                 VARCHAR(2000),
    final_cost_amount     DECIMAL(19, 2),
    final_cost_currency   CHAR(3),
    approved_by           VARCHAR(64)     NOT NULL,
    approved_at           DATETIME(6)     NOT NULL,
    CONSTRAINT fk_closure_approval_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_closure_approval_case UNIQUE (case_id)
);
