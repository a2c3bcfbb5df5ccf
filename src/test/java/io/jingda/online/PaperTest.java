package io.jingda.online;

import io.jingda.contest.LiveQuestion;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerKey;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PaperTest {
    @Test
    void aPaperIsDistinctQuestionsReproducibleFromItsSeed() {
        int[] a = Paper.draw(50, 10, 42);
        assertThat(Paper.draw(50, 10, 42)).isEqualTo(a);
        assertThat(Arrays.stream(a).boxed().collect(java.util.stream.Collectors.toSet())).hasSize(10);
        assertThat(Arrays.stream(a).allMatch(i -> i >= 0 && i < 50)).isTrue();
        assertThat(Paper.decode(Paper.encode(a))).isEqualTo(a);
        assertThat(Paper.draw(10, 10, 1)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void twoParticipantsRarelyGetTheSamePaper() {
        Set<String> papers = new HashSet<>();
        for (long seed = 0; seed < 1000; seed++) {
            papers.add(Paper.encode(Paper.draw(100, 10, seed * 7919)));
        }
        assertThat(papers).hasSize(1000);
    }

    @Test
    void optionsAreShuffledPerAttemptButTrueFalseKeepsItsOrder() {
        List<LiveQuestion.OptionView> four = List.of(new LiveQuestion.OptionView("a", "A"),
                new LiveQuestion.OptionView("b", "B"), new LiveQuestion.OptionView("c", "C"),
                new LiveQuestion.OptionView("d", "D"));
        LiveQuestion single = question(QuestionType.SINGLE, four);
        assertThat(Paper.options(5, 0, single)).isEqualTo(Paper.options(5, 0, single)).containsExactlyInAnyOrderElementsOf(four);
        Set<List<LiveQuestion.OptionView>> orders = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            orders.add(Paper.options(seed, 0, single));
        }
        assertThat(orders.size()).isGreaterThan(10);
        LiveQuestion tf = question(QuestionType.TRUE_FALSE, four.subList(0, 2));
        assertThat(Paper.options(5, 0, tf)).isEqualTo(four.subList(0, 2));
    }

    private static LiveQuestion question(QuestionType type, List<LiveQuestion.OptionView> options) {
        return new LiveQuestion(0, "q", type, "stem", options, new AnswerKey.Options(Set.of("a", "b", "c", "d"),
                Set.of("a"), false), null, null, null, null, 10_000, 10);
    }
}
