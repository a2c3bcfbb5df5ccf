package io.jingda.online;

import io.jingda.contest.OnlineContests;
import io.jingda.online.OnlineCatalog.Loaded;
import io.jingda.online.OnlineRows.AttemptRow;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The life of self-paced contests past their definition: the counters made when one is scheduled, the stored
 * status kept up with the window, and the sweep that finalises attempts that ran out of time or were running
 * when their contest closed. Every node sweeps; each finish is conditional on the attempt still running, so two
 * nodes never finish one twice.
 */
@ApplicationScoped
public class OnlineLifecycle implements OnlineContests {
    private static final Logger LOG = Logger.getLogger(OnlineLifecycle.class);
    private static final int SWEEP_BATCH = 500;

    private final OnlineStore store;
    private final OnlineWriter writer;
    private final OnlineCatalog catalog;
    private final long sweepMs;
    private final long graceMs;
    private ScheduledExecutorService sweeper;

    public OnlineLifecycle(OnlineStore store, OnlineWriter writer, OnlineCatalog catalog, OnlineConfig config) {
        this.store = store;
        this.writer = writer;
        this.catalog = catalog;
        this.sweepMs = config.sweepInterval().toMillis();
        this.graceMs = config.grace().toMillis();
    }

    void onStart(@Observes StartupEvent ev) {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "online-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepSafely, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private void sweepSafely() {
        try {
            sweep(System.currentTimeMillis());
        } catch (Exception e) {
            LOG.warn("online sweep failed; retrying at the next one", e);
        }
    }

    /** One sweep: window changes stored (and closed contests' attempts finished), attempts past their time finished. */
    public void sweep(long now) {
        for (long[] lag : store.lagging(now)) {
            long id = lag[0];
            String status = lag[1] == 2 ? "CLOSED" : lag[1] == 1 ? "OPEN" : "SCHEDULED";
            if (lag[1] == 2) {
                finishAll(id);
            }
            store.storeStatus(id, status);
        }
        List<Long> due = store.dueAttempts(now, SWEEP_BATCH);
        for (Long attemptId : due) {
            AttemptRow a = store.attempt(attemptId);
            if (a == null || !a.active()) {
                continue;
            }
            Loaded k = catalog.byId(a.contestId());
            AttemptClock.Where w = k.clock(a.paper(), graceMs).at(a.startedAt(), a.position(), a.servedAt(), now);
            writer.submit(new OnlineWriter.Finish(a, Math.min(now, w.servedAt()), k.online().bestCounts())).join();
        }
    }

    /** Finishes every running attempt of a contest whose window has ended, as of its end. */
    private void finishAll(long contestId) {
        Loaded k = catalog.fresh(contestId);
        long end = k.row().closesAt();
        List<CompletableFuture<OnlineWriter.Finish>> pending = store.activeAttempts(contestId).stream()
                .map(store::attempt).filter(a -> a != null && a.active())
                .map(a -> {
                    AttemptClock.Where w = k.clock(a.paper(), graceMs).at(a.startedAt(), a.position(), a.servedAt(), end);
                    return writer.submit(new OnlineWriter.Finish(a, Math.min(end, w.servedAt()), k.online().bestCounts()));
                }).toList();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public Map<Long, Integer> participantCounts(Collection<Long> contestIds) {
        return store.participantCounts(List.copyOf(contestIds));
    }

    @Override
    public boolean unitInUse(long contestId, long unitId) {
        return store.unitInUse(contestId, unitId);
    }

    @Override
    public void scheduled(long contestId, int poolSize) {
        store.createQuestionStats(contestId, poolSize);
    }

    @Override
    public void windowChanged(long contestId) {
        catalog.forget(contestId);
        // again once the host's transaction has committed (a request in between may have read the old window); the
        // sweep then finds a closed contest lagging and finishes its attempts
        if (sweeper != null) {
            sweeper.schedule(() -> {
                catalog.forget(contestId);
                sweepSafely();
            }, 200, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void deleteAll(long contestId) {
        store.deleteAll(contestId);
        catalog.forget(contestId);
    }
}
