package org.relocation.platform.security;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic against the engine's identity service, the same users and groups the Tasklist knows.
 * Each group becomes an authority "ROLE_&lt;group&gt;".
 * <p>
 * API clients send their credentials with every request; checking the salted password hash and querying
 * the groups each time cost a visible share of the server's CPU. A successful check is therefore remembered
 * for {@code relocation.security.basic-auth-cache} (30 s by default, 0 turns it off), keyed by a SHA-256 of
 * user and password (the password itself is not kept). A changed password, a locked user or a changed
 * group membership takes effect for API clients within that time. Failed checks are never remembered, so
 * the engine still counts every failed attempt.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final IdentityService identity;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(List<SimpleGrantedAuthority> authorities, long expiresAtMillis) {
    }

    EngineIdentityAuthenticationProvider(IdentityService identity,
                                         @Value("${relocation.security.basic-auth-cache:30s}") Duration cacheFor, Clock clock) {
        this.identity = identity;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        long now = clock.millis();
        String key = key(user, credentials.toString());
        Remembered known = remembered.get(key);
        if (known != null && known.expiresAtMillis() > now) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, known.authorities());
        }
        if (!identity.checkPassword(user, credentials.toString())) {
            remembered.remove(key);
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
        if (!cacheFor.isZero()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.values().removeIf(r -> r.expiresAtMillis() <= now);
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
            }
            remembered.put(key, new Remembered(authorities, now + cacheFor.toMillis()));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    private static String key(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
