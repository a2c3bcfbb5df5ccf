package io.jingda.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes pictures that no question uses, every {@code jingda.media.collect-interval}; a picture is kept
 * at least {@code jingda.media.collect-grace} after its upload or its last use, so one uploaded in the
 * editor but not yet saved with its question survives. Safe on several nodes: a deletion is conditional.
 */
@ApplicationScoped
public class MediaCollector {
    private static final Logger LOG = Logger.getLogger(MediaCollector.class);

    private final MediaStore store;
    private final Instance<MediaUsers> users;
    private final Duration interval;
    private final Duration grace;
    private ScheduledExecutorService timer;

    public MediaCollector(MediaStore store, Instance<MediaUsers> users, MediaConfig config) {
        this.store = store;
        this.users = users;
        this.interval = config.collectInterval();
        this.grace = config.collectGrace();
    }

    void onStart(@Observes StartupEvent ev) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "media-collector");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1000, interval.toMillis());
        timer.scheduleWithFixedDelay(this::collectSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void collectSafely() {
        try {
            int deleted = collect(Instant.now());
            if (deleted > 0) {
                LOG.infof("deleted %d pictures that no question uses", deleted);
            }
        } catch (Exception e) {
            LOG.warn("media collection failed; retrying at the next one", e);
        }
    }

    /** One pass: deletes the pictures unused since {@code now - grace} that no user lists; returns how many. */
    public int collect(Instant now) {
        Instant cutoff = now.minus(grace);
        List<String> candidates = QuarkusTransaction.requiringNew().call(() -> store.unusedSince(cutoff));
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> inUse = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> all = new HashSet<>();
            users.forEach(u -> all.addAll(u.hashesInUse()));
            return all;
        });
        int deleted = 0;
        for (String sha : candidates) {
            if (!inUse.contains(sha) && store.deleteIfUnusedSince(sha, cutoff)) {
                deleted++;
            }
        }
        return deleted;
    }
}
