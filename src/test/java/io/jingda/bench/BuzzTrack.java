package io.jingda.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the clients of the buzzer scenario saw of one question, indexed by member number. Written from
 * the clients' event loops as frames arrive, read by the host thread and by {@link BuzzerFigures}.
 * Times are {@link System#nanoTime} (one JVM, so comparable across clients) and, where the server's
 * own times are compared, the wall clock the server and the generator share on one machine.
 */
final class BuzzTrack {
    static final long NONE = Long.MIN_VALUE;

    final String qid;
    /** 0 for the first question the clients saw, then 1, 2, … */
    final int order;
    volatile JsonNode question;
    /** buzzOpen.openedAt (server clock, epoch ms). */
    volatile long openedAt = -1;
    /** When each member sent its buzz (nanoTime; 0: not sent). */
    final AtomicLongArray sentNanos;
    /** When each member received buzzWinner (nanoTime; 0: never). */
    final AtomicLongArray winnerNanos;
    final AtomicLongArray winnerEpochMs;
    /** When each member received buzzOpen (epoch ms; 0: never). */
    final AtomicLongArray openEpochMs;
    /** The first buzzRefused reason each member got (null: none). */
    final AtomicReferenceArray<String> refusal;
    /** The winner's participantId as the first buzzWinner to arrive named it. */
    final AtomicLong winnerPid = new AtomicLong(NONE);
    /** buzzWinner frames that named another participant than the first one did. */
    final AtomicLong disagreements = new AtomicLong();
    volatile long winnerTeam = -1;
    volatile long reactionMs = -1;
    final CountDownLatch winners;
    final CountDownLatch judgedAll;
    /** judged.points of the first judged frame (NONE: no judgement seen). */
    final AtomicLong judgedPoints = new AtomicLong(NONE);
    volatile long judgedTeam = -1;
    volatile Boolean judgedCorrect;
    volatile String judgedReason;
    /** How many turn frames the winner acted on (it answers once). */
    final AtomicInteger answered = new AtomicInteger();

    BuzzTrack(String qid, int order, int members) {
        this.qid = qid;
        this.order = order;
        sentNanos = new AtomicLongArray(members);
        winnerNanos = new AtomicLongArray(members);
        winnerEpochMs = new AtomicLongArray(members);
        openEpochMs = new AtomicLongArray(members);
        refusal = new AtomicReferenceArray<>(members);
        winners = new CountDownLatch(members);
        judgedAll = new CountDownLatch(members);
    }

    int members() {
        return sentNanos.length();
    }

    /** A buzzWinner frame at member {@code n}. */
    void winner(int n, long participantId, long teamId, long reactionMs, long nanos, long epochMs) {
        winnerNanos.set(n, nanos);
        winnerEpochMs.set(n, epochMs);
        if (!winnerPid.compareAndSet(NONE, participantId) && winnerPid.get() != participantId) {
            disagreements.incrementAndGet();
        }
        winnerTeam = teamId;
        this.reactionMs = reactionMs;
        winners.countDown();
    }

    /** A judged frame at one member; the first one's contents are kept. */
    void judged(long teamId, long points, Boolean correct, String reason) {
        if (judgedPoints.compareAndSet(NONE, points)) {
            judgedTeam = teamId;
            judgedCorrect = correct;
            judgedReason = reason;
        }
        judgedAll.countDown();
    }

    /** The member that sent its buzz first (-1: nobody buzzed). */
    int firstSender() {
        int first = -1;
        long at = Long.MAX_VALUE;
        for (int i = 0; i < members(); i++) {
            long s = sentNanos.get(i);
            if (s != 0 && s < at) {
                at = s;
                first = i;
            }
        }
        return first;
    }
}
