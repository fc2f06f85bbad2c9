package org.relocation.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins, counted per client address and per (account, client address) in a sliding window. Past the free
 * failures of a key, each further failure refuses that key for twice as long as the one before (base delay, doubled,
 * capped at the maximum); a refused attempt is not checked and not counted. A success forgets the account's failures
 * from that address. Nothing is ever locked for good, and a stranger's failures from one address never refuse the
 * real user at another. Kept in this node's memory: each node of a cluster counts on its own, and a restart forgets.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final long windowMillis;
    private final int accountFailures;
    private final int addressFailures;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final int maxTracked;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
                  @Value("${relocation.security.login-throttle.window:1h}") Duration window,
                  @Value("${relocation.security.login-throttle.account-failures:5}") int accountFailures,
                  @Value("${relocation.security.login-throttle.address-failures:20}") int addressFailures,
                  @Value("${relocation.security.login-throttle.base-delay:1s}") Duration baseDelay,
                  @Value("${relocation.security.login-throttle.max-delay:15m}") Duration maxDelay,
                  @Value("${relocation.security.login-throttle.max-tracked:100000}") int maxTracked) {
        if (accountFailures < 1 || addressFailures < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || window.isNegative()) {
            throw new IllegalStateException("relocation.security.login-throttle: failures must be at least 1, max-delay at least base-delay");
        }
        this.clock = clock;
        this.windowMillis = window.toMillis();
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.baseDelayMillis = baseDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.maxTracked = maxTracked;
    }

    /** How long a login of this account from this address is refused without checking it; zero when it may be tried. */
    Duration refusedFor(String account, String address) {
        long now = clock.millis();
        long wait = Math.max(waitMillis(addressKey(address), now), waitMillis(accountKey(account, address), now));
        return Duration.ofMillis(Math.max(0, wait));
    }

    void failed(String account, String address) {
        long now = clock.millis();
        record(addressKey(address), addressFailures, now);
        record(accountKey(account, address), accountFailures, now);
    }

    void succeeded(String account, String address) {
        tracks.remove(accountKey(account, address));
    }

    private long waitMillis(String key, long now) {
        Track t = tracks.get(key);
        return t == null ? 0 : t.waitMillis(now);
    }

    private void record(String key, int freeFailures, long now) {
        Track t = tracks.get(key);
        if (t == null) {
            makeRoom(now);
            t = tracks.computeIfAbsent(key, k -> new Track());
        }
        t.failed(now, freeFailures);
    }

    /** Bounded memory: forget idle keys first; if a flood of distinct keys still fills it, start afresh (logged). */
    private void makeRoom(long now) {
        if (tracks.size() < maxTracked) {
            return;
        }
        tracks.values().removeIf(t -> t.idle(now));
        if (tracks.size() >= maxTracked) {
            log.warn("Login throttle: {} client keys with recent failed logins, more than relocation.security.login-throttle.max-tracked; counting afresh", tracks.size());
            tracks.clear();
        }
    }

    private static String addressKey(String address) {
        return "a|" + address;
    }

    private static String accountKey(String account, String address) {
        String a = account.length() > 256 ? account.substring(0, 256) : account;
        return "u|" + address + "|" + a;
    }

    private final class Track {
        private final ArrayDeque<Long> failures = new ArrayDeque<>();
        private long refusedUntil;

        synchronized long waitMillis(long now) {
            return refusedUntil - now;
        }

        synchronized void failed(long now, int freeFailures) {
            forgetOld(now);
            failures.addLast(now);
            while (failures.size() > freeFailures + 64) {
                failures.removeFirst();
            }
            int beyond = failures.size() - freeFailures;
            if (beyond > 0) {
                long delay = Math.min(maxDelayMillis, baseDelayMillis << Math.min(beyond - 1, 40));
                refusedUntil = Math.max(refusedUntil, now + Math.max(0, delay));
            }
        }

        synchronized boolean idle(long now) {
            forgetOld(now);
            return failures.isEmpty() && refusedUntil <= now;
        }

        private void forgetOld(long now) {
            while (!failures.isEmpty() && failures.peekFirst() <= now - windowMillis) {
                failures.removeFirst();
            }
        }
    }
}
