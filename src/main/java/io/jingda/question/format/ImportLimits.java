package io.jingda.question.format;

/**
 * Bounds that keep a hostile file from using unbounded time or memory. Plain values so the
 * formats stay free of Quarkus; the import feature fills them from its configuration.
 */
public record ImportLimits(long maxBytes, int maxRows, int maxLineLength, long maxUnzippedBytes, int maxZipEntries) {
    public static final ImportLimits DEFAULT = new ImportLimits(10L * 1024 * 1024, 20_000, 65_536,
            100L * 1024 * 1024, 1_000);
}
