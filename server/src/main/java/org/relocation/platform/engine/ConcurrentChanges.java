package org.relocation.platform.engine;

import org.operaton.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

import java.sql.SQLTransientException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Failures caused by a concurrent change of the same rows, which the same work succeeds at when tried again: the
 * engine's optimistic lock, a lock wait that timed out or a deadlock in the database (H2, MySQL/MariaDB report them as
 * {@link SQLTransientException}s), Spring's {@link ConcurrencyFailureException}. Found anywhere in the cause chain,
 * since the engine and JPA wrap them.
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    public static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException
                    || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs work in its own transaction(s) up to {@code attempts} times while it fails with a concurrent change, waiting
     * a little longer each time; other failures, and the last concurrent one, go to the caller.
     */
    public static <T> T retry(int attempts, long pauseMillis, Callable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isConcurrentChange(e)) {
                    throw e;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pauseMillis * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while retrying after a concurrent change", e);
            }
        }
    }
}
