package io.jingda.system;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spreadsheets we write (question exports, contest results): the formula guard and one CSV and one
 * XLSX writer taking a header and rows. A cell is a {@link Number} (a numeric cell) or anything
 * else (text, through {@link #guard}).
 */
public final class Spreadsheets {
    private Spreadsheets() {
    }

    // ---- formula injection ----

    /**
     * Prefixes a cell that a spreadsheet would run as a formula (=, +, -, @, TAB, CR or NUL first)
     * with {@code '}; null becomes "". Guarding a guarded cell changes nothing.
     */
    public static String guard(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && dangerous(s.charAt(0)) ? "'" + s : s;
    }

    /** Undoes {@link #guard} on import. */
    public static String unguard(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'' && dangerous(s.charAt(1))) {
            return s.substring(1);
        }
        return s;
    }

    private static boolean dangerous(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0';
    }

    // ---- writing ----

    /**
     * One table: a header row and data rows. In XLSX it is one worksheet called {@code name};
     * {@code widths} sets column widths, and {@code styledHeader} makes the header bold, shaded and frozen.
     */
    public record Sheet(String name, List<String> header, List<? extends List<?>> rows,
                        Map<Integer, Integer> widths, boolean styledHeader) {
        public Sheet {
            rows = List.copyOf(rows);
            widths = Map.copyOf(widths);
        }

        public static Sheet of(String name, List<String> header, List<? extends List<?>> rows) {
            return new Sheet(name, header, rows, Map.of(), false);
        }

        public Sheet styled(Map<Integer, Integer> columnWidths) {
            return new Sheet(name, header, rows, columnWidths, true);
        }
    }

    /**
     * UTF-8 CSV with a BOM (so Excel reads Chinese correctly) and CRLF line ends; several sheets
     * follow one another, separated by an empty line.
     */
    public static byte[] csv(List<Sheet> sheets) {
        StringWriter w = new StringWriter();
        w.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            boolean first = true;
            for (Sheet s : sheets) {
                if (!first) {
                    p.println();
                }
                first = false;
                p.printRecord(s.header());
                for (List<?> row : s.rows()) {
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object v : row) {
                        cells.add(v instanceof Number ? v.toString() : guard(v == null ? null : String.valueOf(v)));
                    }
                    p.printRecord(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An XLSX workbook with one worksheet per sheet; empty text cells are left out. */
    public static byte[] xlsx(List<Sheet> sheets) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook wb = new Workbook(out, "Jingda", "1.0");
            for (Sheet s : sheets) {
                worksheet(wb.newWorksheet(s.name()), s);
            }
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void worksheet(Worksheet ws, Sheet s) throws IOException {
        List<String> header = s.header();
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            if (s.styledHeader()) {
                ws.style(0, c).bold().fillColor("DDEBF7").set();
            }
        }
        if (s.styledHeader()) {
            ws.freezePane(0, 1);
        }
        s.widths().forEach(ws::width);
        int r = 1;
        for (List<?> row : s.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else {
                    String text = guard(v == null ? null : String.valueOf(v));
                    if (!text.isEmpty()) {
                        ws.value(r, c, text);
                    }
                }
            }
            if (r % 1000 == 0) {
                ws.flush(); // keeps a large export's memory flat
            }
            r++;
        }
    }
}
