package io.jingda.question.format;

import io.jingda.question.QuestionDto;

/**
 * A question as a format read it, before {@link io.jingda.question.QuestionRules} checked it.
 * {@code columns} maps a field name ("stem", "answer"...) to the column it came from, so an
 * error on a field can point at a spreadsheet cell; it may be empty. {@code fieldPrefix} names the
 * question in formats without lines or rows ("questions[3].").
 */
public record ParsedQuestion(QuestionDto question, Position position, java.util.Map<String, String> columns,
                             String fieldPrefix) {
    public ParsedQuestion(QuestionDto question, Position position) {
        this(question, position, java.util.Map.of(), "");
    }

    public ParsedQuestion(QuestionDto question, Position position, java.util.Map<String, String> columns) {
        this(question, position, columns, "");
    }

    public String columnOf(String field) {
        if (field == null || columns.isEmpty()) {
            return null;
        }
        String root = field;
        int cut = indexOfAny(root);
        if (cut > 0) {
            root = root.substring(0, cut);
        }
        return columns.get(root);
    }

    private static int indexOfAny(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '[' || s.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }
}
