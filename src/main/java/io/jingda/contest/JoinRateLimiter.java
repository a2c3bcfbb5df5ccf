package io.jingda.contest;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Join attempts per client address: a generous bucket for all attempts (a school hall behind one
 * NAT address joins hundreds of phones) and a tight one for failed attempts (unknown codes), so
 * brute-forcing the 10^6 codes is hopeless. Real time, not the contest clock.
 */
@ApplicationScoped
public class JoinRateLimiter {
    private static final long IDLE_MS = 5 * 60_000;

    private static final class Buckets {
        double attempts;
        double failures;
        long last;
    }

    private final Map<String, Buckets> byAddress = new ConcurrentHashMap<>();
    private final double attemptsPerMinute;
    private final double failuresPerMinute;

    public JoinRateLimiter(ContestConfig config) {
        this.attemptsPerMinute = config.join().attemptsPerMinute();
        this.failuresPerMinute = config.join().failuresPerMinute();
    }

    /** Takes one attempt; false when this address has used up its attempts or its failures. */
    public boolean tryAttempt(String address) {
        Buckets b = refill(address);
        synchronized (b) {
            if (b.attempts < 1 || b.failures < 1) {
                return false;
            }
            b.attempts -= 1;
            return true;
        }
    }

    public void failed(String address) {
        Buckets b = refill(address);
        synchronized (b) {
            b.failures = Math.max(0, b.failures - 1);
        }
    }

    private Buckets refill(String address) {
        long now = System.currentTimeMillis();
        Buckets b = byAddress.computeIfAbsent(address, a -> {
            Buckets n = new Buckets();
            n.attempts = attemptsPerMinute;
            n.failures = failuresPerMinute;
            n.last = now;
            return n;
        });
        synchronized (b) {
            double minutes = (now - b.last) / 60_000.0;
            b.attempts = Math.min(attemptsPerMinute, b.attempts + minutes * attemptsPerMinute);
            b.failures = Math.min(failuresPerMinute, b.failures + minutes * failuresPerMinute);
            b.last = now;
        }
        return b;
    }

    void forgetIdle() {
        long now = System.currentTimeMillis();
        byAddress.entrySet().removeIf(e -> now - e.getValue().last > IDLE_MS);
    }
}
