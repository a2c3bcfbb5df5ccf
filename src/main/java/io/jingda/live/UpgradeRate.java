package io.jingda.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} upgrades at once, refilled at
 * {@code perMinute} a minute. Addresses whose bucket is full again are forgotten once many are
 * kept, so a spread of addresses cannot grow the map without end.
 */
final class UpgradeRate {
    private static final int FORGET_ABOVE = 10_000;

    private static final class Bucket {
        double tokens;
        long last;
    }

    private final double perMinute;
    private final LongSupplier millis;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    UpgradeRate(int perMinute, LongSupplier millis) {
        this.perMinute = perMinute;
        this.millis = millis;
    }

    /** Takes one upgrade for the address: 0 if allowed, else the seconds until the next one is (at least 1). */
    long take(String address) {
        long now = millis.getAsLong();
        if (byAddress.size() > FORGET_ABOVE) {
            byAddress.values().removeIf(b -> {
                synchronized (b) {
                    return refill(b, now) >= perMinute;
                }
            });
        }
        Bucket b = byAddress.computeIfAbsent(address, a -> {
            Bucket n = new Bucket();
            n.tokens = perMinute;
            n.last = now;
            return n;
        });
        synchronized (b) {
            if (refill(b, now) >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) * 60 / perMinute));
        }
    }

    private double refill(Bucket b, long now) {
        if (now > b.last) {
            b.tokens = Math.min(perMinute, b.tokens + (now - b.last) / 60_000.0 * perMinute);
            b.last = now;
        }
        return b.tokens;
    }

    int addresses() {
        return byAddress.size();
    }
}
