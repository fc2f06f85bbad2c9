package org.relocation.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces actions evenly at a target rate, shared by many threads. Idle time earns no credit, so a pause
 * is never followed by a burst. A rate of 0 or less means no pacing at all.
 */
final class Pacer {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());

    Pacer(double perSecond) {
        this.intervalNanos = perSecond > 0 ? Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond)) : 0;
    }

    boolean paced() {
        return intervalNanos > 0;
    }

    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        while (true) {
            long now = System.nanoTime();
            long current = next.get();
            slot = Math.max(now, current);
            if (next.compareAndSet(current, slot + intervalNanos)) {
                break;
            }
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
