package io.jingda.question;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A question set's header; {@code questionCount} is filled on reads only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionSetDto(String id, String title, String description, String language, List<String> tags,
                             Long questionCount) {
}
