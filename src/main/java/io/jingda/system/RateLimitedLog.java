package io.jingda.system;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One WARN line per {@code interval} for events that a client can cause at will (resets, bad
 * frames, refused upgrades), so that nobody can flood the log. The first event of an interval is
 * logged; the others are counted, and the next line that gets out says how many were left out.
 * Safe for any thread.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger log, java.time.Duration interval) {
        this(log, interval, System::nanoTime);
    }

    RateLimitedLog(Logger log, java.time.Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextAllowed = new AtomicLong(nanoClock.getAsLong());
    }

    /** Logs {@code String.format(format, args)} as one WARN line, unless a line went out less than an interval ago. */
    public void warn(String format, Object... args) {
        long now = nanoClock.getAsLong();
        long next = nextAllowed.get();
        if (now - next < 0 || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        String line = String.format(format, args);
        log.warn(left == 0 ? line : line + " (" + left + " more left out since the last line)");
    }
}
