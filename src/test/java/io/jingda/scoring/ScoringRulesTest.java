package io.jingda.scoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoringRulesTest {
    private final ScoringRules speed = new ScoringRules(ScoringRules.Mode.SPEED, false);
    private final ScoringRules speedStreak = new ScoringRules(ScoringRules.Mode.SPEED, true);
    private final ScoringRules accuracy = new ScoringRules(ScoringRules.Mode.ACCURACY, false);

    @Test
    void speedGivesFullPointsUnderHalfASecond() {
        assertEquals(1000, speed.award(true, 0, 20_000, 1000, 0).points());
        assertEquals(1000, speed.award(true, 499, 20_000, 1000, 0).points());
    }

    @Test
    void speedFallsLinearlyToHalf() {
        assertEquals(Math.round(1000 * (1 - (500.0 / 20_000) / 2)), speed.award(true, 500, 20_000, 1000, 0).points());
        assertEquals(750, speed.award(true, 10_000, 20_000, 1000, 0).points());
        assertEquals(500, speed.award(true, 20_000, 20_000, 1000, 0).points());
        // inside the grace period: capped at half
        assertEquals(500, speed.award(true, 20_200, 20_000, 1000, 0).points());
        assertEquals(867, speed.award(true, 5_333, 20_000, 1000, 0).points());
    }

    @Test
    void wrongEarnsNothingAndBreaksTheStreak() {
        ScoringRules.Award a = speedStreak.award(false, 1000, 20_000, 1000, 4);
        assertEquals(0, a.points());
        assertEquals(0, a.streak());
    }

    @Test
    void accuracyGivesThePoints() {
        assertEquals(1000, accuracy.award(true, 19_000, 20_000, 1000, 0).points());
        assertEquals(0, accuracy.award(false, 100, 20_000, 1000, 0).points());
    }

    @Test
    void streakBonusGrowsBy100AndStopsAt500() {
        assertEquals(1000, speedStreak.award(true, 0, 20_000, 1000, 0).points());
        assertEquals(1100, speedStreak.award(true, 0, 20_000, 1000, 1).points());
        assertEquals(1200, speedStreak.award(true, 0, 20_000, 1000, 2).points());
        assertEquals(1500, speedStreak.award(true, 0, 20_000, 1000, 5).points());
        assertEquals(1500, speedStreak.award(true, 0, 20_000, 1000, 9).points());
        assertEquals(10, speedStreak.award(true, 0, 20_000, 1000, 9).streak());
        assertEquals(1000, speed.award(true, 0, 20_000, 1000, 5).points());
    }
}
