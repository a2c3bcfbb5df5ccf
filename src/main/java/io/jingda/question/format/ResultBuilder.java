package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what a parser finds; enforces the row limit as it goes. */
final class ResultBuilder {
    static final int MAX_PROBLEMS = 500;

    private final String format;
    private final ImportLimits limits;
    private final List<ParsedQuestion> questions = new ArrayList<>();
    private final List<ImportProblem> errors = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();
    /** Picture files the file carries (Moodle XML's embedded files), by the key its questions name them with. */
    final java.util.Map<String, byte[]> pictures = new java.util.LinkedHashMap<>();
    private int items;
    private int skipped;
    private int droppedProblems;
    String encoding;
    QuestionSetDto set;
    String category;

    ResultBuilder(String format, ImportLimits limits) {
        this.format = format;
        this.limits = limits;
    }

    /** Counts one question, row or item of the file; throws once the limit is passed. */
    void countItem() throws FormatException {
        if (++items > limits.maxRows()) {
            throw new FormatException("the file has more than " + limits.maxRows()
                    + " questions or rows; split it into smaller files", null, null);
        }
    }

    void question(QuestionDto q, Position p) {
        questions.add(new ParsedQuestion(q, p));
    }

    void question(QuestionDto q, Position p, Map<String, String> columns) {
        questions.add(new ParsedQuestion(q, p, columns));
    }

    void question(ParsedQuestion q) {
        questions.add(q);
    }

    void error(ImportProblem p) {
        add(errors, p);
    }

    void error(Position p, String field, String message) {
        add(errors, ImportProblem.at(p, null, field, message));
    }

    void warning(Position p, String field, String message) {
        add(warnings, ImportProblem.at(p, null, field, message));
    }

    void warning(ImportProblem p) {
        add(warnings, p);
    }

    /** An item the format holds but we have no type for: listed as a warning with the reason. */
    void skip(Position p, String reason) {
        skipped++;
        add(warnings, ImportProblem.at(p, null, null, "skipped: " + reason));
    }

    private void add(List<ImportProblem> list, ImportProblem p) {
        if (list.size() < MAX_PROBLEMS) {
            list.add(p);
        } else {
            droppedProblems++;
        }
    }

    ParseResult build() {
        if (droppedProblems > 0) {
            warnings.add(ImportProblem.file(droppedProblems + " more problems were not listed"));
        }
        return new ParseResult(format, encoding, set, category, List.copyOf(questions), List.copyOf(errors),
                List.copyOf(warnings), skipped, java.util.Map.copyOf(pictures));
    }
}
