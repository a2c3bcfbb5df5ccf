package io.jingda.question;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A question as organizers see it, on the REST API and in the native files. It carries the
 * answer, so it only travels on organizer channels. {@code set} may be omitted inside a set file.
 * {@code related} lists questions that must not share a contest with this one (null when none).
 * {@code image} is the question's picture and {@code optionImages} those of its options, parallel to
 * {@code options} with null entries for options without one (both {@code /media/} URLs; null when none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionDto(
        String id,
        String set,
        String type,
        String stem,
        List<String> options,
        JsonNode answer,
        Double tolerance,
        String explanation,
        SourceDto source,
        List<String> tags,
        Integer difficulty,
        Integer timeLimit,
        Integer points,
        List<String> related,
        String image,
        List<String> optionImages) {

    /** Without pictures: what every format but the native one and Moodle XML can hold. */
    public QuestionDto(String id, String set, String type, String stem, List<String> options, JsonNode answer,
                       Double tolerance, String explanation, SourceDto source, List<String> tags, Integer difficulty,
                       Integer timeLimit, Integer points, List<String> related) {
        this(id, set, type, stem, options, answer, tolerance, explanation, source, tags, difficulty, timeLimit,
                points, related, null, null);
    }

    /** Without {@code related}: what every format but the native one can hold. */
    public QuestionDto(String id, String set, String type, String stem, List<String> options, JsonNode answer,
                       Double tolerance, String explanation, SourceDto source, List<String> tags, Integer difficulty,
                       Integer timeLimit, Integer points) {
        this(id, set, type, stem, options, answer, tolerance, explanation, source, tags, difficulty, timeLimit,
                points, null, null, null);
    }

    public QuestionDto withSet(String setId) {
        return new QuestionDto(id, setId, type, stem, options, answer, tolerance, explanation, source, tags,
                difficulty, timeLimit, points, related, image, optionImages);
    }

    public QuestionDto withId(String newId) {
        return new QuestionDto(newId, set, type, stem, options, answer, tolerance, explanation, source, tags,
                difficulty, timeLimit, points, related, image, optionImages);
    }
}
