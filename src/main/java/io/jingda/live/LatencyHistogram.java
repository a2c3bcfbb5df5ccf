package io.jingda.live;

import java.util.concurrent.atomic.AtomicLongArray;

/** Millisecond latencies counted in 1 ms buckets up to 10 s (beyond counts as 10 s); lock-free, fixed memory. */
final class LatencyHistogram {
    static final int MAX_MS = 10_000;
    private final AtomicLongArray buckets = new AtomicLongArray(MAX_MS + 1);

    void add(long ms) {
        buckets.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, ms)));
    }

    long count() {
        long n = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            n += buckets.get(i);
        }
        return n;
    }

    /** The smallest latency that at least {@code p} percent of the samples do not exceed; 0 when empty. */
    long percentile(double p) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            seen += buckets.get(i);
            if (seen >= Math.max(1, rank)) {
                return i;
            }
        }
        return MAX_MS;
    }

    long max() {
        for (int i = MAX_MS; i >= 0; i--) {
            if (buckets.get(i) > 0) {
                return i;
            }
        }
        return 0;
    }
}
