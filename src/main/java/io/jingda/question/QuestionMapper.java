package io.jingda.question;

import io.jingda.system.JsonText;

import java.util.List;
import java.util.Map;

/** Entity to DTO and back; the DTO must already have passed {@link QuestionRules}. */
public final class QuestionMapper {
    private QuestionMapper() {
    }

    public static QuestionDto toDto(Question q) {
        SourceDto source = q.sourceReport == null && q.sourceExcerpt == null && q.sourceUrl == null
                ? null : new SourceDto(q.sourceReport, q.sourceExcerpt, q.sourceUrl);
        return new QuestionDto(q.id, q.setId, q.type.wire(), q.stem, q.options, answer(q), q.tolerance,
                q.explanation, source, q.tags, q.difficulty, q.timeLimit, q.points,
                q.relatedIds().isEmpty() ? null : q.relatedIds(), q.image, q.optionImages);
    }

    /** The answer as JSON; a poll has none (its column holds JSON {@code null}). */
    private static com.fasterxml.jackson.databind.JsonNode answer(Question q) {
        com.fasterxml.jackson.databind.JsonNode a = JsonText.tree(q.answer);
        return a == null || a.isNull() ? null : a;
    }

    /** Copies a checked DTO's content onto the entity (not id, set, order or origin). */
    public static void apply(QuestionDto d, Question q) {
        q.type = QuestionType.parse(d.type()).orElseThrow();
        q.stem = d.stem();
        q.options = d.options();
        q.answer = JsonText.write(d.answer());
        q.tolerance = d.tolerance();
        q.explanation = d.explanation();
        q.sourceReport = d.source() == null ? null : d.source().report();
        q.sourceExcerpt = d.source() == null ? null : d.source().excerpt();
        q.sourceUrl = d.source() == null ? null : d.source().url();
        q.tags = d.tags();
        q.difficulty = d.difficulty();
        q.timeLimit = d.timeLimit();
        q.points = d.points();
        q.related = d.related() == null ? List.of() : d.related();
        q.image = d.image();
        q.optionImages = d.optionImages();
    }

    public static QuestionSetDto toDto(QuestionSet s, Long count) {
        return new QuestionSetDto(s.id, s.title, s.description, s.language, s.tags,
                s.reports == null || s.reports.isEmpty() ? null : s.reports, count);
    }

    public static void apply(QuestionSetDto d, QuestionSet s) {
        s.title = d.title();
        s.description = d.description();
        s.language = d.language();
        s.tags = d.tags();
        s.reports = d.reports() == null ? Map.of() : d.reports();
    }
}
