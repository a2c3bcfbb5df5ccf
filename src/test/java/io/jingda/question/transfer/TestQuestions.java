package io.jingda.question.transfer;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;
import io.jingda.question.SourceDto;

import java.util.List;

/** A set of checked questions with every type and the characters that trouble each format. */
public final class TestQuestions {
    private TestQuestions() {
    }

    public static List<QuestionDto> all() {
        var f = JsonNodeFactory.instance;
        List<QuestionDto> raw = List.of(
                new QuestionDto("rt-1", "s", "single", "遵义会议召开于哪一年？", List.of("1933年", "1935年", "1937年"),
                        TextNode.valueOf("1935年"), null, "1935年1月。", new SourceDto("r.txt", "遵义会议", "https://example.org/a"),
                        List.of("党史", "会议"), 1, 20, 1000),
                new QuestionDto("rt-2", "s", "multiple", "Which: {braces} ~ = # and | bars?",
                        List.of("a|b", "=SUM(1)", "c\\d", "-5"), f.arrayNode().add("a|b").add("-5"), null, null, null,
                        List.of("+tag"), 3, 45, 500),
                new QuestionDto("rt-3", "s", "true_false", "长江是中国最长的河流。", null, BooleanNode.TRUE, null,
                        "多行\n解析", null, List.of(), 2, 10, 1000),
                new QuestionDto("rt-4", "s", "text", "首都是？", null, f.arrayNode().add("北京").add("Beijing"), null,
                        null, null, List.of(), 2, 30, 1000),
                new QuestionDto("rt-5", "s", "numeric", "π ≈ ?", null, DoubleNode.valueOf(3.14), 0.01, null, null,
                        List.of(), 2, 20, 1000),
                new QuestionDto("rt-6", "s", "numeric", "Below zero?", null, LongNode.valueOf(-40), null, null, null,
                        List.of(), 2, 20, 1000));
        return raw.stream().map(q -> QuestionRules.check(q, "").question()).toList();
    }
}
