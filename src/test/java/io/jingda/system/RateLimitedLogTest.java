package io.jingda.system;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedLogTest {
    /** Records what is logged, with its level and whether it carried a throwable. */
    static final class Recorder extends Logger {
        final List<String> lines = new ArrayList<>();

        Recorder() {
            super("test");
        }

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + message + (thrown == null ? "" : " +stack"));
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + String.format(format, parameters) + (thrown == null ? "" : " +stack"));
        }
    }

    @Test
    void oneWarnLinePerIntervalAndTheNextSaysHowManyWereLeftOut() {
        Recorder out = new Recorder();
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        RateLimitedLog log = new RateLimitedLog(out, Duration.ofSeconds(10), nanos::get);
        for (int i = 0; i < 1000; i++) {
            log.warn("reset by %s", "10.0.0." + i);
        }
        assertThat(out.lines).containsExactly("WARN reset by 10.0.0.0");
        nanos.addAndGet(9_999_000_000L);
        log.warn("reset by %s", "x");
        assertThat(out.lines).hasSize(1);
        nanos.addAndGet(1_000_000L);
        log.warn("reset by %s", "y");
        assertThat(out.lines).containsExactly("WARN reset by 10.0.0.0",
                "WARN reset by y (1000 more left out since the last line)");
    }
}
