package io.jingda.contest;

import io.jingda.question.Question;
import io.jingda.question.QuestionType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContestQuestionImagesTest {
    static final String A = "/media/" + "a".repeat(64) + ".png";
    static final String C = "/media/" + "c".repeat(64) + ".jpg";
    static final String STEM = "/media/" + "e".repeat(64) + ".jpg";

    static Question bank() {
        Question q = new Question();
        q.id = "img-1";
        q.type = QuestionType.SINGLE;
        q.stem = "哪一幅是延安宝塔？";
        q.options = List.of("甲", "乙", "丙", "丁");
        q.optionImages = Arrays.asList(A, null, C, null);
        q.answer = "\"丙\"";
        q.timeLimit = 20;
        q.points = 1000;
        q.image = STEM;
        return q;
    }

    @Test
    void theContestCopyKeepsEachOptionsPictureWithItThroughTheShuffle() {
        for (int round = 0; round < 20; round++) {
            LiveQuestion live = ContestQuestionMapper.live(ContestQuestionMapper.snapshot(1L, 0, bank(), null, null, 1));
            assertThat(live.image()).isEqualTo(STEM);
            Map<String, String> imageByText = new HashMap<>();
            live.options().forEach(o -> imageByText.put(o.text(), o.image()));
            assertThat(imageByText).containsEntry("甲", A).containsEntry("丙", C);
            assertThat(imageByText.get("乙")).isNull();
            assertThat(imageByText.get("丁")).isNull();
        }
    }

    @Test
    void aQuestionWithoutPicturesHasNone() {
        Question q = bank();
        q.image = null;
        q.optionImages = null;
        LiveQuestion live = ContestQuestionMapper.live(ContestQuestionMapper.snapshot(1L, 0, q, null, null, 1));
        assertThat(live.image()).isNull();
        assertThat(live.options()).allSatisfy(o -> assertThat(o.image()).isNull());
    }
}
