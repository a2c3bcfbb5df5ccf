package io.jingda.question;

import java.util.List;

/** The native file format: one set and its questions (YAML or JSON). */
public record SetFile(QuestionSetDto set, List<QuestionDto> questions) {
}
