package org.relocation.keydate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A personal calendar feed's token, kept as its SHA-256 only ({@link CalendarFeedTokens}). */
@Entity
@Table(name = "calendar_feed_token")
public class CalendarFeedToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;
    private String scope;
    private String tokenHash;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected CalendarFeedToken() {
    }

    CalendarFeedToken(String userId, String scope, String tokenHash, Instant createdAt) {
        this.userId = userId;
        this.scope = scope;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUserId() { return userId; }
    public String getScope() { return scope; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }

    public boolean isRevoked() { return revokedAt != null; }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }
}
