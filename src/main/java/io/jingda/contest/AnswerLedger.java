package io.jingda.contest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of the hot writes (answers and joins). One writer thread drains whatever is
 * queued, writes it as JDBC batches in one transaction, commits, and only then completes each
 * write's future: an answer is acknowledged only once it is durable, and thousands of answers a
 * second cost a handful of commits. The UNIQUE key of {@code answer} is the last word on "one
 * answer per participant per question"; a batch that violates it is retried row by row so that
 * only the offending write fails.
 */
@ApplicationScoped
public class AnswerLedger {
    private static final Logger LOG = Logger.getLogger(AnswerLedger.class);

    public record AnswerRow(long contestId, long participantId, int questionIdx, String choice, String choiceKey,
                            String requestId, long receivedAt, long responseMs, boolean correct, int points) {
    }

    public record ParticipantRow(long contestId, long id, String nickname, String nicknameKey, String tokenHash,
                                 long joinedAt) {
    }

    private record Pending(Object row, CompletableFuture<Void> done) {
    }

    private static final Object BARRIER = new Object();
    private static final long SLOW_COMMIT_MS = 100;

    private final AgroalDataSource dataSource;
    private final int batchSize;
    private final LinkedBlockingQueue<Pending> queue;
    private volatile boolean running = true;
    private Thread writer;

    public AnswerLedger(AgroalDataSource dataSource, ContestConfig config) {
        this.dataSource = dataSource;
        this.batchSize = config.ledger().batchSize();
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
    }

    public CompletableFuture<Void> append(AnswerRow row) {
        return offer(row);
    }

    public CompletableFuture<Void> append(ParticipantRow row) {
        return offer(row);
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
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
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

    private void write(List<Pending> batch) {
        List<Pending> rows = batch.stream().filter(p -> p.row != BARRIER).toList();
        if (!rows.isEmpty()) {
            try {
                long t0 = System.nanoTime();
                insert(rows);
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

    private void insert(List<Pending> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int participants = 0;
                int answers = 0;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant (contest_id, id, nickname, "
                        + "nickname_key, token_hash, joined_at, kicked) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
                    for (Pending p : rows) {
                        if (p.row instanceof ParticipantRow r) {
                            ps.setLong(1, r.contestId());
                            ps.setLong(2, r.id());
                            ps.setString(3, r.nickname());
                            ps.setString(4, r.nicknameKey());
                            ps.setString(5, r.tokenHash());
                            ps.setLong(6, r.joinedAt());
                            ps.addBatch();
                            participants++;
                        }
                    }
                    if (participants > 0) {
                        ps.executeBatch();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer (contest_id, participant_id, "
                        + "question_idx, choice, choice_key, request_id, received_at, response_ms, correct, points) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Pending p : rows) {
                        if (p.row instanceof AnswerRow r) {
                            ps.setLong(1, r.contestId());
                            ps.setLong(2, r.participantId());
                            ps.setInt(3, r.questionIdx());
                            ps.setString(4, r.choice());
                            ps.setString(5, r.choiceKey());
                            ps.setString(6, r.requestId());
                            ps.setLong(7, r.receivedAt());
                            ps.setLong(8, r.responseMs());
                            ps.setBoolean(9, r.correct());
                            ps.setInt(10, r.points());
                            ps.addBatch();
                            answers++;
                        }
                    }
                    if (answers > 0) {
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
