package io.jingda.live;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/** The contest clock in tests: real time until a test freezes it, then moved by hand. */
@Mock
@ApplicationScoped
public class TestClock extends ContestClock {
    private final AtomicLong frozen = new AtomicLong(-1);

    @Override
    public long now() {
        long f = frozen.get();
        return f >= 0 ? f : System.currentTimeMillis();
    }

    public long freeze() {
        long now = System.currentTimeMillis();
        frozen.set(now);
        return now;
    }

    public long advance(long ms) {
        return frozen.addAndGet(ms);
    }

    public void release() {
        frozen.set(-1);
    }
}
