package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.QuestionType;
import io.jingda.question.SourceDto;
import io.jingda.scoring.AnswerKey;
import io.jingda.scoring.AnswerTally;

import java.util.List;

/**
 * A contest question held in memory while the contest is live. {@link #options} is what
 * participants may see (with {@link #image}, the question's picture URL or null); {@link #multiplier} scales its
 * points when scored (docs/contests.md, "Points per question"); {@link #key} and {@link #correct} stay on the
 * server until the reveal.
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
        double multiplier,
        String image) {

    /** A question scored at its plain points (multiplier 1), without a picture. */
    public LiveQuestion(int index, String publicId, QuestionType type, String stem, List<OptionView> options,
                        AnswerKey key, JsonNode correct, Double tolerance, String explanation, SourceDto source,
                        long timeLimitMs, int points) {
        this(index, publicId, type, stem, options, key, correct, tolerance, explanation, source, timeLimitMs, points,
                1, null);
    }

    /** A question without a picture. */
    public LiveQuestion(int index, String publicId, QuestionType type, String stem, List<OptionView> options,
                        AnswerKey key, JsonNode correct, Double tolerance, String explanation, SourceDto source,
                        long timeLimitMs, int points, double multiplier) {
        this(index, publicId, type, stem, options, key, correct, tolerance, explanation, source, timeLimitMs, points,
                multiplier, null);
    }

    /** A question scored at its plain points (multiplier 1). */
    public LiveQuestion(int index, String publicId, QuestionType type, String stem, List<OptionView> options,
                        AnswerKey key, JsonNode correct, Double tolerance, String explanation, SourceDto source,
                        long timeLimitMs, int points, String image) {
        this(index, publicId, type, stem, options, key, correct, tolerance, explanation, source, timeLimitMs, points,
                1, image);
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

    /**
     * An option as clients see it: an opaque id that says nothing about correctness, its text and its
     * picture (a content-hash URL, so it says nothing either; null and left out when none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionView(String id, String text, String image) {
        public OptionView(String id, String text) {
            this(id, text, null);
        }
    }
}
