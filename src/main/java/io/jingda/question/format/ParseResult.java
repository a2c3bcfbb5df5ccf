package io.jingda.question.format;

import io.jingda.question.QuestionSetDto;

import java.util.List;

/**
 * What a format read from a file: the questions with their positions, plus the problems it found.
 * Errors are rows that could not be read; warnings are things skipped or changed (an unsupported
 * question kind, a dropped partial-credit answer). {@code set} is the file's own set header, when
 * the format has one; {@code category} a category name found in the file (GIFT, Moodle XML);
 * {@code pictures} the picture files a zip carries beside its set file (empty for other formats).
 */
public record ParseResult(String format, String encoding, QuestionSetDto set, String category,
                          List<ParsedQuestion> questions, List<ImportProblem> errors,
                          List<ImportProblem> warnings, int skipped, java.util.Map<String, byte[]> pictures) {

    /** Without picture files (every format but the zip). */
    public ParseResult(String format, String encoding, QuestionSetDto set, String category,
                       List<ParsedQuestion> questions, List<ImportProblem> errors, List<ImportProblem> warnings,
                       int skipped) {
        this(format, encoding, set, category, questions, errors, warnings, skipped, java.util.Map.of());
    }

    /**
     * The same result with the file's pictures, by their path in the file ({@code images/yanan.jpg}): a
     * question's {@code image} or {@code optionImages} entry naming one is resolved on import.
     */
    public ParseResult withPictures(java.util.Map<String, byte[]> files) {
        return new ParseResult(format, encoding, set, category, questions, errors, warnings, skipped,
                java.util.Map.copyOf(files));
    }
}
