package io.jingda.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A question's points multiplier (docs/contests.md, "Points per question"): a decimal from 0 to {@link #MAX}
 * with at most two decimals; 1 is the default, 0 makes the question practice (练习: answered and revealed, no
 * points). The one place where points are multiplied and rounded: to the nearest whole point, halves away from
 * zero (so a penalty and its reward stay symmetric: 15 × 0.5 = 8 and −15 × 0.5 = −8).
 */
public final class Multiplier {
    public static final double DEFAULT = 1;
    public static final double MAX = 10;
    private static final int MAX_DECIMALS = 2;

    private Multiplier() {
    }

    /** The reason a multiplier is refused, or empty if it is allowed (null means "not given": allowed). */
    public static Optional<String> problem(Double m) {
        if (m == null) {
            return Optional.empty();
        }
        if (m.isNaN() || m.isInfinite() || m < 0 || m > MAX) {
            return Optional.of("must be a number from 0 to " + (int) MAX + " (0 = practice, 1 = normal, 2 = double)");
        }
        if (BigDecimal.valueOf(m).stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of("must have at most " + MAX_DECIMALS + " decimals (e.g. 0.5, 1.25)");
        }
        return Optional.empty();
    }

    /** Whether the question is practice: it earns no points and does not count in a participant's accuracy. */
    public static boolean practice(double m) {
        return m == 0;
    }

    /** {@code points × m}, rounded to the nearest whole point, halves away from zero. */
    public static int apply(int points, double m) {
        if (m == DEFAULT) {
            return points;
        }
        return BigDecimal.valueOf(points).multiply(BigDecimal.valueOf(m)).setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
