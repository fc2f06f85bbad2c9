-- One-time nonces of signed vendor callbacks (org.relocation.inbound): a callback's nonce is inserted in the same
-- transaction as its effect, so the unique key refuses a replay on every node of a cluster. expires_at (epoch
-- seconds) is the callback's timestamp plus the freshness window, after which its timestamp is refused anyway; rows
-- are deleted a window after that (a margin for clocks that differ between nodes).
CREATE TABLE callback_nonce (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    vendor      VARCHAR(64)  NOT NULL,
    nonce       VARCHAR(128) NOT NULL,
    expires_at  BIGINT       NOT NULL,
    CONSTRAINT uk_callback_nonce UNIQUE (vendor, nonce)
);
CREATE INDEX ix_callback_nonce_expiry ON callback_nonce (expires_at);
