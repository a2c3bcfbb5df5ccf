package io.jingda.contest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Results as CSV or XLSX. Every text cell goes through {@link #guard}: a cell that a
 * spreadsheet would read as a formula (=, +, -, @, TAB, CR, NUL first) is prefixed with '.
 */
public final class ResultsExport {
    private ResultsExport() {
    }

    public static String guard(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0' ? "'" + s : s;
    }

    static final List<String> STANDINGS = List.of("rank", "nickname", "score", "correct", "correct_time_ms");
    static final List<String> QUESTIONS = List.of("index", "question", "type", "answered", "correct_percent",
            "average_time_ms", "distribution");

    static List<List<Object>> standingRows(ResultsService.Results r) {
        return r.standings().stream().map(s -> List.<Object>of(s.rank(), s.nickname(), s.score(), s.correct(),
                s.correctTimeMs())).toList();
    }

    static List<List<Object>> questionRows(ResultsService.Results r) {
        return r.questions().stream().map(q -> List.<Object>of(q.index() + 1, q.stem(), q.type(), q.answered(),
                q.correctPercent(), q.averageTimeMs() == null ? "" : q.averageTimeMs(), distribution(q))).toList();
    }

    private static String distribution(ResultsService.QuestionStat q) {
        if (q.options() != null) {
            return q.options().stream().map(o -> (o.correct() ? "✓" : "") + o.text() + ": " + o.count())
                    .collect(Collectors.joining("; "));
        }
        return q.distribution().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    public static byte[] csv(ResultsService.Results r) {
        StringBuilder sb = new StringBuilder("\uFEFF"); // BOM: Excel then reads UTF-8 (Chinese) correctly
        line(sb, List.copyOf(STANDINGS));
        standingRows(r).forEach(row -> line(sb, row));
        sb.append("\r\n");
        line(sb, List.copyOf(QUESTIONS));
        questionRows(r).forEach(row -> line(sb, row));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells.get(i);
            String s = v instanceof Number ? v.toString() : guard(String.valueOf(v));
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    public static byte[] xlsx(ResultsService.Results r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(wb.createSheet("Standings"), STANDINGS, standingRows(r));
            sheet(wb.createSheet("Questions"), QUESTIONS, questionRows(r));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Sheet sheet, List<String> header, List<List<Object>> rows) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
        }
        int n = 1;
        for (List<Object> row : rows) {
            Row x = sheet.createRow(n++);
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v instanceof Number num) {
                    x.createCell(i).setCellValue(num.doubleValue());
                } else {
                    x.createCell(i).setCellValue(guard(String.valueOf(v)));
                }
            }
        }
    }
}
