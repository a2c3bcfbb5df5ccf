package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import io.jingda.system.Spreadsheets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Our CSV template ({@link QuestionTable}): UTF-8 with or without BOM, or GBK/GB18030 as Excel
 * saves it on Chinese Windows; comma, semicolon or tab separated (detected from the header line).
 * Exports are UTF-8 with a BOM, so Excel opens them with the right encoding.
 */
public final class CsvFormat implements QuestionFormat {

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv");
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        TextInput.Decoded decoded = TextInput.readLines(data, limits);
        String text = decoded.text();
        ResultBuilder out = new ResultBuilder(id(), limits);
        char delimiter = detectDelimiter(text);
        out.encoding = decoded.encoding();
        int[] lineStarts = lineStarts(text);
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(fmt).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            QuestionTable.Layout layout = null;
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                int line = lineOf(lineStarts, rec.getCharacterPosition());
                List<String> cells = rec.toList();
                if (layout == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    layout = QuestionTable.layout(cells);
                    if (!layout.usable()) {
                        throw new FormatException("line " + line + " is not our CSV template's header: it needs at least"
                                + " the columns stem and answer (the template is at /api/imports/templates/csv)", line, null);
                    }
                    for (String u : layout.unknownHeaders()) {
                        out.warning(Position.line(line), null, "column '" + u + "' is not part of the template and was ignored");
                    }
                    continue;
                }
                java.util.function.IntFunction<String> cell = i -> i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
                if (QuestionTable.blank(cells.size(), cell)) {
                    continue;
                }
                out.countItem();
                Position pos = Position.line(line);
                QuestionTable.RowResult r = QuestionTable.read(layout, cell);
                String swallowed = swallowed(cells, delimiter, line);
                if (swallowed != null) {
                    out.warning(pos, null, swallowed);
                }
                for (String[] p : r.problems()) {
                    out.error(pos, p[0], p[1]);
                }
                for (String[] w : r.warnings()) {
                    out.warning(pos, w[0], w[1]);
                }
                if (r.problems().isEmpty()) {
                    out.question(r.question(), pos);
                }
            }
            if (layout == null) {
                throw new FormatException("the file is empty: no header row found", 1, null);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote left open, or text after a closing quote, this way; say where ourselves
            QuoteFault f = quoteFault(text, delimiter);
            if (f != null) {
                throw new FormatException(f.message(), f.line(), null);
            }
            throw new FormatException("the CSV is broken: " + io.jingda.system.JsonErrors.scrub(
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), null, null);
        } catch (IOException e) {
            throw new FormatException("cannot read the CSV: " + e.getMessage(), null, null);
        }
        return out.build();
    }

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        List<List<String>> rows = questions.stream().map(QuestionTable::row).toList();
        return new ExportResult(Spreadsheets.csv(List.of(Spreadsheets.Sheet.of("Questions", QuestionTable.headers(),
                rows))), List.of());
    }

    /** The delimiter that occurs most often, outside quotes, on the first non-empty line. */
    static char detectDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        boolean seenContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenContent) {
                    break;
                }
            } else if (!quoted) {
                seenContent |= !Character.isWhitespace(c);
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    record QuoteFault(int line, String message) {
    }

    /**
     * The first quoted cell that goes wrong, as the CSV reader sees it: a quote opens a cell only as
     * its first character; inside, {@code ""} is a quote; after the closing quote only spaces, the
     * separator or the end of the line may follow.
     */
    static QuoteFault quoteFault(String text, char delimiter) {
        int line = 1;
        int openLine = 0;
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    int j = i + 1;
                    while (j < text.length() && text.charAt(j) != delimiter && text.charAt(j) != '\n'
                            && text.charAt(j) != '\r' && Character.isWhitespace(text.charAt(j))) {
                        j++;
                    }
                    if (j < text.length() && text.charAt(j) != delimiter && text.charAt(j) != '\n'
                            && text.charAt(j) != '\r') {
                        return new QuoteFault(line, "line " + line + ": after the quoted cell that opens"
                                + (openLine == line ? "" : " on line " + openLine) + " comes '" + text.charAt(j)
                                + "' where the separator or the end of the line belongs (inside a quoted cell, write"
                                + " a quote as \"\")");
                    }
                    i = j - 1;
                    cellStart = false;
                } else if (c == '\n') {
                    line++;
                }
            } else if (c == '\n') {
                line++;
                cellStart = true;
            } else if (c == '\r' || c == delimiter) {
                cellStart = true;
            } else if (c == '"' && cellStart) {
                quoted = true;
                openLine = line;
            } else {
                cellStart = false;
            }
        }
        if (quoted) {
            return new QuoteFault(openLine, "line " + openLine + ": the quoted cell that opens here is never closed, so"
                    + " every line after it would be read into it (close it with \", or write a quote inside a cell"
                    + " as \"\")");
        }
        return null;
    }

    /** A warning for a row one of whose cells runs over lines that look like rows of their own; null when none does. */
    private static String swallowed(List<String> cells, char delimiter, int line) {
        for (String c : cells) {
            if (c != null && c.indexOf('\n') >= 0 && c.indexOf(delimiter) >= 0) {
                int last = line + (int) cells.stream().filter(java.util.Objects::nonNull)
                        .mapToLong(x -> x.chars().filter(ch -> ch == '\n').count()).sum();
                return "a quoted cell of this row runs from line " + line + " to line " + last
                        + " and holds the separator: is a closing quote missing?";
            }
        }
        return null;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, long pos) {
        int i = Arrays.binarySearch(starts, (int) pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
