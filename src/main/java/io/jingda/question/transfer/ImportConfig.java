package io.jingda.question.transfer;

import io.jingda.question.format.ImportLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits for uploaded question files; keep quarkus.http.limits.max-body-size a little above max-file-size. */
@ConfigMapping(prefix = "jingda.import")
public interface ImportConfig {

    /** Largest accepted upload. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** Most questions (rows) in one file. */
    @WithDefault("20000")
    int maxRows();

    /** Longest line of a text file (CSV, GIFT, Aiken), in characters. */
    @WithDefault("65536")
    int maxLineLength();

    /** Most bytes an XLSX may unpack to (zip-bomb guard). */
    @WithDefault("100M")
    MemorySize maxUnzippedSize();

    /** Most parts (zip entries) in an XLSX. */
    @WithDefault("1000")
    int maxZipEntries();

    default ImportLimits limits() {
        return new ImportLimits(maxFileSize().asLongValue(), maxRows(), maxLineLength(),
                maxUnzippedSize().asLongValue(), maxZipEntries());
    }
}
