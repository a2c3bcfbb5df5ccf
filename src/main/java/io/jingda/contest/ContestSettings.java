package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** How a contest runs; stored as JSON on the contest row and returned as is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContestSettings(
        Integer timeLimit,
        Scoring scoring,
        boolean shuffleOptions,
        int leaderboardSize,
        AutoAdvance autoAdvance,
        int maxParticipants,
        String round,
        Draw draw) {

    public record Scoring(String mode, Boolean streakBonus) {
    }

    /** A self-running contest: seconds the reveal and the leaderboard stay up before moving on. */
    public record AutoAdvance(Integer revealSeconds, Integer leaderboardSeconds) {
    }

    /** A random, reproducible pick of questions from the bank. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Draw(List<String> sets, List<String> tags, List<String> types, Integer difficulty, Integer count,
                       Long seed) {
    }
}
