package org.relocation.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latency samples in microseconds, overall and per key (task definition key), with percentiles. */
final class Latencies {

    private long[] all = new long[4096];
    private int size;
    private final Map<String, Latencies> byKey = new TreeMap<>();

    synchronized void add(String key, long micros) {
        push(micros);
        if (key != null) {
            byKey.computeIfAbsent(key, k -> new Latencies()).push(micros);
        }
    }

    private void push(long micros) {
        if (size == all.length) {
            all = Arrays.copyOf(all, size * 2);
        }
        all[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** Sorted copy of the samples. */
    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(all, size);
        Arrays.sort(copy);
        return copy;
    }

    synchronized Map<String, Latencies> byKey() {
        return new TreeMap<>(byKey);
    }

    /** Nearest-rank percentile (p in 0..100) of sorted samples, in milliseconds. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1000.0;
    }
}
