package io.jingda.contest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Live-contest settings: {@code jingda.contest.*} in application.properties. */
@ConfigMapping(prefix = "jingda.contest")
public interface ContestConfig {

    /** How long after the deadline an answer is still accepted (network latency). */
    @WithDefault("250ms")
    Duration grace();

    /** How often the engine checks deadlines and auto-advance timers. */
    @WithDefault("50ms")
    Duration tick();

    /** Minimum interval between two progress/lobby/participants pushes of one contest. */
    @WithDefault("250ms")
    Duration pushInterval();

    /** How often an open question's progress is recorded, to reopen it for the time it had left after a crash. */
    @WithDefault("1s")
    Duration heartbeat();

    /** Default for a contest without maxParticipants, and the ceiling for those that set it. */
    @WithDefault("20000")
    int maxParticipants();

    Ledger ledger();

    Join join();

    Socket socket();

    interface Ledger {
        /** Most answers and joins written in one transaction (group commit). */
        @WithDefault("1000")
        int batchSize();

        /** Under load, how long the writer waits for more writes to join a commit (0: never waits). */
        @WithDefault("10ms")
        Duration linger();

        /** Pending writes beyond this are refused rather than queued (memory bound). */
        @WithDefault("200000")
        int queueCapacity();
    }

    interface Join {
        /**
         * Failed attempts (unknown or malformed code) per client address per minute: stops guessing
         * codes. Successful joins are not limited per address (a hall behind one NAT address), only
         * per contest ({@code joinsPerMinute} in its settings).
         */
        @WithDefault("30")
        int failuresPerMinute();

        /** Nicknames containing one of these (compared case-insensitively, NFKC) are refused. */
        Optional<List<String>> blocklist();

        /** Most combining marks allowed after one base character. */
        @WithDefault("2")
        int maxCombiningMarks();
    }

    interface Socket {
        /** Sustained messages per second a client may send on one connection. */
        @WithDefault("5")
        int messagesPerSecond();

        /** Burst of messages a client may send at once. */
        @WithDefault("20")
        int burst();

        /** Netty's write-buffer high-water mark per connection: above it the connection is unwritable (low mark: half). */
        @WithDefault("64K")
        MemorySize highWaterMark();

        /** Most bytes queued for one connection; a frame that would queue more closes the connection. */
        @WithDefault("1M")
        MemorySize maxQueued();

        /** A connection that stays unwritable (its client stopped reading) this long is closed. */
        @WithDefault("10s")
        Duration unwritableTimeout();

        /** A connection that sends nothing, not even the pong to the server's ping, for this long is closed. */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Upgrades of /ws/screen per client address per minute. */
        @WithDefault("30")
        int screenUpgradesPerMinute();

        /** Open /ws/screen connections per contest. */
        @WithDefault("50")
        int screensPerContest();
    }
}
