package io.jingda.contest;

/**
 * The current question of a running contest: OPEN → CLOSED → REVEALED → LEADERBOARD; in a contest with
 * rounds, ROUND is the banner of a round before its first question (a wager round's stakes are picked then).
 */
public enum QuestionPhase {
    OPEN, CLOSED, REVEALED, LEADERBOARD, ROUND
}
