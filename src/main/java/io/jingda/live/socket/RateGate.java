package io.jingda.live.socket;

/**
 * A token bucket per connection: {@code burst} messages at once, then {@code perSecond}.
 * Touched only by the connection's own (serial) message handler.
 */
final class RateGate {
    private final double perMs;
    private final double burst;
    private double tokens;
    private long last;

    RateGate(int perSecond, int burst) {
        this.perMs = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    synchronized boolean allow() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1_000_000.0 * perMs);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
