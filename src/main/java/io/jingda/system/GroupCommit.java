package io.jingda.system;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.time.Duration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: one writer thread drains whatever is queued, hands it to {@link Batch#write} (one
 * transaction), and only then completes each item's future, so a write is acknowledged once it is durable and
 * thousands a second cost a handful of commits. Under load (the previous batch held more than one item) it
 * waits up to the linger time for more. A batch that fails is retried item by item, so only the offending
 * item fails.
 */
public final class GroupCommit<T> {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    private static final long SLOW_COMMIT_MS = 100;

    /** Writes a batch in one transaction; throws to have it retried item by item. */
    public interface Batch<T> {
        void write(List<T> items) throws SQLException;
    }

    private record Pending<T>(T item, CompletableFuture<Void> done) {
    }

    private final String name;
    private final Batch<T> batch;
    private final int batchSize;
    private final long lingerNanos;
    private final LinkedBlockingQueue<Pending<T>> queue;
    private final Thread writer;
    private volatile boolean running = true;
    private final java.util.function.Predicate<T> urgent;
    private long commits;
    private long written;
    private int largest;
    /** Set once by {@link #measure}; read by the writer thread once per batch. */
    private volatile DistributionSummary sizes;
    private volatile Timer times;

    public GroupCommit(String name, int batchSize, long lingerNanos, int capacity, Batch<T> batch) {
        this(name, batchSize, lingerNanos, capacity, batch, t -> false);
    }

    /** @param urgent items that end the linger at once when they are drained (a flush) */
    public GroupCommit(String name, int batchSize, long lingerNanos, int capacity, Batch<T> batch,
                       java.util.function.Predicate<T> urgent) {
        this.urgent = urgent;
        this.name = name;
        this.batch = batch;
        this.batchSize = batchSize;
        this.lingerNanos = lingerNanos;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records every batch in {@code jingda.group.commit.size} (items a batch) and {@code jingda.group.commit}
     * (the time to write and commit it, retries included), tagged {@code writer} (docs/operations.md#metrics).
     */
    public void measure(MeterRegistry registry, String writer) {
        sizes = DistributionSummary.builder("jingda.group.commit.size").description("writes committed in one batch")
                .tag("writer", writer).register(registry);
        times = Timer.builder("jingda.group.commit").description("time to write and commit one batch")
                .tag("writer", writer).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry); // last: the writer thread checks this one
    }

    /** Queues an item; the future completes once it is committed (or fails with the reason). */
    public CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending<>(item, f))) {
            f.completeExceptionally(new QueueFull(name));
        }
        return f;
    }

    /** Thrown (in a future) when the queue is full or stopped: the caller answers 503. */
    public static final class QueueFull extends IllegalStateException {
        QueueFull(String name) {
            super(name + " is full or stopped");
        }
    }

    /** Stops taking items and waits for what is queued to be written. */
    public void stop() {
        running = false;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (commits > 0) {
            LOG.infof("%s: %d writes in %d commits (%.1f a commit on average, at most %d)", name, written, commits,
                    written / (double) commits, largest);
        }
    }

    private void run() {
        List<Pending<T>> items = new ArrayList<>(batchSize);
        int previous = 0;
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    previous = 0;
                    continue;
                }
                items.add(first);
                gather(items, previous > 1 ? lingerNanos : 0);
                previous = items.size();
                write(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                LOG.error(name + " failure", t);
                items.forEach(p -> p.done.completeExceptionally(t));
            } finally {
                items.clear();
            }
        }
    }

    private void gather(List<Pending<T>> items, long linger) throws InterruptedException {
        long until = System.nanoTime() + linger;
        int from = 0;
        while (true) {
            queue.drainTo(items, batchSize - items.size());
            for (int i = from; i < items.size(); i++) {
                if (urgent.test(items.get(i).item)) {
                    return;
                }
            }
            from = items.size();
            long left = until - System.nanoTime();
            if (items.size() >= batchSize || left <= 0) {
                return;
            }
            Pending<T> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            items.add(next);
        }
    }

    private void write(List<Pending<T>> items) {
        long t0 = System.nanoTime();
        try {
            batch.write(items.stream().map(Pending::item).toList());
            commits++;
            written += items.size();
            largest = Math.max(largest, items.size());
            items.forEach(p -> p.done.complete(null));
        } catch (Exception e) {
            if (items.size() == 1) {
                items.get(0).done.completeExceptionally(e);
                return;
            }
            LOG.warnf("%s: a batch of %d writes failed (%s); retrying one by one", name, items.size(), e.getMessage());
            for (Pending<T> p : items) {
                try {
                    batch.write(List.of(p.item));
                    commits++;
                    written++;
                    p.done.complete(null);
                } catch (Exception one) {
                    p.done.completeExceptionally(one);
                }
            }
        }
        long nanos = System.nanoTime() - t0;
        Timer timer = times;
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
            sizes.record(items.size());
        }
        long ms = nanos / 1_000_000;
        if (ms >= SLOW_COMMIT_MS) {
            LOG.warnf("%s: slow group commit, %d writes in %d ms (%d queued)", name, items.size(), ms, queue.size());
        }
    }
}
