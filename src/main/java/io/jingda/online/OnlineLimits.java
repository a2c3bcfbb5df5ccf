package io.jingda.online;

import io.jingda.system.ApiException;
import io.jingda.system.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-address limits of the public self-paced API. Registrations are limited at a rate an office behind one NAT
 * address stays under ({@code jingda.online.registers-per-minute}); failures (unknown codes, bad tokens) at a low
 * one, so guessing codes or tokens is slow, while answers are never limited per address.
 */
@ApplicationScoped
public class OnlineLimits {
    private static final int MAX_ADDRESSES = 100_000;

    private final int registersPerMinute;
    private final int failuresPerMinute;
    private final Map<String, TokenBucket> registers = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> failures = new ConcurrentHashMap<>();

    public OnlineLimits(OnlineConfig config) {
        this.registersPerMinute = config.registersPerMinute();
        this.failuresPerMinute = config.failuresPerMinute();
    }

    public void register(String address) {
        take(registers, address, registersPerMinute, "registrations");
    }

    /** Refuses an address that has failed too often (before the request is looked at). */
    public void checkFailures(String address) {
        TokenBucket b = failures.get(address);
        long wait = b == null ? 0 : b.peek(failuresPerMinute, System.currentTimeMillis());
        if (wait > 0) {
            throw ApiException.tooManyRequests("RATE_LIMITED", "too many unknown codes or bad tokens from this address;"
                    + " try again in " + wait + " s", wait);
        }
    }

    public void failed(String address) {
        bucket(failures, address, failuresPerMinute).spend(failuresPerMinute, System.currentTimeMillis());
    }

    private void take(Map<String, TokenBucket> map, String address, int perMinute, String what) {
        long wait = bucket(map, address, perMinute).take(perMinute, System.currentTimeMillis());
        if (wait > 0) {
            throw ApiException.tooManyRequests("RATE_LIMITED", "too many " + what + " from this address; try again in "
                    + wait + " s", wait);
        }
    }

    private static TokenBucket bucket(Map<String, TokenBucket> map, String address, int perMinute) {
        if (map.size() > MAX_ADDRESSES) {
            map.clear(); // a flood of addresses: forget them rather than grow without bound
        }
        return map.computeIfAbsent(address, a -> new TokenBucket(perMinute, System.currentTimeMillis()));
    }
}
