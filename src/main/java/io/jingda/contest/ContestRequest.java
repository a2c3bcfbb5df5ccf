package io.jingda.contest;

import java.util.List;

/**
 * POST/PUT /api/contests. Either {@code questionIds} (in order) or {@code draw}. {@code confirmRelated}
 * accepts questionIds that include related questions (otherwise a 409 names the pairs).
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
        Boolean confirmRelated) {
}
