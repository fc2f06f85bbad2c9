package org.relocation.platform.security;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.mockito.Answers;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** HTTP Basic against the engine's users, with successful checks remembered for a short time only, and the throttle first. */
class EngineIdentityAuthenticationProviderTest {

    private final IdentityService identity = mock(IdentityService.class, Answers.RETURNS_DEEP_STUBS);
    private final MutableClock clock = new MutableClock();

    EngineIdentityAuthenticationProviderTest() {
        Group group = mock(Group.class);
        when(group.getId()).thenReturn("manager");
        when(identity.createGroupQuery().groupMember("maria").list()).thenReturn(List.of(group));
        when(identity.checkPassword("maria", "right")).thenReturn(true);
    }

    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofHours(1), 5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), 1000);

    private EngineIdentityAuthenticationProvider provider(Duration cacheFor) {
        return new EngineIdentityAuthenticationProvider(identity, new RecentLogins(cacheFor, clock), throttle);
    }

    private Authentication login(EngineIdentityAuthenticationProvider provider, String password) {
        return provider.authenticate(new UsernamePasswordAuthenticationToken("maria", password));
    }

    @Test
    void aSuccessfulCheckIsRememberedForTheConfiguredTimeThenCheckedAgain() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        Authentication first = login(provider, "right");
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_manager");
        assertThat(first.getCredentials()).isNull();

        clock.advance(Duration.ofSeconds(29));
        assertThat(login(provider, "right").getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_manager");
        verify(identity, times(1)).checkPassword("maria", "right");

        clock.advance(Duration.ofSeconds(2));
        login(provider, "right");
        verify(identity, times(2)).checkPassword("maria", "right");
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefusedEvenRightAfterASuccess() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        login(provider, "right");
        assertThatThrownBy(() -> login(provider, "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login(provider, "wrong")).isInstanceOf(BadCredentialsException.class);
        verify(identity, times(2)).checkPassword("maria", "wrong");
    }

    @Test
    void aPasswordThatNoLongerWorksIsForgottenOnceTheTimeIsUp() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        login(provider, "right");
        when(identity.checkPassword("maria", "right")).thenReturn(false); // changed or locked in the Admin webapp
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> login(provider, "right")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void zeroTurnsTheMemoryOff() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ZERO);
        login(provider, "right");
        login(provider, "right");
        verify(identity, times(2)).checkPassword("maria", "right");
    }

    @Test
    void aThrottledAddressIsRefusedWithoutAnyCheckEvenWithARememberedPassword() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.5");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            login(provider, "right");
            for (int i = 0; i < 6; i++) {
                throttle.failed("maria", "203.0.113.5"); // as the engine's password check records them
            }
            assertThatThrownBy(() -> login(provider, "right")).isInstanceOfSatisfying(LoginThrottledException.class,
                    e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
            verify(identity, times(1)).checkPassword("maria", "right");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
