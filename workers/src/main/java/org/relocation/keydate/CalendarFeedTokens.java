package org.relocation.keydate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal calendar feed tokens: 32 random bytes, base64url, returned once when created; stored as their SHA-256 (hex)
 * and looked up by it, so the database holds no usable token. A user has one live token per scope: a new one revokes
 * the previous (rotation). A revoked or unknown token resolves to nothing; the last use is recorded at most hourly.
 * Who the token's user is and what they may read is decided by the caller on every use, not stored here.
 */
@Service
public class CalendarFeedTokens {

    private static final Duration LAST_USED_PRECISION = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedTokenRepository tokens;
    private final Clock clock;

    public CalendarFeedTokens(CalendarFeedTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token and its record: the token is in the answer only. */
    public record Created(CalendarFeedToken feed, String token) {
    }

    @Transactional
    public Created create(String userId, String scope) {
        Instant now = clock.instant();
        tokens.findByUserId(userId).stream().filter(t -> !t.isRevoked() && t.getScope().equals(scope)).forEach(t -> t.revoke(now));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeedToken feed = tokens.save(new CalendarFeedToken(userId, scope, hash(token), now));
        return new Created(feed, token);
    }

    /** The user's live tokens (never the token itself). */
    @Transactional(readOnly = true)
    public List<CalendarFeedToken> live(String userId) {
        return tokens.findByUserId(userId).stream().filter(t -> !t.isRevoked()).toList();
    }

    /** Revokes the user's own token; false when it is not theirs, unknown or already revoked. */
    @Transactional
    public boolean revoke(String userId, long id) {
        Optional<CalendarFeedToken> feed = tokens.findById(id).filter(t -> t.getUserId().equals(userId) && !t.isRevoked());
        feed.ifPresent(t -> t.revoke(clock.instant()));
        return feed.isPresent();
    }

    /** The live token's record, its use noted (at most hourly); empty for an unknown or revoked token. */
    @Transactional
    public Optional<CalendarFeedToken> use(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarFeedToken> feed = tokens.findByTokenHash(hash(token)).filter(t -> !t.isRevoked());
        Instant now = clock.instant();
        feed.filter(t -> t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)).ifPresent(t -> t.used(now));
        return feed;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
