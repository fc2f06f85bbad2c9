package org.relocation.inbound;

import org.relocation.vendor.VendorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-time nonces of signed callbacks, in the table {@code callback_nonce} shared by every node. A nonce is
 * inserted in the transaction that records the callback's effect, so the two commit together: the unique key
 * (vendor, nonce) refuses a replay on any node, even one that arrives while the first is still running (it waits for
 * the first to commit, then fails). Rows are deleted once their timestamp is outside the window by a second window.
 */
@Component
class CallbackNonces {

    private static final Logger log = LoggerFactory.getLogger(CallbackNonces.class);
    private static final long PURGE_EVERY_SECONDS = 60;

    private final JdbcTemplate jdbc;
    private final long windowSeconds;
    private final AtomicLong nextPurge = new AtomicLong();

    CallbackNonces(JdbcTemplate jdbc, VendorProperties vendors) {
        this.jdbc = jdbc;
        this.windowSeconds = vendors.getCallbackWindow().toSeconds();
    }

    /** Records the nonce in the caller's transaction; one seen before for this vendor is a replay (409). */
    void consume(String vendor, String nonce, long timestamp) {
        try {
            jdbc.update("INSERT INTO callback_nonce (vendor, nonce, expires_at) VALUES (?, ?, ?)", vendor, nonce, timestamp + windowSeconds);
        } catch (DataIntegrityViolationException e) {
            throw new CallbackRefusedException(HttpStatus.CONFLICT, "Callback replayed",
                    "This nonce was already used: the callback it signed was accepted before and is not recorded again");
        }
    }

    /** Deletes the expired nonces, at most once a minute per node; called outside a transaction (autocommit). */
    void purgeExpiredIfDue(long now) {
        long due = nextPurge.get();
        if (now < due || !nextPurge.compareAndSet(due, now + PURGE_EVERY_SECONDS)) {
            return;
        }
        try {
            purgeExpired(now);
        } catch (DataAccessException e) {
            log.warn("Could not delete expired callback nonces ({}); trying again later", e.getClass().getSimpleName());
        }
    }

    /** Deletes the nonces whose timestamp left the window more than a window ago. */
    void purgeExpired(long now) {
        int deleted = jdbc.update("DELETE FROM callback_nonce WHERE expires_at < ?", now - windowSeconds);
        log.debug("Deleted {} expired callback nonces", deleted);
    }
}
