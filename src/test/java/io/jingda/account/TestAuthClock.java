package io.jingda.account;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/** The lockout clock in tests: real time plus an offset a test moves forward. */
@Mock
@ApplicationScoped
public class TestAuthClock extends AuthClock {
    private final AtomicLong offset = new AtomicLong();

    @Override
    public long now() {
        return System.currentTimeMillis() + offset.get();
    }

    public void advance(long ms) {
        offset.addAndGet(ms);
    }
}
