package io.jingda.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The warm-up at start ({@link Warmup}): {@code jingda.warmup.*} in application.properties. */
@ConfigMapping(prefix = "jingda.warmup")
public interface WarmupConfig {

    /** Whether the node plays a synthetic contest in memory at start, on a background thread (off in tests). */
    @WithDefault("true")
    boolean enabled();

    /** Participants of the synthetic contest. */
    @WithDefault("3000")
    int participants();

    /** Its questions (one close, reveal and leaderboard each). */
    @WithDefault("8")
    int questions();
}
