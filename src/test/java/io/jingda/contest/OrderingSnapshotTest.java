package io.jingda.contest;

import io.jingda.question.Question;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerKey;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The contest copy of an ordering and a poll: shuffled options, the right order as option ids, no poll answer. */
class OrderingSnapshotTest {
    private static final List<String> RIGHT = List.of("中共一大", "遵义会议", "七届二中全会", "十一届三中全会");

    private static Question bank(QuestionType type, List<String> options, String answerJson) {
        Question q = new Question();
        q.id = "q-" + type.wire();
        q.type = type;
        q.stem = "题干";
        q.options = options;
        q.answer = answerJson;
        q.timeLimit = 20;
        q.points = 1000;
        return q;
    }

    @Test
    void anOrderingIsShownShuffledAndItsKeyIsTheRightOrderOfTheShownIds() {
        // the bank keeps an ordering's options in the right order, so the copy must not
        Question q = bank(QuestionType.ORDERING, RIGHT, "[\"中共一大\",\"遵义会议\",\"七届二中全会\",\"十一届三中全会\"]");
        Set<List<String>> shownOrders = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            LiveQuestion live = ContestQuestionMapper.live(ContestQuestionMapper.snapshot(1, 0, q, null, null, 1));
            Map<String, String> text = live.options().stream()
                    .collect(Collectors.toMap(LiveQuestion.OptionView::id, LiveQuestion.OptionView::text));
            List<String> order = ((AnswerKey.Ordering) live.key()).order();
            assertThat(order.stream().map(text::get).toList()).isEqualTo(RIGHT);
            assertThat(live.correct()).hasSize(4);
            shownOrders.add(live.options().stream().map(LiveQuestion.OptionView::text).toList());
        }
        assertThat(shownOrders.size()).as("the shown order varies from copy to copy").isGreaterThan(1);
    }

    @Test
    void aPollIsCopiedWithoutAnAnswer() {
        LiveQuestion live = ContestQuestionMapper.live(ContestQuestionMapper.snapshot(1, 0,
                bank(QuestionType.POLL, List.of("春", "夏"), "null"), null, null, 1));
        assertThat(live.correct()).isNull();
        assertThat(live.key()).isInstanceOf(AnswerKey.Poll.class);
        assertThat(live.newTally().kind()).isEqualTo(io.jingda.scoring.AnswerTally.Kind.CHOICE);
    }
}
