package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One round of a contest plan, with every setting resolved to its value (defaults filled in); settings
 * that do not apply to the kind are null. {@code from} is the index of the round's first question in the
 * contest, {@code count} how many it has. Times are seconds, points whole numbers; {@code wrongPoints} and
 * {@code falseStartPoints} are subtracted. {@code multiplier}: the default multiplier of its questions
 * (docs/contests.md, "Points per question").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoundDefinition(
        int index,
        String kind,
        String title,
        int from,
        int count,
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

    public RoundDefinition(int index, String kind, String title, int from, int count, ContestSettings.Draw draw,
                           Integer answerSeconds, String answerer, Boolean requireGo, Integer rightPoints,
                           Integer wrongPoints, String answerMode, Integer readingSeconds, Integer buzzSeconds,
                           String falseStart, Integer falseStartPoints, Integer answerStartSeconds, Boolean rebound,
                           List<Integer> stakes, String stakeOrder, Integer stakeSeconds, Boolean floorZero,
                           String leaderboard) {
        this(index, kind, title, from, count, draw, answerSeconds, answerer, requireGo, rightPoints, wrongPoints,
                answerMode, readingSeconds, buzzSeconds, falseStart, falseStartPoints, answerStartSeconds, rebound,
                stakes, stakeOrder, stakeSeconds, floorZero, leaderboard, null);
    }

    /** The round's multiplier: 1 when none is set (a contest stored before multipliers existed). */
    @JsonIgnore
    public double multiplierOrOne() {
        return multiplier == null ? 1 : multiplier;
    }

    @JsonIgnore
    public RoundKind roundKind() {
        return RoundKind.parse(kind).orElseThrow();
    }

    /** Whether question {@code idx} of the contest is in this round. */
    public boolean holds(int idx) {
        return idx >= from && idx < from + count;
    }

    @JsonIgnore
    public boolean aloud() {
        return "aloud".equals(answerMode);
    }

    /** A plain contest: one standard round over all its questions. */
    public static RoundDefinition standard(int count) {
        return new RoundDefinition(0, RoundKind.STANDARD.wire(), null, 0, count, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, "question", 1.0);
    }
}
