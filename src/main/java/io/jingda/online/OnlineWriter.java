package io.jingda.online;

import io.jingda.online.OnlineRows.AnswerRow;
import io.jingda.online.OnlineRows.AttemptRow;
import io.jingda.online.OnlineRows.ParticipantRow;
import io.jingda.system.GroupCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The group commit of self-paced contests: registrations, attempt starts, answers, finishes and voids, many
 * in one transaction ({@link GroupCommit}), each acknowledged only once it is committed. Each write is
 * conditional on what its request read (an attempt's position, a participant's attempts left); one whose
 * condition no longer holds is not an error, it reports {@code done() == false} and its caller reads again.
 */
@ApplicationScoped
public class OnlineWriter {
    private final OnlineStore store;
    private final GroupCommit<Write> commit;

    public OnlineWriter(OnlineStore store, OnlineConfig config, MeterRegistry registry) {
        this.store = store;
        this.commit = new GroupCommit<>("online-ledger", config.batchSize(), config.linger().toNanos(),
                config.queueCapacity(), this::write);
        commit.measure(registry, "online");
    }

    void onStop(@Observes ShutdownEvent ev) {
        commit.stop();
    }

    /** Queues a write; the future completes (with the write, its outcome set) once it is committed. */
    public <W extends Write> CompletableFuture<W> submit(W w) {
        return commit.submit(w).thenApply(v -> w);
    }

    private void write(List<Write> writes) throws SQLException {
        store.transaction(c -> {
            Tally tally = new Tally();
            for (Write w : writes) {
                w.apply(c, store, tally);
            }
            tally.store(c, store);
        });
    }

    /**
     * The counters a batch moves (answers per question, attempts and answers per hour), added up and written once
     * per batch: a thousand answers to ten questions are ten updates, not a thousand. Written in key order, so two
     * nodes' batches lock the counter rows in the same order and never deadlock on them.
     */
    static final class Tally {
        private static final java.util.Comparator<java.util.List<Long>> ORDER = java.util.Comparator
                .<java.util.List<Long>>comparingLong(k -> k.get(0)).thenComparingLong(k -> k.get(1));
        private final java.util.Map<java.util.List<Long>, long[]> questions = new java.util.TreeMap<>(ORDER);
        private final java.util.Map<java.util.List<Long>, long[]> hours = new java.util.TreeMap<>(ORDER);

        void answer(long contestId, int questionIdx, boolean correct, long at) {
            long[] q = questions.computeIfAbsent(java.util.List.of(contestId, (long) questionIdx), k -> new long[2]);
            q[0]++;
            q[1] += correct ? 1 : 0;
            hours.computeIfAbsent(java.util.List.of(contestId, OnlineStore.hourOf(at)), k -> new long[2])[1]++;
        }

        void attempt(long contestId, long at) {
            hours.computeIfAbsent(java.util.List.of(contestId, OnlineStore.hourOf(at)), k -> new long[2])[0]++;
        }

        void store(Connection c, OnlineStore s) throws SQLException {
            for (var e : questions.entrySet()) {
                s.bumpQuestion(c, e.getKey().get(0), e.getKey().get(1).intValue(), e.getValue()[0], e.getValue()[1]);
            }
            for (var e : hours.entrySet()) {
                s.bumpHour(c, e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]);
            }
        }
    }

    /** One write of a group commit. {@link #apply} may run twice (a failed batch is retried write by write). */
    public abstract static class Write {
        protected boolean done;

        abstract void apply(Connection c, OnlineStore s, Tally t) throws SQLException;

        /** Whether its condition held and it was stored. */
        public boolean done() {
            return done;
        }
    }

    /** A registration: the participant of this identity, made if new. */
    public static final class Register extends Write {
        final long contestId;
        final String identityHash;
        final String name;
        final Long unitId;
        final String freeUnitName;
        final String freeUnitKey;
        final String memberHash;
        final long now;
        final Integer maxParticipants;
        public long participantId;
        public boolean returning;
        public Long unit;

        public Register(long contestId, String identityHash, String name, Long unitId, String freeUnitName,
                        String freeUnitKey, String memberHash, long now, Integer maxParticipants) {
            this.contestId = contestId;
            this.identityHash = identityHash;
            this.name = name;
            this.unitId = unitId;
            this.freeUnitName = freeUnitName;
            this.freeUnitKey = freeUnitKey;
            this.memberHash = memberHash;
            this.now = now;
            this.maxParticipants = maxParticipants;
        }

        @Override
        void apply(Connection c, OnlineStore s, Tally t) throws SQLException {
            done = false;
            ParticipantRow p = s.participantByIdentity(c, contestId, identityHash);
            if (p != null) {
                participantId = p.id();
                unit = p.unitId();
                returning = true;
                done = true;
                return;
            }
            if (maxParticipants != null && s.participantCount(c, contestId) >= maxParticipants) {
                return; // full
            }
            unit = unitId;
            if (unit == null && freeUnitKey != null) {
                unit = s.unitIdByKey(c, contestId, freeUnitKey);
                if (unit == null) {
                    unit = s.insertUnit(c, contestId, freeUnitName, freeUnitKey);
                }
            }
            participantId = s.nextId("online_participant_seq");
            s.insertParticipant(c, participantId, contestId, identityHash, name, unit, memberHash, now);
            returning = false;
            done = true;
        }
    }

    /** A new attempt: takes one of the participant's attempts, if one is left and none is running. */
    public static final class Start extends Write {
        final AttemptRow attempt;
        final int allowed;
        public long attemptId;
        public int number;

        public Start(AttemptRow attempt, int allowed) {
            this.attempt = attempt;
            this.allowed = allowed;
        }

        @Override
        void apply(Connection c, OnlineStore s, Tally t) throws SQLException {
            done = false;
            long id = s.nextId("online_attempt_seq");
            if (!s.claimAttempt(c, attempt.participantId(), allowed, id)) {
                return;
            }
            ParticipantRow p = s.participantIn(c, attempt.participantId());
            number = p.attempts();
            attemptId = id;
            s.insertAttempt(c, new AttemptRow(id, attempt.contestId(), attempt.participantId(), number, attempt.seed(),
                    attempt.paper(), AttemptRow.ACTIVE, 0, attempt.servedAt(), attempt.startedAt(), attempt.expiresAt(),
                    null, 0, 0, 0, 0, null, null, null));
            t.attempt(attempt.contestId(), attempt.startedAt());
            done = true;
        }
    }

    /** An answer (or a late one), moving its attempt on; finishing it when it was the last question. */
    public static final class Answer extends Write {
        final AttemptRow from;
        final AnswerRow row;
        final int toPosition;
        final long servedAt;
        final boolean fast;
        final Long finishedAt;
        final boolean best;

        public Answer(AttemptRow from, AnswerRow row, int toPosition, long servedAt, boolean fast, Long finishedAt,
                      boolean best) {
            this.from = from;
            this.row = row;
            this.toPosition = toPosition;
            this.servedAt = servedAt;
            this.fast = fast;
            this.finishedAt = finishedAt;
            this.best = best;
        }

        @Override
        void apply(Connection c, OnlineStore s, Tally t) throws SQLException {
            done = false;
            if (!s.advance(c, from.id(), from.position(), toPosition, servedAt, row.points(), row.correct() ? 1 : 0,
                    1, fast ? 1 : 0, finishedAt, from.contestId(), row.receivedAt())) {
                return;
            }
            s.insertAnswer(c, row);
            t.answer(from.contestId(), row.questionIdx(), row.correct(), row.receivedAt());
            if (finishedAt != null) {
                s.recount(c, from.participantId(), best, from.paper().length);
            }
            done = true;
        }
    }

    /** Serves the question that waited after an answer (afterEach): its clock starts now. */
    public static final class Serve extends Write {
        final AttemptRow attempt;
        final long now;

        public Serve(AttemptRow attempt, long now) {
            this.attempt = attempt;
            this.now = now;
        }

        @Override
        void apply(Connection c, OnlineStore s, Tally t) throws SQLException {
            done = s.serve(c, attempt.id(), attempt.position(), attempt.servedAt(), now);
        }
    }

    /** Ends a running attempt with what it has: its time is up, or its contest closed. */
    public static final class Finish extends Write {
        final AttemptRow attempt;
        final long finishedAt;
        final boolean best;

        public Finish(AttemptRow attempt, long finishedAt, boolean best) {
            this.attempt = attempt;
            this.finishedAt = finishedAt;
            this.best = best;
        }

        @Override
        void apply(Connection c, OnlineStore s, Tally t) throws SQLException {
            done = s.finish(c, attempt.id(), attempt.paper().length, finishedAt);
            if (done) {
                s.recount(c, attempt.participantId(), best, attempt.paper().length);
            }
        }
    }

    /** The organizer voids an attempt: it no longer counts, and the reason is kept with it. */
    public static final class Void extends Write {
        final AttemptRow attempt;
        final String reason;
        final String by;
        final long at;
        final boolean best;

        public Void(AttemptRow attempt, String reason, String by, long at, boolean best) {
            this.attempt = attempt;
            this.reason = reason;
            this.by = by;
            this.at = at;
            this.best = best;
        }

        @Override
        void apply(Connection c, OnlineStore s, Tally t) throws SQLException {
            done = s.voidAttempt(c, attempt.id(), reason, by, at);
            if (done) {
                s.recount(c, attempt.participantId(), best, attempt.paper().length);
            }
        }
    }
}
