package io.jingda.question.io;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
                for (String[] p : r.problems()) {
                    out.error(pos, p[0], p[1]);
                }
                if (r.problems().isEmpty()) {
                    out.question(r.question(), pos);
                }
            }
            if (layout == null) {
                throw new FormatException("the file is empty: no header row found", 1, null);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote left open at the end of the file this way
            String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new FormatException("the CSV is broken (" + msg + "); is a quote left open?", null, null);
        } catch (IOException e) {
            throw new FormatException("cannot read the CSV: " + e.getMessage(), null, null);
        }
        return out.build();
    }

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        StringWriter w = new StringWriter();
        w.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            p.printRecord(QuestionTable.headers());
            for (QuestionDto q : questions) {
                p.printRecord(QuestionTable.row(q));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportResult(w.toString().getBytes(StandardCharsets.UTF_8), List.of());
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
