package io.jingda.live;

import io.jingda.scoring.ScoringRules;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One participant of a live contest. Only {@link ContestRuntime} reads or writes it, under its lock
 * ({@code kicked} is also read without it). The {@code shown*} fields are what the participant has been
 * told at the last reveal: the live score moves as answers are scored, but showing it before the reveal
 * would tell a participant whether they were right.
 */
final class ParticipantState {
    final long id;
    final String nickname;
    final String nicknameKey;
    final String tokenHash;
    final long joinedAt;
    volatile boolean kicked;

    long score;
    long correctTimeMs;
    int streak;
    int lastCorrectIdx = Integer.MIN_VALUE;
    final Map<Integer, AnswerRecord> answers = new HashMap<>();

    long shownScore;
    Integer shownRank;
    int shownStreak;

    ParticipantState(long id, String nickname, String nicknameKey, String tokenHash, long joinedAt) {
        this.id = id;
        this.nickname = nickname;
        this.nicknameKey = nicknameKey;
        this.tokenHash = tokenHash;
        this.joinedAt = joinedAt;
    }

    /**
     * Consecutive correct answers up to the scored question {@code previousScored} (the last one before the
     * question asked about that is not a poll; a poll neither extends nor breaks a streak).
     */
    int streakBefore(int previousScored) {
        return lastCorrectIdx == previousScored ? streak : 0;
    }

    /**
     * Adds a stored answer to the score; an answer that is not correct may still earn points (an ordering's
     * partial credit). A poll's answer ({@code scored} false) changes nothing. A practice question's answer counts
     * for the streak but not for the time of correct answers (the tie-break), as it does not for the results'
     * accuracy.
     */
    void apply(int idx, int previousScored, boolean scored, boolean correct, int points, long responseMs,
               boolean practice) {
        if (!scored) {
            return;
        }
        streak = ScoringRules.streakAfter(correct, streakBefore(previousScored));
        score += points;
        if (correct) {
            if (!practice) {
                correctTimeMs += responseMs;
            }
            lastCorrectIdx = idx;
        }
    }

    /** An answer: claimed in memory when accepted, {@link #stored} completes once it is durable and scored. */
    static final class AnswerRecord {
        final int idx;
        final String requestId;
        final RoundState.Verdict verdict;
        final long receivedAt;
        final long responseMs;
        final CompletableFuture<Void> stored = new CompletableFuture<>();

        AnswerRecord(int idx, String requestId, RoundState.Verdict verdict, long receivedAt, long responseMs) {
            this.idx = idx;
            this.requestId = requestId;
            this.verdict = verdict;
            this.receivedAt = receivedAt;
            this.responseMs = responseMs;
        }
    }
}
