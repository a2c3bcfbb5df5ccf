package io.jingda.live.protocol;

/**
 * One participant's part of a broadcast, the {@code you} object of a reveal, leaderboard or podium:
 * numbers only, so it is rendered without escaping and can be published to another node as it is.
 * {@code answered}, {@code correct}, {@code points} and {@code streak} are null except in a reveal;
 * {@code rank} is null before the first reveal. A poll's reveal has no {@code correct} (a vote is neither).
 */
public record Personal(Boolean answered, Boolean correct, Integer points, Integer streak, long score, Integer rank) {

    public static Personal reveal(boolean answered, boolean correct, int points, int streak, long score, Integer rank) {
        return new Personal(answered, correct, points, streak, score, rank);
    }

    /** The reveal of a poll: whether they voted, no verdict, no points. */
    public static Personal poll(boolean answered, int streak, long score, Integer rank) {
        return new Personal(answered, null, 0, streak, score, rank);
    }

    public static Personal standing(long score, Integer rank) {
        return new Personal(null, null, null, null, score, rank);
    }

    /** The {@code you} object as JSON text, fields in protocol order. */
    public String json() {
        StringBuilder sb = new StringBuilder(96).append('{');
        if (answered != null) {
            sb.append("\"answered\":").append(answered);
            if (correct != null) {
                sb.append(",\"correct\":").append(correct);
            }
            sb.append(",\"points\":").append(points).append(",\"streak\":").append(streak).append(',');
        }
        sb.append("\"score\":").append(score);
        if (rank != null) {
            sb.append(",\"rank\":").append(rank);
        }
        return sb.append('}').toString();
    }
}
