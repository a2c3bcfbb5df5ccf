package io.jingda.contest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.QuestionType;
import io.jingda.question.SourceDto;
import io.jingda.scoring.AnswerKey;
import io.jingda.scoring.AnswerTally;

import java.util.List;

/**
 * A contest question held in memory while the contest is live. {@link #options} is what
 * participants may see; {@link #multiplier} scales its points when scored (docs/contests.md, "Points per
 * question"); {@link #key} and {@link #correct} stay on the server until the reveal.
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
        int points,
        double multiplier) {

    /** A question scored at its plain points (multiplier 1). */
    public LiveQuestion(int index, String publicId, QuestionType type, String stem, List<OptionView> options,
                        AnswerKey key, JsonNode correct, Double tolerance, String explanation, SourceDto source,
                        long timeLimitMs, int points) {
        this(index, publicId, type, stem, options, key, correct, tolerance, explanation, source, timeLimitMs, points,
                1);
    }

    /** An empty count of this question's answers (see {@link AnswerTally} for what each type counts). */
    public AnswerTally newTally() {
        List<String> ids = options.stream().map(OptionView::id).toList();
        return switch (type) {
            case SINGLE, TRUE_FALSE, POLL -> AnswerTally.choice(ids);
            case ORDERING -> AnswerTally.ordering();
            case MULTIPLE -> AnswerTally.multiple(ids);
            case TEXT -> AnswerTally.text();
            case NUMERIC -> AnswerTally.numeric();
        };
    }

    /** An option as clients see it: an opaque id that says nothing about correctness, and its text. */
    public record OptionView(String id, String text) {
    }
}
