package io.jingda.scoring;

/**
 * Points for one answer.
 * <ul>
 * <li>{@code speed}: a correct answer earns {@code round(points × (1 − (t/T)/2))}, full points when
 * t &lt; 0.5 s; t/T is capped at 1 (an answer inside the grace period earns half).</li>
 * <li>{@code accuracy}: a correct answer earns {@code points}.</li>
 * <li>streak bonus (either mode, when on): +100 for each consecutive correct answer after the first, at most +500.</li>
 * <li>the question's {@link Multiplier} then scales the whole (points and bonus), rounded there; a practice
 * question (×0) earns nothing but its answer still counts for the streak.</li>
 * </ul>
 */
public record ScoringRules(Mode mode, boolean streakBonus) {
    public static final long FULL_POINTS_BELOW_MS = 500;
    public static final int STREAK_STEP = 100;
    public static final int STREAK_CAP = 500;

    public enum Mode {
        SPEED, ACCURACY
    }

    /** The points of an answer and the streak after it. */
    public record Award(int points, int streak) {
    }

    /**
     * @param streakBefore consecutive correct answers up to the previous question (0 if the previous one was
     *                     missed or wrong)
     */
    public Award award(boolean correct, long responseMs, long timeLimitMs, int points, int streakBefore) {
        return award(correct, responseMs, timeLimitMs, points, streakBefore, Multiplier.DEFAULT);
    }

    /** As {@link #award(boolean, long, long, int, int)}, then times the question's multiplier. */
    public Award award(boolean correct, long responseMs, long timeLimitMs, int points, int streakBefore,
                       double multiplier) {
        if (!correct) {
            return new Award(0, 0);
        }
        int streak = streakAfter(true, streakBefore);
        long base;
        if (mode == Mode.ACCURACY || responseMs < FULL_POINTS_BELOW_MS) {
            base = points;
        } else {
            double ratio = Math.min(1.0, Math.max(0.0, (double) responseMs / Math.max(1, timeLimitMs)));
            base = Math.round(points * (1 - ratio / 2));
        }
        int bonus = streakBonus ? Math.min(STREAK_STEP * (streak - 1), STREAK_CAP) : 0;
        return new Award(Multiplier.apply((int) (base + bonus), multiplier), streak);
    }

    /** Consecutive correct answers after this one: one more after a correct answer, none after a wrong one. */
    public static int streakAfter(boolean correct, int streakBefore) {
        return correct ? streakBefore + 1 : 0;
    }
}
