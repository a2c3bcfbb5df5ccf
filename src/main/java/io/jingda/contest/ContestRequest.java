package io.jingda.contest;

import java.util.List;

/**
 * POST/PUT /api/contests. Either {@code questionIds} (in order) or {@code draw}. {@code confirmRelated}
 * accepts questionIds that include related questions (otherwise a 409 names the pairs). {@code teams} and
 * {@code rounds} make a team contest in rounds; with {@code rounds}, each round names its own questions.
 * {@code mode: "self-paced"} makes an online contest; the fields after {@code mode} are its settings
 * (docs/online.md), and its questions are the pool each attempt draws from. {@code multipliers} (live only):
 * question index (from 0, in contest order) to the multiplier of its points, over its round's (docs/contests.md,
 * "Points per question").
 */
public record ContestRequest(
        String title,
        List<String> questionIds,
        ContestSettings.Draw draw,
        Integer timeLimit,
        ContestSettings.Scoring scoring,
        Boolean shuffleOptions,
        Integer leaderboardSize,
        ContestSettings.AutoAdvance autoAdvance,
        Integer maxParticipants,
        String round,
        Integer joinsPerMinute,
        Boolean confirmRelated,
        List<TeamRequest> teams,
        String teamPick,
        Integer teamSize,
        String teamScoring,
        Integer baseScore,
        List<RoundRequest> rounds,
        String mode,
        String opensAt,
        String closesAt,
        Integer questionsPerAttempt,
        Integer attemptsAllowed,
        String attemptScore,
        Integer timeLimitTotal,
        String showAnswers,
        com.fasterxml.jackson.databind.JsonNode units,
        OnlineSettings.Identity identity,
        OnlineSettings.PublicRanking publicRanking,
        OnlineSettings.AntiCheat antiCheat,
        java.util.Map<String, Double> multipliers) {

    public ContestRequest(String title, List<String> questionIds, ContestSettings.Draw draw, Integer timeLimit,
                          ContestSettings.Scoring scoring, Boolean shuffleOptions, Integer leaderboardSize,
                          ContestSettings.AutoAdvance autoAdvance, Integer maxParticipants, String round,
                          Integer joinsPerMinute, Boolean confirmRelated, List<TeamRequest> teams, String teamPick,
                          Integer teamSize, String teamScoring, Integer baseScore, List<RoundRequest> rounds,
                          String mode, String opensAt, String closesAt, Integer questionsPerAttempt,
                          Integer attemptsAllowed, String attemptScore, Integer timeLimitTotal, String showAnswers,
                          com.fasterxml.jackson.databind.JsonNode units, OnlineSettings.Identity identity,
                          OnlineSettings.PublicRanking publicRanking, OnlineSettings.AntiCheat antiCheat) {
        this(title, questionIds, draw, timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance,
                maxParticipants, round, joinsPerMinute, confirmRelated, teams, teamPick, teamSize, teamScoring,
                baseScore, rounds, mode, opensAt, closesAt, questionsPerAttempt, attemptsAllowed, attemptScore,
                timeLimitTotal, showAnswers, units, identity, publicRanking, antiCheat, null);
    }

    public ContestRequest(String title, List<String> questionIds, ContestSettings.Draw draw, Integer timeLimit,
                          ContestSettings.Scoring scoring, Boolean shuffleOptions, Integer leaderboardSize,
                          ContestSettings.AutoAdvance autoAdvance, Integer maxParticipants, String round,
                          Integer joinsPerMinute, Boolean confirmRelated, List<TeamRequest> teams, String teamPick,
                          Integer teamSize, String teamScoring, Integer baseScore, List<RoundRequest> rounds) {
        this(title, questionIds, draw, timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance,
                maxParticipants, round, joinsPerMinute, confirmRelated, teams, teamPick, teamSize, teamScoring,
                baseScore, rounds, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same request with these per-question multipliers (by question index, from 0). */
    public ContestRequest withMultipliers(java.util.Map<String, Double> m) {
        return new ContestRequest(title, questionIds, draw, timeLimit, scoring, shuffleOptions, leaderboardSize,
                autoAdvance, maxParticipants, round, joinsPerMinute, confirmRelated, teams, teamPick, teamSize,
                teamScoring, baseScore, rounds, mode, opensAt, closesAt, questionsPerAttempt, attemptsAllowed,
                attemptScore, timeLimitTotal, showAnswers, units, identity, publicRanking, antiCheat, m);
    }

    public ContestRequest(String title, List<String> questionIds, ContestSettings.Draw draw, Integer timeLimit,
                          ContestSettings.Scoring scoring, Boolean shuffleOptions, Integer leaderboardSize,
                          ContestSettings.AutoAdvance autoAdvance, Integer maxParticipants, String round,
                          Integer joinsPerMinute, Boolean confirmRelated) {
        this(title, questionIds, draw, timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance,
                maxParticipants, round, joinsPerMinute, confirmRelated, null, null, null, null, null, null);
    }
}
