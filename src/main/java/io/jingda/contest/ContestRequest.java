package io.jingda.contest;

import java.util.List;

/**
 * POST/PUT /api/contests. Either {@code questionIds} (in order) or {@code draw}. {@code confirmRelated}
 * accepts questionIds that include related questions (otherwise a 409 names the pairs). {@code teams} and
 * {@code rounds} make a team contest in rounds; with {@code rounds}, each round names its own questions.
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
        List<RoundRequest> rounds) {

    public ContestRequest(String title, List<String> questionIds, ContestSettings.Draw draw, Integer timeLimit,
                          ContestSettings.Scoring scoring, Boolean shuffleOptions, Integer leaderboardSize,
                          ContestSettings.AutoAdvance autoAdvance, Integer maxParticipants, String round,
                          Integer joinsPerMinute, Boolean confirmRelated) {
        this(title, questionIds, draw, timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance,
                maxParticipants, round, joinsPerMinute, confirmRelated, null, null, null, null, null, null);
    }
}
