package org.relocation.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A login refused unchecked: too many recent failures of this account, or from this address. */
class LoginThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: the value of a Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
