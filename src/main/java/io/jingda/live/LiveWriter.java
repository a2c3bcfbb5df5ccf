package io.jingda.live;

import io.jingda.contest.ContestConfig;
import io.jingda.live.team.RoundEvent;
import io.jingda.system.GroupCommit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit of the hot writes (answers, joins and team round events), through {@link GroupCommit}: one writer
 * thread drains whatever is queued, writes it as JDBC batches in one transaction (the statements are
 * {@link LiveStore}'s), commits, and only then completes each write's future, in queue order (callbacks such
 * as scoring and acks run there; a flush completes after them): an answer is acknowledged only once it is
 * durable, and thousands of answers a second cost a handful of commits. The UNIQUE key of {@code answer} is the last word on "one
 * answer per participant per question"; a batch that violates it is retried row by row so that
 * only the offending write fails.
 */
@ApplicationScoped
public class LiveWriter {
    public record AnswerRow(long contestId, long participantId, int questionIdx, String choice, String choiceKey,
                            String requestId, long receivedAt, long responseMs, boolean correct, int points) {
    }

    public record ParticipantRow(long contestId, long id, String nickname, String nicknameKey, String tokenHash,
                                 long joinedAt, Integer teamId) {
    }

    /** A team round's event (a buzz, a stake, a judgement…): stored before it is announced. */
    public record EventRow(long contestId, RoundEvent event) {
    }

    private static final Object BARRIER = new Object();

    private final LiveStore store;
    private final GroupCommit<Object> commit;

    public LiveWriter(LiveStore store, ContestConfig config, MeterRegistry registry) {
        this.store = store;
        this.commit = new GroupCommit<>("answer ledger", config.ledger().batchSize(), config.ledger().linger().toNanos(),
                config.ledger().queueCapacity(), this::insert, row -> row == BARRIER);
        commit.measure(registry, "live");
    }

    void onStop(@Observes ShutdownEvent ev) {
        commit.stop();
    }

    public CompletableFuture<Void> append(AnswerRow row) {
        return commit.submit(row);
    }

    public CompletableFuture<Void> append(ParticipantRow row) {
        return commit.submit(row);
    }

    /** Appends a team round's events; the future completes once all are durable. */
    public CompletableFuture<Void> append(long contestId, List<RoundEvent> events) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (RoundEvent e : events) {
            all.add(commit.submit(new EventRow(contestId, e)));
        }
        return all.isEmpty() ? CompletableFuture.completedFuture(null) : CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Completes once everything appended before it is stored and its callbacks have run. */
    public CompletableFuture<Void> flush() {
        return commit.submit(BARRIER);
    }

    /** One transaction of the rows of the batch, by kind, in queue order ({@link LiveStore#insert}); barriers write nothing. */
    private void insert(List<Object> rows) throws SQLException {
        if (rows.stream().allMatch(r -> r == BARRIER)) {
            return;
        }
        store.insert(rowsOf(rows, ParticipantRow.class), rowsOf(rows, AnswerRow.class), rowsOf(rows, EventRow.class));
    }

    private static <T> List<T> rowsOf(List<Object> rows, Class<T> kind) {
        return rows.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
