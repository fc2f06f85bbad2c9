package org.relocation.platform.engine;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.springframework.dao.CannotAcquireLockException;

import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentChangesTest {

    @Test
    void recognisesConcurrentChangesAnywhereInTheCauseChain() {
        assertThat(ConcurrentChanges.isConcurrentChange(new OptimisticLockingException("stale"))).isTrue();
        assertThat(ConcurrentChanges.isConcurrentChange(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(ConcurrentChanges.isConcurrentChange(
                new ProcessEngineException("flush", new SQLTimeoutException("lock wait timeout")))).isTrue();
        assertThat(ConcurrentChanges.isConcurrentChange(
                new IllegalStateException(new RuntimeException(new SQLTransactionRollbackException("deadlock"))))).isTrue();
        assertThat(ConcurrentChanges.isConcurrentChange(new IllegalArgumentException("bad input"))).isFalse();
        assertThat(ConcurrentChanges.isConcurrentChange(new ProcessEngineException("no such task"))).isFalse();
    }

    @Test
    void retriesConcurrentChangesUntilTheWorkSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = ConcurrentChanges.retry(3, 1, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new OptimisticLockingException("stale");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttemptAndNeverRetriesOtherFailures() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentChanges.retry(2, 1, () -> {
            calls.incrementAndGet();
            throw new OptimisticLockingException("stale");
        })).isInstanceOf(OptimisticLockingException.class);
        assertThat(calls).hasValue(2);

        calls.set(0);
        assertThatThrownBy(() -> ConcurrentChanges.retry(5, 1, () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }
}
