package io.jingda.scoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiplierTest {
    private final ScoringRules speed = new ScoringRules(ScoringRules.Mode.SPEED, false);
    private final ScoringRules accuracyStreak = new ScoringRules(ScoringRules.Mode.ACCURACY, true);

    @Test
    void allowsZeroToTenWithTwoDecimals() {
        for (double m : new double[] {0, 0.5, 1, 1.25, 2, 3, 10}) {
            assertTrue(Multiplier.problem(m).isEmpty(), "refused " + m);
        }
        assertTrue(Multiplier.problem(null).isEmpty());
    }

    @Test
    void refusesNegativeTooLargeTooPreciseAndNotANumber() {
        for (double m : new double[] {-0.5, -1, 10.01, 11, 1000, 0.125, 1.333, Double.NaN,
                Double.POSITIVE_INFINITY}) {
            assertFalse(Multiplier.problem(m).isEmpty(), "allowed " + m);
        }
        assertTrue(Multiplier.problem(11.0).orElseThrow().contains("from 0 to 10"));
        assertTrue(Multiplier.problem(0.125).orElseThrow().contains("2 decimals"));
    }

    @Test
    void multipliesAndRoundsHalvesAwayFromZero() {
        assertEquals(2000, Multiplier.apply(1000, 2));
        assertEquals(0, Multiplier.apply(1000, 0));
        assertEquals(8, Multiplier.apply(15, 0.5));
        assertEquals(-8, Multiplier.apply(-15, 0.5));
        assertEquals(1084, Multiplier.apply(867, 1.25)); // 1083.75
        assertEquals(3, Multiplier.apply(1, 2.5));
        assertEquals(-10, Multiplier.apply(-10, 1));
    }

    @Test
    void practiceIsZeroOnly() {
        assertTrue(Multiplier.practice(0));
        assertFalse(Multiplier.practice(0.5));
    }

    @Test
    void theAwardIsTheSpeedPointsTimesTheMultiplier() {
        int plain = speed.award(true, 5_333, 20_000, 1000, 0).points();
        assertEquals(867, plain);
        assertEquals(1734, speed.award(true, 5_333, 20_000, 1000, 0, 2).points());
        assertEquals(434, speed.award(true, 5_333, 20_000, 1000, 0, 0.5).points()); // 433.5 rounds up
        assertEquals(0, speed.award(false, 100, 20_000, 1000, 0, 2).points());
    }

    @Test
    void theStreakBonusIsMultipliedToo() {
        // third correct in a row: 1000 + 200 bonus, doubled
        ScoringRules.Award a = accuracyStreak.award(true, 100, 20_000, 1000, 2, 2);
        assertEquals(2400, a.points());
        assertEquals(3, a.streak());
    }

    @Test
    void practiceEarnsNothingButCountsForTheStreak() {
        ScoringRules.Award a = accuracyStreak.award(true, 100, 20_000, 1000, 1, 0);
        assertEquals(0, a.points());
        assertEquals(2, a.streak());
        ScoringRules.Award wrong = accuracyStreak.award(false, 100, 20_000, 1000, 3, 0);
        assertEquals(0, wrong.streak());
    }
}
