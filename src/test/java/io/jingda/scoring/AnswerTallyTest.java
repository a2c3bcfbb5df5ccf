package io.jingda.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTallyTest {
    private static final List<String> OPTIONS = List.of("qa", "qb", "qc", "qd");

    private static List<Map.Entry<String, Integer>> entries(Map<String, Integer> m) {
        return new ArrayList<>(m.entrySet());
    }

    @Test
    void aSingleChoiceCountsEachOptionAndListsEveryOptionInOrder() {
        AnswerTally t = AnswerTally.choice(List.of("x2", "a9"));
        t.add("a9");
        t.add("a9");
        t.add("forged");
        assertThat(entries(t.distribution())).containsExactly(Map.entry("x2", 0), Map.entry("a9", 2));
        assertThat(t.combinations()).isNull();
        assertThat(t.answers()).isEqualTo(3);
    }

    @Test
    void aMultipleAnswerCountsOncePerOptionItChose() {
        AnswerTally t = AnswerTally.multiple(OPTIONS);
        t.add("qb,qd"); // B and D, as the round stores it
        t.add("qd,qb");
        t.add("qa");
        assertThat(entries(t.distribution())).containsExactly(Map.entry("qa", 1), Map.entry("qb", 2),
                Map.entry("qc", 0), Map.entry("qd", 2));
        assertThat(t.distribution()).doesNotContainKey("qb,qd");
        assertThat(entries(t.combinations())).containsExactly(Map.entry("qb,qd", 2), Map.entry("qa", 1));
    }

    @Test
    void aCombinationsKeyFollowsTheQuestionsOptionOrderNotTheAlphabet() {
        AnswerTally t = AnswerTally.multiple(List.of("zz", "mm", "aa"));
        t.add("aa,mm,zz");
        t.add("aa,zz,aa");
        assertThat(entries(t.combinations())).containsExactly(Map.entry("zz,mm,aa", 1), Map.entry("zz,aa", 1));
        assertThat(t.combinationKey("mm,zz")).isEqualTo("zz,mm");
        assertThat(t.combinationKey("mm,forged")).isNull();
        assertThat(t.combinationKey("")).isNull();
        t.add("mm,forged");
        assertThat(t.distribution().values()).containsExactly(2, 1, 2);
        assertThat(t.answers()).isEqualTo(3);
    }

    @Test
    void combinationsTiesGoByOptionPositions() {
        AnswerTally t = AnswerTally.multiple(OPTIONS);
        for (String k : List.of("qc,qd", "qa,qd", "qb", "qa,qb,qc,qd", "qa,qb")) {
            t.add(k);
        }
        assertThat(t.combinations().keySet()).containsExactly("qa,qb", "qa,qb,qc,qd", "qa,qd", "qb", "qc,qd");
    }

    @Test
    void moreThanTenCombinationsFoldTheRestIntoTheEllipsis() {
        List<String> eight = List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8");
        AnswerTally t = AnswerTally.multiple(eight);
        for (String id : eight) {
            t.add(id);
        }
        for (int i = 1; i < 8; i++) {
            t.add("o1," + eight.get(i));
        }
        t.add("o1,o2");
        // 16 answers in 15 sets: B with A twice, every other set once (ties by option positions)
        Map<String, Integer> c = t.combinations();
        assertThat(c.keySet()).containsExactly("o1,o2", "o1", "o1,o3", "o1,o4", "o1,o5", "o1,o6", "o1,o7", "o1,o8",
                "o2", "o3", AnswerTally.REST);
        assertThat(c.get("o1,o2")).isEqualTo(2);
        assertThat(c.get(AnswerTally.REST)).isEqualTo(5);
        assertThat(c.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(16);
        assertThat(t.distribution().get("o1")).isEqualTo(9);
    }

    @Test
    void textKeepsTheTenMostFrequentAndTheRestUnderTheEllipsis() {
        AnswerTally t = AnswerTally.text();
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k <= i; k++) {
                t.add("answer " + (char) ('a' + i));
            }
        }
        // counts 12 (l) down to 1 (a): the top ten are l..c, and a (1) + b (2) are the rest
        Map<String, Integer> d = t.distribution();
        assertThat(d).hasSize(11);
        assertThat(entries(d).get(0)).isEqualTo(Map.entry("answer l", 12));
        assertThat(entries(d).get(9)).isEqualTo(Map.entry("answer c", 3));
        assertThat(entries(d).get(10)).isEqualTo(Map.entry(AnswerTally.REST, 3));
    }

    @Test
    void textTiesGoByTheTextSoTheTopDoesNotDependOnArrivalOrder() {
        AnswerTally forward = AnswerTally.text();
        AnswerTally backward = AnswerTally.text();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            keys.add("k" + (char) ('a' + i));
        }
        keys.forEach(forward::add);
        for (int i = keys.size() - 1; i >= 0; i--) {
            backward.add(keys.get(i));
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        keys.subList(0, 10).forEach(k -> expected.put(k, 1));
        expected.put(AnswerTally.REST, 5);
        assertThat(entries(forward.distribution())).isEqualTo(entries(expected));
        assertThat(entries(backward.distribution())).isEqualTo(entries(expected));
    }

    @Test
    void numericTiesGoByValue() {
        AnswerTally t = AnswerTally.numeric();
        for (String k : List.of("10", "9", "-2.5", "100", "9")) {
            t.add(k);
        }
        assertThat(t.distribution().keySet()).containsExactly("9", "-2.5", "10", "100");
        assertThat(t.distribution()).doesNotContainKey(AnswerTally.REST);
    }

    @Test
    void noAnswersGiveAnEmptyRankingAndZeroOptions() {
        assertThat(AnswerTally.text().distribution()).isEmpty();
        assertThat(AnswerTally.multiple(OPTIONS).combinations()).isEmpty();
        assertThat(AnswerTally.multiple(OPTIONS).distribution().values()).containsOnly(0);
    }

    @Test
    void tenThousandDistinctTextsAreAllCountedAndOnlyTheTopIsEmitted() {
        AnswerTally t = AnswerTally.text();
        for (int i = 0; i < 10_000; i++) {
            t.add("answer-" + i);
        }
        for (int i = 0; i < 50; i++) {
            t.add("answer-7777");
        }
        for (int i = 0; i < 20; i++) {
            t.add("答案");
        }
        Map<String, Integer> d = t.distribution();
        assertThat(d).hasSize(11);
        assertThat(entries(d).subList(0, 2)).containsExactly(Map.entry("answer-7777", 51), Map.entry("答案", 20));
        assertThat(d.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.answers()).isEqualTo(10_070);
        assertThat(d.get(AnswerTally.REST)).isEqualTo(10_070 - 51 - 20 - 8);
    }
}
