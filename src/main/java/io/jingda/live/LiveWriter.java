package io.jingda.live;

import io.jingda.contest.ContestConfig;
import io.jingda.live.team.RoundEvent;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of the hot writes (answers, joins and team round events). One writer thread drains whatever is
 * queued, writes it as JDBC batches in one transaction (the statements are {@link LiveStore}'s),
 * commits, and only then completes each write's future: an answer is acknowledged only once it is
 * durable, and thousands of answers a second cost a handful of commits. The UNIQUE key of {@code answer} is the last word on "one
 * answer per participant per question"; a batch that violates it is retried row by row so that
 * only the offending write fails.
 */
@ApplicationScoped
public class LiveWriter {
    private static final Logger LOG = Logger.getLogger(LiveWriter.class);

    public record AnswerRow(long contestId, long participantId, int questionIdx, String choice, String choiceKey,
                            String requestId, long receivedAt, long responseMs, boolean correct, int points) {
    }

    public record ParticipantRow(long contestId, long id, String nickname, String nicknameKey, String tokenHash,
                                 long joinedAt, Integer teamId) {
    }

    /** A team round's event (a buzz, a stake, a judgement…): stored before it is announced. */
    public record EventRow(long contestId, RoundEvent event) {
    }

    private record Pending(Object row, CompletableFuture<Void> done) {
    }

    private static final Object BARRIER = new Object();
    private static final long SLOW_COMMIT_MS = 100;

    private final LiveStore store;
    private final int batchSize;
    private final long lingerNanos;
    private final LinkedBlockingQueue<Pending> queue;
    private volatile boolean running = true;
    private long commits;
    private long written;
    private int largest;
    private Thread writer;

    public LiveWriter(LiveStore store, ContestConfig config) {
        this.store = store;
        this.batchSize = config.ledger().batchSize();
        this.lingerNanos = config.ledger().linger().toNanos();
        this.queue = new LinkedBlockingQueue<>(config.ledger().queueCapacity());
    }

    @PostConstruct
    void start() {
        writer = new Thread(this::run, "answer-ledger");
        writer.setDaemon(true);
        writer.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        running = false;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (commits > 0) {
            LOG.infof("answer ledger: %d writes in %d commits (%.1f a commit on average, at most %d)", written, commits,
                    written / (double) commits, largest);
        }
    }

    public CompletableFuture<Void> append(AnswerRow row) {
        return offer(row);
    }

    public CompletableFuture<Void> append(ParticipantRow row) {
        return offer(row);
    }

    /** Appends a team round's events; the future completes once all are durable. */
    public CompletableFuture<Void> append(long contestId, List<RoundEvent> events) {
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (RoundEvent e : events) {
            all.add(offer(new EventRow(contestId, e)));
        }
        return all.isEmpty() ? last : CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Completes once everything appended before it is stored and its callbacks have run. */
    public CompletableFuture<Void> flush() {
        return offer(BARRIER);
    }

    private CompletableFuture<Void> offer(Object row) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(row, f))) {
            f.completeExceptionally(new IllegalStateException("the answer ledger is full or stopped"));
        }
        return f;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        int previous = 0;
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    previous = 0;
                    continue;
                }
                batch.add(first);
                gather(batch, previous > 1 ? lingerNanos : 0);
                previous = batch.size();
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                LOG.error("answer ledger failure", t);
                batch.forEach(p -> p.done.completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Fills the batch with what is queued and, under load (the previous batch held more than one
     * write), waits up to the linger time for more: each commit rewrites H2's touched pages and
     * its store header, so 50 answers in one commit cost little more than one. A flush stops
     * the wait. With a single answer now and then nothing waits.
     */
    private void gather(List<Pending> batch, long linger) throws InterruptedException {
        long until = System.nanoTime() + linger;
        int from = 0;
        while (true) {
            queue.drainTo(batch, batchSize - batch.size());
            for (int i = from; i < batch.size(); i++) {
                if (batch.get(i).row == BARRIER) {
                    return;
                }
            }
            from = batch.size();
            long left = until - System.nanoTime();
            if (batch.size() >= batchSize || left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Pending> batch) {
        List<Pending> rows = batch.stream().filter(p -> p.row != BARRIER).toList();
        if (!rows.isEmpty()) {
            try {
                long t0 = System.nanoTime();
                insert(rows);
                commits++;
                written += rows.size();
                largest = Math.max(largest, rows.size());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms >= SLOW_COMMIT_MS) {
                    LOG.warnf("slow group commit: %d writes in %d ms (%d queued)", rows.size(), ms, queue.size());
                }
            } catch (SQLException e) {
                if (rows.size() == 1) {
                    rows.get(0).done.completeExceptionally(e);
                } else {
                    LOG.warnf("a batch of %d writes failed (%s); retrying one by one", rows.size(), e.getMessage());
                    for (Pending p : rows) {
                        try {
                            insert(List.of(p));
                        } catch (SQLException one) {
                            p.done.completeExceptionally(one);
                        }
                    }
                }
            }
        }
        // in queue order, after the commit: callbacks (scoring, acks) run here, barriers complete after them
        for (Pending p : batch) {
            p.done.complete(null);
        }
    }

    /** One transaction of the rows of the batch, by kind, in queue order ({@link LiveStore#insert}). */
    private void insert(List<Pending> rows) throws SQLException {
        store.insert(rowsOf(rows, ParticipantRow.class), rowsOf(rows, AnswerRow.class), rowsOf(rows, EventRow.class));
    }

    private static <T> List<T> rowsOf(List<Pending> rows, Class<T> kind) {
        return rows.stream().map(Pending::row).filter(kind::isInstance).map(kind::cast).toList();
    }
}
