package io.jingda.live.protocol;

import io.jingda.contest.LiveQuestion;
import io.jingda.system.JsonText;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionFrameImagesTest {
    static String url(char c) {
        return "/media/" + String.valueOf(c).repeat(64) + ".png";
    }

    static final List<LiveQuestion.OptionView> OPTIONS = List.of(
            new LiveQuestion.OptionView("k3p", "甲", url('a')), new LiveQuestion.OptionView("x7q", "乙", url('b')),
            new LiveQuestion.OptionView("m2r", "丙", null), new LiveQuestion.OptionView("z9s", "丁", url('d')));

    static Messages.Question question() {
        return new Messages.Question("question", "q1", 0, 5, "single", "哪一幅？", OPTIONS, 20_000, 1000, 21_000, 1000, 1000, 1,
                url('e'));
    }

    @Test
    void eachParticipantsShuffleMovesTheOptionPicturesWithTheirOptions() {
        PlayerFrames.ShuffledQuestion frames = new PlayerFrames.ShuffledQuestion(42, question());
        Set<List<String>> orders = new HashSet<>();
        for (long participant = 1; participant <= 30; participant++) {
            Messages.Question mine = frames.forParticipant(participant);
            assertThat(mine.image()).isEqualTo(url('e'));
            assertThat(mine.options()).containsExactlyInAnyOrderElementsOf(OPTIONS);
            orders.add(mine.options().stream().map(LiveQuestion.OptionView::id).toList());
        }
        assertThat(orders).as("participants see different orders").hasSizeGreaterThan(1);
    }

    @Test
    void theFrameCarriesTheQuestionPictureAndEachOptionsAndLeavesOutThoseWithout() throws Exception {
        String json = JsonText.write(question());
        var tree = JsonText.tree(json);
        assertThat(tree.get("image").asText()).isEqualTo(url('e'));
        assertThat(tree.get("options").get(0).get("image").asText()).isEqualTo(url('a'));
        assertThat(tree.get("options").get(2).has("image")).isFalse();
        // the cluster codec reads frames back: pictures survive it
        Messages.Question read = io.jingda.system.JsonText.read(json, Messages.Question.class);
        assertThat(read).isEqualTo(question());
        Messages.Question plain = new Messages.Question("question", "q1", 0, 5, "text", "?", List.of(), 20_000, 1, 2, 3, 1000, 1);
        assertThat(JsonText.tree(JsonText.write(plain)).has("image")).isFalse();
    }
}
