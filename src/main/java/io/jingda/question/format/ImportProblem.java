package io.jingda.question.format;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One error or warning of an import: where it is (a line for text formats; sheet, row and column
 * for spreadsheets), which field, and a message a person understands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(Integer line, String sheet, Integer row, String column, String field, String message) {

    public static ImportProblem at(Position p, String column, String field, String message) {
        Position pos = p == null ? Position.NONE : p;
        return new ImportProblem(pos.line(), pos.sheet(), pos.row(), column, field, message);
    }

    public static ImportProblem file(String message) {
        return new ImportProblem(null, null, null, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (line != null) {
            sb.append("line ").append(line).append(": ");
        }
        if (sheet != null) {
            sb.append("sheet '").append(sheet).append("' ");
        }
        if (row != null) {
            sb.append("row ").append(row).append(column == null ? "" : " column " + column).append(": ");
        }
        if (field != null) {
            sb.append(field).append(' ');
        }
        return sb.append(message).toString();
    }
}
