-- Personal calendar feeds (issue 15, docs/operations.md "Calendar feeds"): a calendar application subscribes to
-- /api/key-dates/feeds/{token}.ics without a login, so the token is the secret. Only its SHA-256 (hex) is kept: the
-- token itself is shown once when created and is nowhere else. One live token per user and scope (mine | team);
-- creating a new one revokes the previous (rotation). The user and their roles are read again on every request.
CREATE TABLE calendar_feed_token (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL,
    scope         VARCHAR(10)  NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6),
    revoked_at    DATETIME(6),
    CONSTRAINT uk_calendar_feed_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_calendar_feed_token_user ON calendar_feed_token (user_id);
