package io.jingda.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordering in both modes (all or nothing, partial credit) and polls, through the one scoring entry point. */
class OrderingAndPollScoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnswerKey.Ordering key = new AnswerKey.Ordering(List.of("a", "b", "c", "d"));
    private final ScoringRules allOrNothing = new ScoringRules(ScoringRules.Mode.ACCURACY, true, false);
    private final ScoringRules partial = new ScoringRules(ScoringRules.Mode.ACCURACY, true, true);
    private final ScoringRules partialSpeed = new ScoringRules(ScoringRules.Mode.SPEED, false, true);

    private static Choice.Order order(String... ids) {
        return new Choice.Order(List.of(ids));
    }

    private static Optional<Choice> parse(AnswerKey k, String json) throws Exception {
        return ChoiceParser.parse(k, JSON.readTree(json));
    }

    @Test
    void theRightOrderEarnsEverythingAndExtendsTheStreakInBothModes() {
        for (ScoringRules rules : List.of(allOrNothing, partial)) {
            ScoringRules.Mark m = rules.mark(key, order("a", "b", "c", "d"), 1000, 20_000, 1000, 2).orElseThrow();
            assertTrue(m.correct());
            assertEquals(3, m.streak());
            assertEquals(1000 + 200, m.points(), "points and the streak bonus of a third correct answer");
        }
    }

    @Test
    void allOrNothingGivesNothingForAnAlmostRightOrder() {
        ScoringRules.Mark m = allOrNothing.mark(key, order("a", "b", "d", "c"), 1000, 20_000, 1000, 2).orElseThrow();
        assertFalse(m.correct());
        assertEquals(0, m.points());
        assertEquals(0, m.streak());
    }

    @Test
    void partialCreditIsPointsTimesPlacedOverNRoundedDownWithoutStreak() {
        // a, b placed; d, c swapped: 2 of 4
        ScoringRules.Mark m = partial.mark(key, order("a", "b", "d", "c"), 1000, 20_000, 1000, 2).orElseThrow();
        assertFalse(m.correct(), "only the exact order is correct");
        assertEquals(500, m.points());
        assertEquals(0, m.streak(), "a partly right order ends the streak and earns no bonus");
        // 1 of 3 of 1000 = 333.33 → 333
        AnswerKey.Ordering three = new AnswerKey.Ordering(List.of("x", "y", "z"));
        assertEquals(333, partial.mark(three, order("x", "z", "y"), 0, 20_000, 1000, 0).orElseThrow().points());
        // nothing placed: nothing
        assertEquals(0, partial.mark(key, order("b", "a", "d", "c"), 0, 20_000, 1000, 0).orElseThrow().points());
    }

    @Test
    void partialCreditGoesThroughTheSpeedRuleLikeFullPoints() {
        // 3 of 4 placed is impossible (a permutation with one misplaced), so 2 of 4: 500, answered at half time
        ScoringRules.Mark m = partialSpeed.mark(key, order("a", "b", "d", "c"), 10_000, 20_000, 1000, 0)
                .orElseThrow();
        assertEquals(375, m.points(), "500 × (1 − 0.5/2)");
        assertEquals(partialSpeed.award(true, 10_000, 20_000, 500, 0).points(), m.points());
    }

    @Test
    void placedCountsThePositionsThatHoldTheRightOption() {
        assertEquals(4, key.placed(order("a", "b", "c", "d")));
        assertEquals(0, key.placed(order("d", "c", "b", "a")));
        assertEquals(2, key.placed(order("a", "c", "b", "d")));
    }

    @Test
    void anOrderMustNameEveryOptionOnce() throws Exception {
        assertTrue(parse(key, "[\"d\",\"c\",\"b\",\"a\"]").isPresent());
        assertEquals(Optional.empty(), parse(key, "[\"a\",\"b\",\"c\"]"), "one missing");
        assertEquals(Optional.empty(), parse(key, "[\"a\",\"b\",\"c\",\"c\"]"), "one twice");
        assertEquals(Optional.empty(), parse(key, "[\"a\",\"b\",\"c\",\"x\"]"), "a forged id");
        assertEquals(Optional.empty(), parse(key, "[\"a\",\"b\",\"c\",\"d\",\"a\"]"), "too many");
        assertEquals(Optional.empty(), parse(key, "\"a\""), "not a list");
        assertEquals(Optional.empty(), parse(key, "[1,2,3,4]"), "not ids");
        assertEquals(Optional.empty(), key.judge(new Choice.Options(Set.of("a", "b", "c", "d"))), "a set is no order");
    }

    @Test
    void anOrderIsStoredAndCountedInTheGivenOrder() {
        Choice.Order o = order("c", "a", "b", "d");
        assertEquals("[\"c\",\"a\",\"b\",\"d\"]", o.json());
        assertEquals("c,a,b,d", o.statsKey());
    }

    @Test
    void aPollVoteIsNeverRightEarnsNothingAndLeavesTheStreakAlone() throws Exception {
        AnswerKey.Poll poll = new AnswerKey.Poll(Set.of("p", "q"));
        Choice vote = parse(poll, "\"p\"").orElseThrow();
        for (ScoringRules rules : List.of(allOrNothing, partial, partialSpeed)) {
            ScoringRules.Mark m = rules.mark(poll, vote, 100, 20_000, 1000, 4).orElseThrow();
            assertFalse(m.correct());
            assertEquals(0, m.points());
            assertEquals(4, m.streak(), "the streak passes over a poll");
        }
        assertEquals(Optional.empty(), parse(poll, "[\"p\",\"q\"]"), "one vote");
        assertEquals(Optional.empty(), poll.judge(new Choice.Options(Set.of("zz"))), "a forged id");
    }

    @Test
    void anOrderingTallyRanksTheOrdersGiven() {
        AnswerTally t = AnswerTally.ordering();
        t.add("b,a,c");
        t.add("a,b,c");
        t.add("a,b,c");
        assertEquals(3, t.answers());
        assertEquals(List.of("a,b,c", "b,a,c"), List.copyOf(t.distribution().keySet()));
        assertEquals(2, t.distribution().get("a,b,c"));
    }
}
