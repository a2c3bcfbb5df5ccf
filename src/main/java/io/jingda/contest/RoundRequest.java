package io.jingda.contest;

import java.util.List;

/**
 * One round in {@code POST /api/contests} ({@code rounds[]}): its kind, title, questions (either
 * {@code questionIds} or {@code draw}) and its settings, each optional with the default of its kind
 * (see docs/contests.md, "Team contests in rounds"). {@code multiplier}: what its questions' points are
 * multiplied by (default 1; docs/contests.md, "Points per question").
 */
public record RoundRequest(
        String kind,
        String title,
        List<String> questionIds,
        ContestSettings.Draw draw,
        Integer answerSeconds,
        String answerer,
        Boolean requireGo,
        Integer rightPoints,
        Integer wrongPoints,
        String answerMode,
        Integer readingSeconds,
        Integer buzzSeconds,
        String falseStart,
        Integer falseStartPoints,
        Integer answerStartSeconds,
        Boolean rebound,
        List<Integer> stakes,
        String stakeOrder,
        Integer stakeSeconds,
        Boolean floorZero,
        String leaderboard,
        Double multiplier) {

    public RoundRequest(String kind, String title, List<String> questionIds, ContestSettings.Draw draw,
                        Integer answerSeconds, String answerer, Boolean requireGo, Integer rightPoints,
                        Integer wrongPoints, String answerMode, Integer readingSeconds, Integer buzzSeconds,
                        String falseStart, Integer falseStartPoints, Integer answerStartSeconds, Boolean rebound,
                        List<Integer> stakes, String stakeOrder, Integer stakeSeconds, Boolean floorZero,
                        String leaderboard) {
        this(kind, title, questionIds, draw, answerSeconds, answerer, requireGo, rightPoints, wrongPoints, answerMode,
                readingSeconds, buzzSeconds, falseStart, falseStartPoints, answerStartSeconds, rebound, stakes,
                stakeOrder, stakeSeconds, floorZero, leaderboard, null);
    }
}
