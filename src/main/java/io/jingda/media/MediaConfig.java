package io.jingda.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Pictures in questions (jingda.media.*): limits of an upload, where pictures are kept, and their clean-up. */
@ConfigMapping(prefix = "jingda.media")
public interface MediaConfig {

    /** Where the bytes are kept: {@code db} (a column of the media table) or {@code dir} (files named by hash). */
    @WithDefault("db")
    Store store();

    /** The directory of {@code store=dir}. */
    @WithDefault("${jingda.data-dir}/media")
    String dir();

    /** Largest accepted upload. */
    @WithDefault("2M")
    MemorySize maxFileSize();

    /** Largest width and height an upload may declare (checked before any pixel is decoded). */
    @WithDefault("4096")
    int maxDimension();

    /** A picture wider or taller than this is scaled down to fit (phones and projectors need no more). */
    @WithDefault("1600")
    int scaleTo();

    /** JPEG quality of the re-encoded pictures (0 to 1). */
    @WithDefault("0.85")
    float jpegQuality();

    /** How many uploads are decoded at once (each may hold up to 64 MB of pixels); others wait. */
    @WithDefault("2")
    int concurrentDecodes();

    /** How often pictures that no question uses are looked for and deleted. */
    @WithDefault("1h")
    Duration collectInterval();

    /** A picture is kept at least this long after its upload (or its last use), so one not yet attached survives. */
    @WithDefault("24h")
    Duration collectGrace();

    enum Store { db, dir }
}
