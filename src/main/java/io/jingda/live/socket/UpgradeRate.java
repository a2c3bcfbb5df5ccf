package io.jingda.live.socket;

import io.jingda.system.TokenBucket;

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

    private final double perMinute;
    private final LongSupplier millis;
    private final Map<String, TokenBucket> byAddress = new ConcurrentHashMap<>();

    UpgradeRate(int perMinute, LongSupplier millis) {
        this.perMinute = perMinute;
        this.millis = millis;
    }

    /** Takes one upgrade for the address: 0 if allowed, else the seconds until the next one is (at least 1). */
    long take(String address) {
        long now = millis.getAsLong();
        if (byAddress.size() > FORGET_ABOVE) {
            byAddress.values().removeIf(b -> b.full(perMinute, now));
        }
        return byAddress.computeIfAbsent(address, a -> new TokenBucket(perMinute, now)).take(perMinute, now);
    }

    int addresses() {
        return byAddress.size();
    }
}
