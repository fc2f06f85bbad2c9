package org.relocation.platform.security;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * HTTP Basic against the engine's identity service, the same users and groups the Tasklist knows.
 * Each group becomes an authority "ROLE_&lt;group&gt;".
 * <p>
 * A client address or account with too many recent failures is refused first, unchecked
 * ({@link LoginThrottledException}: 429 with Retry-After). A successful check is remembered for a short time
 * ({@link RecentLogins}), so API clients sending their credentials with every request do not pay for a bcrypt
 * check and a group query each time. The password check itself is the engine's ({@link GuardedIdentityProvider}),
 * which counts every failure.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final RecentLogins recentLogins;
    private final LoginThrottle throttle;

    EngineIdentityAuthenticationProvider(IdentityService identity, RecentLogins recentLogins, LoginThrottle throttle) {
        this.identity = identity;
        this.recentLogins = recentLogins;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = credentials.toString();
        String address = ClientAddress.current();
        if (address != null) {
            Duration wait = throttle.refusedFor(user, address);
            if (wait.compareTo(Duration.ZERO) > 0) {
                throw new LoginThrottledException(wait);
            }
        }
        List<? extends GrantedAuthority> known = recentLogins.find(user, password);
        if (known != null) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, known);
        }
        if (!identity.checkPassword(user, password)) {
            recentLogins.forget(user, password);
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
        recentLogins.remember(user, password, authorities);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
