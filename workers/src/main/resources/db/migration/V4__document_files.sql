-- Files of the document checklist (case_document) and the audit trail of every access to them.
-- A file is stored encrypted: AES-256-GCM, a random 96-bit IV per file, the document id as associated data;
-- key_id names the key that encrypted it, sha256 is the digest of the plaintext. A re-upload adds a version;
-- the highest version is the current file.
CREATE TABLE document_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id   BIGINT        NOT NULL,
    case_id       BIGINT        NOT NULL,
    version       INT           NOT NULL,
    content_type  VARCHAR(40)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    key_id        VARCHAR(40)   NOT NULL,
    iv            VARBINARY(12) NOT NULL,
    uploaded_by   VARCHAR(64)   NOT NULL,
    uploaded_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_file_document FOREIGN KEY (document_id) REFERENCES case_document (id),
    CONSTRAINT fk_file_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_file_version UNIQUE (document_id, version)
);
CREATE INDEX ix_file_case ON document_file (case_id);

-- The ciphertext (GCM tag appended) in pieces of at most 1 MiB, joined in chunk_index order. Pieces keep each
-- INSERT within MySQL/MariaDB's max_allowed_packet (Connector/J sends binary values hex-encoded on a utf8mb4
-- connection: a 10 MB file in one value would need more than MariaDB's default 16 MB). LONGBLOB: MySQL's BLOB
-- stops at 64 KB; H2 reads LONGBLOB as BLOB.
CREATE TABLE document_file_chunk (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id      BIGINT   NOT NULL,
    chunk_index  INT      NOT NULL,
    ciphertext   LONGBLOB NOT NULL,
    CONSTRAINT fk_chunk_file FOREIGN KEY (file_id) REFERENCES document_file (id),
    CONSTRAINT uk_chunk UNIQUE (file_id, chunk_index)
);

-- action: UPLOAD, DOWNLOAD or DENIED (a refused upload or download; outcome says which and why).
CREATE TABLE document_access_log (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    document_id  BIGINT       NOT NULL,
    file_id      BIGINT,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    outcome      VARCHAR(200) NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_access_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_access_document FOREIGN KEY (document_id) REFERENCES case_document (id),
    CONSTRAINT fk_access_file FOREIGN KEY (file_id) REFERENCES document_file (id)
);
CREATE INDEX ix_access_document ON document_access_log (document_id, occurred_at);
CREATE INDEX ix_access_case ON document_access_log (case_id, occurred_at);
