package io.jingda.system;

/**
 * A token bucket: full at {@code perMinute} tokens, refilled continuously at {@code perMinute} a
 * minute. The rate is passed on every call, so a limit a host changes applies to the next attempt.
 * Times are epoch milliseconds from the caller's clock; a refusal says how many whole seconds until
 * a token is there (at least 1), which is what {@code Retry-After} carries. Thread-safe.
 */
public final class TokenBucket {
    private double tokens;
    private long last;

    /** A full bucket. */
    public TokenBucket(double perMinute, long now) {
        this.tokens = perMinute;
        this.last = now;
    }

    /** Takes one token if there is one: 0, else the seconds until there is. */
    public synchronized long take(double perMinute, long now) {
        refill(perMinute, now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return secondsUntilOne(perMinute);
    }

    /** Whether a token is there, without taking it: 0, else the seconds until there is. */
    public synchronized long peek(double perMinute, long now) {
        refill(perMinute, now);
        return tokens >= 1 ? 0 : secondsUntilOne(perMinute);
    }

    /** Takes a token whether or not one is there; the bucket never goes below empty. */
    public synchronized void spend(double perMinute, long now) {
        refill(perMinute, now);
        tokens = Math.max(0, tokens - 1);
    }

    /** Full again: a bucket in this state can be forgotten and made anew. */
    public synchronized boolean full(double perMinute, long now) {
        refill(perMinute, now);
        return tokens >= perMinute;
    }

    /** When the bucket was last looked at. */
    public synchronized long lastSeen() {
        return last;
    }

    private void refill(double perMinute, long now) {
        if (now > last) {
            tokens = Math.min(perMinute, tokens + (now - last) / 60_000.0 * perMinute);
            last = now;
        }
    }

    private long secondsUntilOne(double perMinute) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMinute * 60.0));
    }
}
