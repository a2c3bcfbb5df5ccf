package io.jingda.media;

import io.jingda.system.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;

/** Uploads: size limit, a bounded number of decodes at once, processing, storage. */
@ApplicationScoped
public class MediaService {
    private final MediaStore store;
    private final MediaProcessor processor;
    private final long maxFileSize;
    private final Semaphore decodes;

    public MediaService(MediaStore store, MediaConfig config) {
        this.store = store;
        this.processor = new MediaProcessor(config.maxDimension(), config.scaleTo(), config.jpegQuality());
        this.maxFileSize = config.maxFileSize().asLongValue();
        this.decodes = new Semaphore(Math.max(1, config.concurrentDecodes()), true);
    }

    /** What an upload answers (and what the bank's editors show). {@code id} is the hash. */
    public record Stored(String id, String url, int width, int height, int bytes, String sha256) {
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    /** Checks, re-encodes and stores an upload of {@code size} bytes (read by {@code content} once accepted). */
    public Stored upload(long size, ContentSource content) {
        if (size > maxFileSize) {
            throw tooLarge(size);
        }
        byte[] bytes = content.read();
        if (bytes.length > maxFileSize) {
            throw tooLarge(bytes.length);
        }
        if (bytes.length == 0) {
            throw new ApiException(422, "MEDIA_UNREADABLE", "the picture cannot be read: the file is empty", List.of());
        }
        MediaProcessor.Processed p;
        decodes.acquireUninterruptibly();
        try {
            p = processor.process(bytes);
        } finally {
            decodes.release();
        }
        store.save(p, Instant.now());
        return new Stored(p.sha256(), MediaUrls.of(p.sha256(), p.kind()), p.width(), p.height(), p.content().length,
                p.sha256());
    }

    private ApiException tooLarge(long size) {
        return new ApiException(413, "MEDIA_TOO_LARGE", "the picture has " + size + " bytes; at most " + maxFileSize
                + " are accepted", List.of());
    }

    /** The upload's bytes, read only once its declared size passed. */
    @FunctionalInterface
    public interface ContentSource {
        byte[] read();
    }
}
