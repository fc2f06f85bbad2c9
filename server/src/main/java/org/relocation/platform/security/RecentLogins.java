package org.relocation.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful HTTP Basic logins remembered for a short time ({@code relocation.security.basic-auth-cache}, 5 minutes by
 * default, 0 turns it off), so an API client sending its credentials with every request does not cost a bcrypt check
 * (tens of milliseconds of CPU) each time. An entry is keyed by an HMAC-SHA256 of user and password under a random
 * key made at start and never stored: neither the password nor anything that could be checked against a guess
 * without that key is kept. At most {@value #MAX_ENTRIES} entries. A user, password or membership change made on this
 * node forgets every entry at once; one made on another cluster node takes effect here when the entry expires.
 * Failed checks are never remembered.
 */
@Component
class RecentLogins {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(List<? extends GrantedAuthority> authorities, long expiresAtMillis) {
    }

    RecentLogins(@Value("${relocation.security.basic-auth-cache:5m}") Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** The authorities of a login remembered as successful, or null. */
    List<? extends GrantedAuthority> find(String user, String password) {
        if (ttl.isZero()) {
            return null;
        }
        Entry e = entries.get(key(user, password));
        return e != null && e.expiresAtMillis() > clock.millis() ? e.authorities() : null;
    }

    void remember(String user, String password, List<? extends GrantedAuthority> authorities) {
        if (ttl.isZero()) {
            return;
        }
        long now = clock.millis();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(user, password), new Entry(List.copyOf(authorities), now + ttl.toMillis()));
    }

    void forget(String user, String password) {
        entries.remove(key(user, password));
    }

    void forgetAll() {
        entries.clear();
    }

    private String key(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
