package io.jingda.question;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A question set's header; {@code questionCount} is filled on reads only. {@code reports} maps a
 * source report's file name (as the questions' {@code source.report} gives it) to the report's
 * title, which the big screen shows at the reveal instead of the file name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionSetDto(String id, String title, String description, String language, List<String> tags,
                             Map<String, String> reports, Long questionCount) {

    public QuestionSetDto(String id, String title, String description, String language, List<String> tags,
                          Long questionCount) {
        this(id, title, description, language, tags, null, questionCount);
    }
}
