package io.jingda.contest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.format.FormatException;
import io.jingda.question.format.ImportLimits;
import io.jingda.question.format.TextInput;
import io.jingda.question.format.ZipGuard;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.JsonText;
import io.jingda.system.Spreadsheets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A unit list as a file: CSV (UTF-8 or GB18030, comma, semicolon or tab), XLSX (the first sheet) or JSON (an
 * array of {@code {name, parent, headcount}}). A header row names the columns: {@code name}/单位,
 * {@code parent}/上级单位, {@code headcount}/应参加人数 (any order; other columns are refused). All or nothing:
 * a problem is a 400 that names the file's row and column.
 */
public final class UnitListFile {
    private static final ImportLimits LIMITS = new ImportLimits(2L * 1024 * 1024, UnitList.MAX_UNITS + 1, 4096,
            20L * 1024 * 1024, 50);

    private UnitListFile() {
    }

    public static List<UnitList.Line> parse(byte[] data, String contentType) {
        if (data == null || data.length == 0) {
            throw ApiException.invalid(List.of(new FieldError("body", "the unit list is empty")));
        }
        if (data.length > LIMITS.maxBytes()) {
            throw ApiException.invalid(List.of(new FieldError("body", "the unit list is larger than 2 MB")));
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        List<UnitList.Line> lines;
        if (type.startsWith("application/json")) {
            JsonNode tree;
            try {
                tree = JsonText.tree(new String(data, java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw ApiException.invalid(List.of(new FieldError("body", "is not JSON")));
            }
            if (tree == null || !tree.isArray()) {
                throw ApiException.invalid(List.of(new FieldError("body", "must be a JSON array of units")));
            }
            lines = UnitList.fromJson(tree, "units", errors);
            UnitList.requireValid(errors);
            return lines;
        }
        List<List<String>> rows = data.length >= 2 && data[0] == 'P' && data[1] == 'K' ? xlsx(data) : csv(data);
        int header = -1;
        for (int i = 0; i < rows.size() && header < 0; i++) {
            if (!rows.get(i).stream().allMatch(String::isBlank)) {
                header = i;
            }
        }
        if (header < 0) {
            throw ApiException.invalid(List.of(new FieldError("row 1", "the file has no header row")));
        }
        List<String> head = rows.get(header);
        int name = -1;
        int parent = -1;
        int count = -1;
        for (int c = 0; c < head.size(); c++) {
            String h = head.get(c).strip().toLowerCase(Locale.ROOT);
            switch (h) {
                case "name", "unit", "单位", "单位名称" -> name = c;
                case "parent", "parent unit", "上级单位", "上级" -> parent = c;
                case "headcount", "expected", "应参加人数", "人数" -> count = c;
                case "" -> { }
                default -> errors.add(new FieldError("row " + (header + 1) + ", column " + (c + 1),
                        "unknown column '" + head.get(c).strip() + "' (the columns are name, parent, headcount)"));
            }
        }
        if (name < 0) {
            errors.add(new FieldError("row " + (header + 1), "the header needs a name (单位) column"));
        }
        UnitList.requireValid(errors);
        lines = new ArrayList<>();
        for (int i = header + 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            int row = i + 1;
            Integer headcount = null;
            String raw = cell(r, count);
            if (!raw.isBlank()) {
                try {
                    headcount = new BigDecimal(raw.strip()).intValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    errors.add(new FieldError("row " + row + ", column headcount", "'" + raw.strip()
                            + "' is not a whole number"));
                    continue;
                }
            }
            lines.add(new UnitList.Line(row, cell(r, name), Optional.of(cell(r, parent)).filter(s -> !s.isBlank())
                    .orElse(null), headcount));
        }
        UnitList.check(lines, (row, column) -> "row " + row + ", column " + column, errors);
        UnitList.requireValid(errors);
        if (lines.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("row " + (header + 2), "the list has no unit")));
        }
        return lines;
    }

    private static String cell(List<String> r, int i) {
        return i < 0 || i >= r.size() || r.get(i) == null ? "" : Spreadsheets.unguard(r.get(i));
    }

    private static List<List<String>> csv(byte[] data) {
        try {
            String text = TextInput.readLines(data, LIMITS).text();
            char delimiter = text.lines().findFirst().map(l -> l.contains("\t") ? '\t' : l.contains(";")
                    && !l.contains(",") ? ';' : ',').orElse(',');
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
            List<List<String>> rows = new ArrayList<>();
            try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(fmt).get()) {
                for (CSVRecord rec : p) {
                    if (rows.size() > LIMITS.maxRows()) {
                        throw ApiException.invalid(List.of(new FieldError("row " + rows.size(), "at most "
                                + UnitList.MAX_UNITS + " units")));
                    }
                    rows.add(rec.toList());
                }
            }
            return rows;
        } catch (FormatException e) {
            throw ApiException.invalid(List.of(new FieldError(e.line() == null ? "file" : "row " + e.line(),
                    e.getMessage())));
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.invalid(List.of(new FieldError("file", "the CSV cannot be read: "
                    + io.jingda.system.JsonErrors.scrub(e.getMessage()))));
        }
    }

    private static List<List<String>> xlsx(byte[] data) {
        try {
            ZipGuard.check(data, LIMITS);
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(data))) {
                Sheet sheet = wb.getFirstSheet();
                List<List<String>> rows = new ArrayList<>();
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) stream::iterator) {
                        while (rows.size() < row.getRowNum() - 1) {
                            rows.add(List.of());
                        }
                        if (rows.size() > LIMITS.maxRows()) {
                            throw ApiException.invalid(List.of(new FieldError("row " + rows.size(), "at most "
                                    + UnitList.MAX_UNITS + " units")));
                        }
                        List<String> cells = new ArrayList<>();
                        for (int i = 0; i < Math.min(row.getCellCount(), 20); i++) {
                            Cell c = row.getCell(i);
                            cells.add(c == null ? "" : c.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                                    ? c.asNumber().stripTrailingZeros().toPlainString() : c.getText() == null ? "" : c.getText());
                        }
                        rows.add(cells);
                    }
                }
                return rows;
            }
        } catch (FormatException e) {
            throw ApiException.invalid(List.of(new FieldError("file", e.getMessage())));
        } catch (ApiException e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            throw ApiException.invalid(List.of(new FieldError("file", "the XLSX cannot be read (damaged, truncated or"
                    + " not a workbook)")));
        }
    }
}
