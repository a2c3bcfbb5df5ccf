package io.jingda.question.format;

/** A file that cannot be read as its format: says where (line, when known) and what is wrong. */
public class FormatException extends Exception {
    private final Integer line;
    private final String field;

    public FormatException(String message, Integer line, String field) {
        super(message);
        this.line = line;
        this.field = field;
    }

    public Integer line() {
        return line;
    }

    public String field() {
        return field;
    }
}
