package io.jingda.question.format;

import io.jingda.question.QuestionSetDto;

import java.util.List;

/**
 * What a format read from a file: the questions with their positions, plus the problems it found.
 * Errors are rows that could not be read; warnings are things skipped or changed (an unsupported
 * question kind, a dropped partial-credit answer). {@code set} is the file's own set header, when
 * the format has one; {@code category} a category name found in the file (GIFT, Moodle XML).
 */
public record ParseResult(String format, String encoding, QuestionSetDto set, String category,
                          List<ParsedQuestion> questions, List<ImportProblem> errors,
                          List<ImportProblem> warnings, int skipped) {
}
