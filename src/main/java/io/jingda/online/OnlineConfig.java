package io.jingda.online;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Self-paced contests: {@code jingda.online.*} (docs/online.md). */
@ConfigMapping(prefix = "jingda.online")
public interface OnlineConfig {

    /** How long after a question's deadline an answer still counts (phone networks). */
    @WithDefault("1s")
    Duration grace();

    /**
     * With {@code showAnswers: afterEach}, the longest a participant reads an answer's explanation before the next
     * question is served anyway (it is served at once when asked for).
     */
    @WithDefault("30s")
    Duration reviewTime();

    /** How often a node stores window changes and finalises attempts past their time. */
    @WithDefault("2s")
    Duration sweepInterval();

    /** The least time between two dashboard pushes of one contest. */
    @WithDefault("1s")
    Duration dashboardInterval();

    /** Registrations per client address per minute (a burst of as many): an office behind one NAT address fits. */
    @WithDefault("600")
    int registersPerMinute();

    /** Unknown codes and bad tokens per client address per minute. */
    @WithDefault("30")
    int failuresPerMinute();

    /** How long a node reuses a unit ranking it computed. */
    @WithDefault("1s")
    Duration rankingCache();

    /** Most writes in one group commit. */
    @WithDefault("500")
    int batchSize();

    /** Under load, how long the writer waits for more writes to join a commit. */
    @WithDefault("5ms")
    Duration linger();

    /** Pending writes beyond this are refused (503) rather than queued. */
    @WithDefault("50000")
    int queueCapacity();
}
