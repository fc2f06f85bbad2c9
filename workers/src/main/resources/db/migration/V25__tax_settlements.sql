-- Tax-equalisation settlements (org.relocation.tax, POST /api/cases/{caseId}/tax-settlements, process
-- relocation-tax-settlement): one row per traveller (the employee), tax year and entry by finance. The settlement's
-- figures are in the home country's currency; the actual taxes finance entered are its lines. Only its status, the
-- decision and the payment move after it is written. At most one open or approved settlement per case and tax year
-- (checked by TaxSettlementService under the case's lock; a rejected one may be entered again).
CREATE TABLE tax_settlement (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id                  BIGINT         NOT NULL,
    traveller_id             BIGINT         NOT NULL,
    tax_year                 INT            NOT NULL,
    approach                 VARCHAR(20)    NOT NULL,
    currency                 CHAR(3)        NOT NULL,
    hypothetical_tax         DECIMAL(19, 4) NOT NULL,
    hypothetical_withheld    DECIMAL(19, 4) NOT NULL,
    withheld_source          VARCHAR(20)    NOT NULL,
    actual_taxes             DECIMAL(19, 4) NOT NULL,
    actual_paid_by_company   DECIMAL(19, 4) NOT NULL,
    actual_paid_by_employee  DECIMAL(19, 4) NOT NULL,
    employee_burden          DECIMAL(19, 4) NOT NULL,
    company_tax_cost         DECIMAL(19, 4) NOT NULL,
    settlement_amount        DECIMAL(19, 4) NOT NULL,
    direction                VARCHAR(20)    NOT NULL,
    status                   VARCHAR(20)    NOT NULL,
    entered_by               VARCHAR(64)    NOT NULL,
    entered_at               DATETIME(6)    NOT NULL,
    decided_by               VARCHAR(64),
    decided_at               DATETIME(6),
    decision_comment         VARCHAR(2000),
    payment_id               BIGINT,
    process_instance_id      VARCHAR(64),
    CONSTRAINT fk_tax_settlement_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_tax_settlement_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id)
);
CREATE INDEX ix_tax_settlement_case ON tax_settlement (case_id, tax_year);

-- The actual taxes of a settlement as finance entered them (converted into the settlement's currency).
CREATE TABLE tax_settlement_tax (
    settlement_id   BIGINT         NOT NULL,
    line_index      INT            NOT NULL,
    country         CHAR(2)        NOT NULL,
    entered_amount  DECIMAL(19, 4) NOT NULL,
    entered_currency CHAR(3)       NOT NULL,
    amount          DECIMAL(19, 4) NOT NULL,
    paid_by         VARCHAR(20)    NOT NULL,
    CONSTRAINT pk_tax_settlement_tax PRIMARY KEY (settlement_id, line_index),
    CONSTRAINT fk_tax_settlement_tax FOREIGN KEY (settlement_id) REFERENCES tax_settlement (id)
);
