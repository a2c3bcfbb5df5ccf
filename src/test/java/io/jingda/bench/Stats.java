package io.jingda.bench;

import java.util.Arrays;

/** Latency samples in milliseconds; thread-safe appends, percentiles on demand. */
final class Stats {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** Adds another process's samples (the split generator merges its children's). */
    synchronized void addAll(long[] more) {
        for (long v : more) {
            add(v);
        }
    }

    /** A copy of the samples, in the order added. */
    synchronized long[] values() {
        return Arrays.copyOf(values, size);
    }

    synchronized int count() {
        return size;
    }

    synchronized long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, i))];
    }

    synchronized long max() {
        long m = -1;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }

    synchronized long min() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            m = Math.min(m, values[i]);
        }
        return size == 0 ? -1 : m;
    }
}
