-- Expense claims (issue 16, slice E): what an employee (or a specialist on their behalf) asks to be paid back, with its
-- receipt. The amount is converted into the reporting currency at the rate of the expense date; the claim keeps whether
-- it was within the policy cap when submitted, and the claims it may duplicate (same receipt file, or same date, amount,
-- currency and merchant): flagged for the approver, not refused.
-- The receipt is stored like a document's file: AES-256-GCM with the documents' key (key_id names it), a random 96-bit
-- IV, the receipt reference as associated data, the plaintext's SHA-256, the ciphertext in pieces of at most 1 MiB.
-- Portable across H2 and MySQL 8 / MariaDB 10.11.
CREATE TABLE expense_claim (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id                BIGINT         NOT NULL,
    category               VARCHAR(40)    NOT NULL,
    expense_date           DATE           NOT NULL,
    merchant               VARCHAR(100)   NOT NULL,
    amount                 DECIMAL(19, 3) NOT NULL,
    currency               CHAR(3)        NOT NULL,
    reporting_amount       DECIMAL(19, 3) NOT NULL,
    reporting_currency     CHAR(3)        NOT NULL,
    rate                   DECIMAL(30, 16) NOT NULL,
    within_policy          BOOLEAN        NOT NULL,
    policy_note            VARCHAR(300),
    remaining_cap          DECIMAL(19, 3),
    duplicate_receipt_of   BIGINT,
    duplicate_details_of   BIGINT,
    receipt_reference      CHAR(36)       NOT NULL,
    receipt_content_type   VARCHAR(40)    NOT NULL,
    receipt_size_bytes     BIGINT         NOT NULL,
    receipt_sha256         CHAR(64)       NOT NULL,
    receipt_key_id         VARCHAR(40)    NOT NULL,
    receipt_iv             VARBINARY(12)  NOT NULL,
    status                 VARCHAR(20)    NOT NULL,
    submitted_by           VARCHAR(64)    NOT NULL,
    submitted_at           DATETIME(6)    NOT NULL,
    version                BIGINT         NOT NULL,
    CONSTRAINT fk_expense_claim_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_expense_claim_receipt UNIQUE (receipt_reference)
);
CREATE INDEX ix_expense_claim_case ON expense_claim (case_id, expense_date);
CREATE INDEX ix_expense_claim_receipt ON expense_claim (case_id, receipt_sha256);

CREATE TABLE expense_receipt_chunk (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    claim_id     BIGINT   NOT NULL,
    chunk_index  INT      NOT NULL,
    ciphertext   LONGBLOB NOT NULL,
    CONSTRAINT fk_expense_receipt_chunk_claim FOREIGN KEY (claim_id) REFERENCES expense_claim (id),
    CONSTRAINT uk_expense_receipt_chunk UNIQUE (claim_id, chunk_index)
);

-- Every upload, download and refused access of a receipt, as document_access_log does for documents.
-- action: UPLOAD, DOWNLOAD or DENIED.
CREATE TABLE expense_receipt_access (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    claim_id     BIGINT       NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    outcome      VARCHAR(200) NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_expense_receipt_access_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_expense_receipt_access_claim FOREIGN KEY (claim_id) REFERENCES expense_claim (id)
);
CREATE INDEX ix_expense_receipt_access_claim ON expense_receipt_access (claim_id, occurred_at);
