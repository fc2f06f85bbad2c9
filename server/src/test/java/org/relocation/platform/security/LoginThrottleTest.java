package org.relocation.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins per address and per (account, address): exponential back-off, a sliding window, never a lock for good. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    // window 1h, 5 free failures per account and address, 20 per address, 1 s doubled up to 15 min
    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofHours(1), 5, 20,
            Duration.ofSeconds(1), Duration.ofMinutes(15), 1000);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    @Test
    void freeFailuresThenADelayThatDoublesWithEachFurtherFailureUpToTheMaximum() {
        fail("admin", "203.0.113.1", 5);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isZero();
        fail("admin", "203.0.113.1", 1);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        fail("admin", "203.0.113.1", 1);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isEqualTo(Duration.ofSeconds(2));
        fail("admin", "203.0.113.1", 1);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isEqualTo(Duration.ofSeconds(4));
        fail("admin", "203.0.113.1", 20);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aStrangerHammeringAnAccountNeverRefusesTheRealUserAtAnotherAddress() {
        fail("admin", "203.0.113.1", 30);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isPositive();
        assertThat(throttle.refusedFor("admin", "198.51.100.2")).isZero();
        assertThat(throttle.refusedFor("worker", "198.51.100.3")).isZero();
    }

    @Test
    void noLockIsForGoodTheAddressMayTryAgainOnceTheDelayIsOverAndIsForgottenAfterTheWindow() {
        fail("admin", "203.0.113.1", 30);
        Duration wait = throttle.refusedFor("admin", "203.0.113.1");
        assertThat(wait).isEqualTo(Duration.ofMinutes(15));
        clock.advance(wait);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isZero();
        // one more failure inside the window: refused again, for the maximum
        fail("admin", "203.0.113.1", 1);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isEqualTo(Duration.ofMinutes(15));
        // an hour with no failures: every failure has left the window, the next ones are free again
        clock.advance(Duration.ofMinutes(61));
        fail("admin", "203.0.113.1", 5);
        assertThat(throttle.refusedFor("admin", "203.0.113.1")).isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsRefusedForAllOfThem() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("user" + i, "203.0.113.9");
        }
        assertThat(throttle.refusedFor("somebody-else", "203.0.113.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.refusedFor("somebody-else", "203.0.113.10")).isZero();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresFromThatAddressButNotTheAddresses() {
        fail("maria", "203.0.113.1", 4);
        throttle.succeeded("maria", "203.0.113.1");
        fail("maria", "203.0.113.1", 5);
        assertThat(throttle.refusedFor("maria", "203.0.113.1")).isZero();
        // the address's own count (9 so far) is not reset by a success: 12 more make it 21
        fail("other", "203.0.113.1", 12);
        assertThat(throttle.refusedFor("maria", "203.0.113.1")).isPositive();
    }

    @Test
    void memoryIsBounded() {
        LoginThrottle small = new LoginThrottle(clock, Duration.ofHours(1), 5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), 10);
        for (int i = 0; i < 100; i++) {
            small.failed("user" + i, "203.0.113." + i);
        }
        // still counting: a fresh hammering is refused after its free failures
        for (int i = 0; i < 6; i++) {
            small.failed("admin", "198.51.100.1");
        }
        assertThat(small.refusedFor("admin", "198.51.100.1")).isPositive();
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo(ClientAddress.of("2001:db8:1:2::1"));
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
        assertThat(ClientAddress.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
