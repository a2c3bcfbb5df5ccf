package io.jingda.contest;

/** The current question of a running contest: OPEN → CLOSED → REVEALED → LEADERBOARD. */
public enum QuestionPhase {
    OPEN, CLOSED, REVEALED, LEADERBOARD
}
