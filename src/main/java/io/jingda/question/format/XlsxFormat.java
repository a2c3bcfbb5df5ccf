package io.jingda.question.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import io.jingda.system.Spreadsheets;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * XLSX: our template ({@link QuestionTable}) or Kahoot's spreadsheet template, told apart by the
 * header row, which may sit below title rows and merged cells. The first visible sheet with a
 * recognized header is read. The zip is inflated under limits first ({@link ZipGuard}); the reader
 * refuses DTDs. Every error points at sheet, row and column.
 */
public final class XlsxFormat implements QuestionFormat {
    /** Rows searched for a header row. */
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final int MAX_COLUMNS = 64;

    @Override
    public String id() {
        return "xlsx";
    }

    @Override
    public List<String> extensions() {
        return List.of("xlsx");
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        if (data.length < 4 || data[0] != 'P' || data[1] != 'K') {
            if (data.length >= 8 && ReadableWorkbook.isOLE2Header(data)) {
                throw new FormatException("this is an old .xls workbook (or an encrypted .xlsx); save it as .xlsx", null, null);
            }
            throw new FormatException("the file is not an XLSX workbook (no zip signature)", null, null);
        }
        ZipGuard.check(data, limits);
        ResultBuilder out = new ResultBuilder(id(), limits);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(data))) {
            List<Sheet> sheets = wb.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).toList();
            for (Sheet sheet : sheets) {
                if (readSheet(sheet, out)) {
                    return out.build();
                }
            }
            throw new FormatException("no sheet has a header row we know: expected our template's columns (type, stem,"
                    + " options, answer, ...; see /api/imports/templates/xlsx) or Kahoot's (Question, Answer 1-4,"
                    + " Time limit, Correct answer(s))", null, null);
        } catch (FormatException e) {
            throw e;
        } catch (Throwable e) {
            // a damaged workbook surfaces as any exception (or error) from the reader
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            // the reader's messages name its classes (an XML error inside the zip surfaces as its toString)
            String detail = io.jingda.system.JsonErrors.scrub(e.getMessage());
            throw new FormatException("the XLSX cannot be read (damaged, truncated or not a workbook)"
                    + (detail.isEmpty() ? "" : ": " + detail), null, null);
        }
    }

    /** Reads a sheet if it has a known header; returns false (and reads nothing) otherwise. */
    private boolean readSheet(Sheet sheet, ResultBuilder out) throws IOException, FormatException {
        try (Stream<Row> rows = sheet.openStream()) {
            Iterator<Row> it = rows.iterator();
            int seen = 0;
            while (it.hasNext() && seen++ < HEADER_SEARCH_ROWS) {
                Row row = it.next();
                List<String> cells = cells(row);
                Kahoot kahoot = Kahoot.detect(cells);
                if (kahoot != null) {
                    out.warning(ImportProblem.at(Position.row(sheet.getName(), row.getRowNum()), null, null,
                            "read as Kahoot's quiz template (header on row " + row.getRowNum() + ")"));
                    readRows(it, sheet.getName(), out, (r, pos) -> kahoot.read(r, pos, out));
                    return true;
                }
                QuestionTable.Layout layout = QuestionTable.layout(cells);
                if (layout.usable()) {
                    for (String u : layout.unknownHeaders()) {
                        out.warning(ImportProblem.at(Position.row(sheet.getName(), row.getRowNum()), null, null,
                                "column '" + u + "' is not part of the template and was ignored"));
                    }
                    Map<String, String> columns = layout.fieldColumns(XlsxFormat::columnName);
                    readRows(it, sheet.getName(), out, (r, pos) -> {
                        QuestionTable.RowResult res = QuestionTable.read(layout, i -> i < r.size() ? r.get(i) : "");
                        for (String[] p : res.problems()) {
                            String root = p[0].contains(".") ? p[0].substring(0, p[0].indexOf('.')) : p[0];
                            out.error(ImportProblem.at(pos, columns.get(root), p[0], p[1]));
                        }
                        for (String[] w : res.warnings()) {
                            out.warning(ImportProblem.at(pos, layout.imageColumn == null ? null
                                    : columnName(layout.imageColumn), w[0], w[1]));
                        }
                        if (res.problems().isEmpty()) {
                            out.question(res.question(), pos, columns);
                        }
                    });
                    return true;
                }
            }
            return false;
        }
    }

    private interface RowReader {
        void read(List<String> cells, Position pos) throws FormatException;
    }

    private static void readRows(Iterator<Row> it, String sheet, ResultBuilder out, RowReader reader) throws FormatException {
        while (it.hasNext()) {
            Row row = it.next();
            List<String> cells;
            try {
                cells = cells(row);
            } catch (CellError e) {
                out.countItem();
                out.error(ImportProblem.at(Position.row(sheet, row.getRowNum()), e.column, null, e.getMessage()));
                continue;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            out.countItem();
            reader.read(cells, Position.row(sheet, row.getRowNum()));
        }
    }

    private static final class CellError extends RuntimeException {
        final String column;

        CellError(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private static List<String> cells(Row row) {
        int n = Math.min(row.getCellCount(), MAX_COLUMNS);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(text(row.getCell(i), i));
        }
        return out;
    }

    private static String text(Cell c, int column) {
        if (c == null) {
            return "";
        }
        switch (c.getType()) {
            case NUMBER -> {
                BigDecimal d = c.asNumber();
                return d == null ? "" : d.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> {
                Boolean b = c.asBoolean();
                return b == null ? "" : b.toString();
            }
            case ERROR -> throw new CellError(columnName(column), "the cell holds the Excel error " + c.getRawValue());
            case EMPTY -> {
                return "";
            }
            default -> {
                String s = c.getText();
                return s == null ? "" : s;
            }
        }
    }

    /** "C" for index 2. */
    static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    /** Kahoot's quiz template: Question, Answer 1-4, Time limit, Correct answer(s) such as "2,4". */
    static final class Kahoot {
        int question = -1;
        int time = -1;
        int correct = -1;
        final int[] answers = {-1, -1, -1, -1};

        static Kahoot detect(List<String> header) {
            Kahoot k = new Kahoot();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (h.startsWith("question")) {
                    k.question = i;
                } else if (h.startsWith("correct answer")) {
                    k.correct = i;
                } else if (h.startsWith("time limit")) {
                    k.time = i;
                } else if (h.matches("answer [1-4].*")) {
                    k.answers[h.charAt(7) - '1'] = i;
                }
            }
            return k.question >= 0 && k.correct >= 0 && k.answers[0] >= 0 && k.answers[1] >= 0 ? k : null;
        }

        void read(List<String> r, Position pos, ResultBuilder out) {
            Map<String, String> columns = new HashMap<>();
            columns.put("stem", columnName(question));
            columns.put("options", columnName(answers[0]));
            columns.put("answer", columnName(correct));
            if (time >= 0) {
                columns.put("timeLimit", columnName(time));
            }
            String stem = cell(r, question);
            List<String> options = new ArrayList<>();
            Map<Integer, String> byNumber = new HashMap<>();
            for (int n = 0; n < 4; n++) {
                String a = answers[n] < 0 ? "" : cell(r, answers[n]);
                if (!a.isEmpty()) {
                    options.add(a);
                    byNumber.put(n + 1, a);
                }
            }
            String correctText = cell(r, correct);
            ArrayNode chosen = JsonNodeFactory.instance.arrayNode();
            boolean bad = correctText.isEmpty();
            for (String part : correctText.split("[,，;\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                Integer num;
                try {
                    num = new BigDecimal(part).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    num = null;
                }
                String opt = num == null ? null : byNumber.get(num);
                if (opt == null) {
                    bad = true;
                    out.error(ImportProblem.at(pos, columnName(correct), "answer", "'" + correctText
                            + "' must be answer numbers 1-4 of filled-in answers, such as 2 or 2,4"));
                    break;
                }
                if (!containsText(chosen, opt)) {
                    chosen.add(opt);
                }
            }
            if (correctText.isEmpty()) {
                out.error(ImportProblem.at(pos, columnName(correct), "answer", "no correct answer given"));
            }
            Integer timeLimit = null;
            if (time >= 0 && !cell(r, time).isEmpty()) {
                try {
                    timeLimit = new BigDecimal(cell(r, time)).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    out.error(ImportProblem.at(pos, columnName(time), "timeLimit", "'" + cell(r, time)
                            + "' is not a number of seconds"));
                    bad = true;
                }
            }
            if (bad) {
                return;
            }
            boolean single = chosen.size() == 1;
            QuestionDto q = new QuestionDto(null, null, single ? "single" : "multiple", stem, options,
                    single ? TextNode.valueOf(chosen.get(0).asText()) : chosen, null, null, null, null, null,
                    timeLimit, null);
            out.question(q, pos, columns);
        }

        private static boolean containsText(ArrayNode a, String s) {
            for (var n : a) {
                if (n.asText().equals(s)) {
                    return true;
                }
            }
            return false;
        }

        private static String cell(List<String> r, int i) {
            return i >= 0 && i < r.size() ? r.get(i).strip() : "";
        }
    }

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        return new ExportResult(workbook(questions), List.of());
    }

    /** A workbook in our template, with a header row and one row per question. */
    static byte[] workbook(List<QuestionDto> questions) {
        List<String> headers = QuestionTable.headers();
        List<List<Object>> rows = new ArrayList<>(questions.size());
        for (QuestionDto q : questions) {
            List<String> cells = QuestionTable.row(q);
            List<Object> row = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                row.add(!v.isEmpty() && isCount(headers.get(c)) ? Integer.valueOf(v) : v);
            }
            rows.add(row);
        }
        return Spreadsheets.xlsx(List.of(Spreadsheets.Sheet.of("Questions", headers, rows)
                .styled(Map.of(2, 50, 3, 40, 4, 25, 6, 40))));
    }

    private static boolean isCount(String header) {
        return header.equals("difficulty") || header.equals("timeLimit") || header.equals("points");
    }
}
