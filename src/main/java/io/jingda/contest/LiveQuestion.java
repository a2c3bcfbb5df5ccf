package io.jingda.contest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.QuestionType;
import io.jingda.question.SourceDto;
import io.jingda.scoring.AnswerKey;

import java.util.List;

/**
 * A contest question held in memory while the contest is live. {@link #options} is what
 * participants may see; {@link #key} and {@link #correct} stay on the server until the reveal.
 */
public record LiveQuestion(
        int index,
        String publicId,
        QuestionType type,
        String stem,
        List<OptionView> options,
        AnswerKey key,
        JsonNode correct,
        Double tolerance,
        String explanation,
        SourceDto source,
        long timeLimitMs,
        int points) {

    /** An option as clients see it: an opaque id that says nothing about correctness, and its text. */
    public record OptionView(String id, String text) {
    }
}
