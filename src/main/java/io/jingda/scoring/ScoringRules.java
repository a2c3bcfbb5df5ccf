package io.jingda.scoring;

import java.util.Optional;

/**
 * Points for one answer.
 * <ul>
 * <li>{@code speed}: a correct answer earns {@code round(points × (1 − (t/T)/2))}, full points when
 * t &lt; 0.5 s; t/T is capped at 1 (an answer inside the grace period earns half).</li>
 * <li>{@code accuracy}: a correct answer earns {@code points}.</li>
 * <li>streak bonus (either mode, when on): +100 for each consecutive correct answer after the first, at most +500.</li>
 * <li>ordering, {@code orderingPartial} on: an order with some but not all positions right earns
 * {@code floor(points × placed / n)} put through the mode's rule as a correct answer's points would be; it is not
 * correct, so it earns no streak bonus and ends the streak. Off (the default): all or nothing.</li>
 * <li>poll: never right or wrong; no points, and the streak passes over it unchanged.</li>
 * <li>the question's {@link Multiplier} then scales the whole (points and bonus, or partial credit), rounded there;
 * a practice question (×0) earns nothing but its answer still counts for the streak.</li>
 * </ul>
 */
public record ScoringRules(Mode mode, boolean streakBonus, boolean orderingPartial) {
    public static final long FULL_POINTS_BELOW_MS = 500;
    public static final int STREAK_STEP = 100;
    public static final int STREAK_CAP = 500;

    public enum Mode {
        SPEED, ACCURACY
    }

    /** The points of an answer and the streak after it. */
    public record Award(int points, int streak) {
    }

    /** All-or-nothing ordering. */
    public ScoringRules(Mode mode, boolean streakBonus) {
        this(mode, streakBonus, false);
    }

    /** The judgement of one answer: right or not, its points and the streak after it. */
    public record Mark(boolean correct, int points, int streak) {
    }

    /** As {@link #mark(AnswerKey, Choice, long, long, int, int, double)} with no multiplier. */
    public Optional<Mark> mark(AnswerKey key, Choice choice, long responseMs, long timeLimitMs, int points,
                               int streakBefore) {
        return mark(key, choice, responseMs, timeLimitMs, points, streakBefore, Multiplier.DEFAULT);
    }

    /**
     * Judges and scores a parsed choice against its key; empty when the choice does not fit the key (INVALID).
     * The one place that knows how each kind of key is scored.
     */
    public Optional<Mark> mark(AnswerKey key, Choice choice, long responseMs, long timeLimitMs, int points,
                               int streakBefore, double multiplier) {
        Optional<Boolean> judged = key.judge(choice);
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        if (key instanceof AnswerKey.Poll) {
            return Optional.of(new Mark(false, 0, streakBefore));
        }
        boolean correct = judged.get();
        if (!correct && orderingPartial && key instanceof AnswerKey.Ordering o && choice instanceof Choice.Order c) {
            int scaled = (int) ((long) points * o.placed(c) / o.order().size());
            return Optional.of(new Mark(false, Multiplier.apply(base(responseMs, timeLimitMs, scaled), multiplier), 0));
        }
        Award a = award(correct, responseMs, timeLimitMs, points, streakBefore, multiplier);
        return Optional.of(new Mark(correct, a.points(), a.streak()));
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
        int bonus = streakBonus ? Math.min(STREAK_STEP * (streak - 1), STREAK_CAP) : 0;
        return new Award(Multiplier.apply(base(responseMs, timeLimitMs, points) + bonus, multiplier), streak);
    }

    /** A right answer's points before any streak bonus: all of them, or fewer the slower it came (speed). */
    private int base(long responseMs, long timeLimitMs, int points) {
        if (mode == Mode.ACCURACY || responseMs < FULL_POINTS_BELOW_MS) {
            return points;
        }
        double ratio = Math.min(1.0, Math.max(0.0, (double) responseMs / Math.max(1, timeLimitMs)));
        return (int) Math.round(points * (1 - ratio / 2));
    }

    /** Consecutive correct answers after this one: one more after a correct answer, none after a wrong one. */
    public static int streakAfter(boolean correct, int streakBefore) {
        return correct ? streakBefore + 1 : 0;
    }
}
