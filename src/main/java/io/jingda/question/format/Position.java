package io.jingda.question.format;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a question starts in its file: a line (text formats) or a sheet and row (spreadsheets), 1-based. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Position(Integer line, String sheet, Integer row) {
    public static final Position NONE = new Position(null, null, null);

    public static Position line(int line) {
        return new Position(line, null, null);
    }

    public static Position row(String sheet, int row) {
        return new Position(null, sheet, row);
    }
}
