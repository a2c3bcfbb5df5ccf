package io.jingda.question.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionType;
import io.jingda.question.SourceDto;
import io.jingda.system.Spreadsheets;
import io.jingda.system.Text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our spreadsheet template, shared by CSV and XLSX: one row per question, columns found by their
 * header (English or Chinese, any order, case and spacing ignored). Lists (options, multiple or
 * text answers, tags) are separated by {@code |} inside a cell ({@code \|} for a literal bar), or by
 * line breaks. Options may also be given in columns "option A" to "option H".
 * Why one long class: it is the whole template, both directions (row to question and back), so that
 * a column, its aliases, its cell syntax and its export stay side by side and round-trip.
 */
public final class QuestionTable {

    /** The columns of the template, in export order. */
    public enum Column {
        ID("id", "编号", "题号"),
        TYPE("type", "题型", "类型", "questiontype"),
        STEM("stem", "question", "题干", "题目", "问题"),
        OPTIONS("options", "选项", "choices"),
        ANSWER("answer", "answers", "correctanswer", "答案", "正确答案"),
        TOLERANCE("tolerance", "误差", "容差", "允许误差"),
        EXPLANATION("explanation", "解析", "说明", "答案解析", "feedback"),
        TAGS("tags", "tag", "标签", "知识点"),
        DIFFICULTY("difficulty", "难度"),
        TIME_LIMIT("timeLimit", "time", "seconds", "timelimitsec", "时限", "时间", "答题时间", "限时"),
        POINTS("points", "score", "分值", "分数"),
        SOURCE("source", "report", "来源", "出处"),
        SOURCE_EXCERPT("sourceExcerpt", "excerpt", "摘录", "原文"),
        SOURCE_URL("sourceUrl", "url", "链接");

        final String header;
        final List<String> aliases;

        Column(String header, String... aliases) {
            this.header = header;
            List<String> all = new ArrayList<>();
            all.add(normalizeHeader(header));
            for (String a : aliases) {
                all.add(normalizeHeader(a));
            }
            this.aliases = List.copyOf(all);
        }

        public String header() {
            return header;
        }

        /** The DTO field an error on this column is reported against. */
        String field() {
            return switch (this) {
                case SOURCE -> "source.report";
                case SOURCE_EXCERPT -> "source.excerpt";
                case SOURCE_URL -> "source.url";
                default -> header;
            };
        }
    }

    private static final String OPTION_LETTERS = "ABCDEFGH";

    /** Which column index holds which template column; built from a header row. */
    public static final class Layout {
        final Map<Column, Integer> columns = new LinkedHashMap<>();
        final Map<Integer, Integer> optionColumns = new LinkedHashMap<>(); // option number (0-based) -> column
        final List<String> unknown = new ArrayList<>();
        final List<String> headers;
        /** A column of picture URLs ("image", "图片"): read only to say that its pictures are not fetched. */
        Integer imageColumn;

        Layout(List<String> headers) {
            this.headers = headers;
        }

        public boolean usable() {
            return columns.containsKey(Column.STEM) && columns.containsKey(Column.ANSWER);
        }

        public int matched() {
            return columns.size() + optionColumns.size();
        }

        public List<String> unknownHeaders() {
            return unknown;
        }

        /** Field name to column label, for pointing errors at cells. */
        Map<String, String> fieldColumns(java.util.function.IntFunction<String> label) {
            Map<String, String> m = new LinkedHashMap<>();
            columns.forEach((c, i) -> m.put(c.field().contains(".") ? c.field().substring(0, c.field().indexOf('.'))
                    : c.field(), label.apply(i)));
            if (!optionColumns.isEmpty() && !m.containsKey("options")) {
                m.put("options", label.apply(optionColumns.values().iterator().next()));
            }
            return m;
        }
    }

    private QuestionTable() {
    }

    public static List<String> headers() {
        List<String> h = new ArrayList<>();
        for (Column c : Column.values()) {
            h.add(c.header);
        }
        return h;
    }

    public static Layout layout(List<String> headerRow) {
        Layout l = new Layout(headerRow);
        for (int i = 0; i < headerRow.size(); i++) {
            String raw = headerRow.get(i) == null ? "" : headerRow.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            String n = normalizeHeader(raw);
            if (IMAGE_HEADERS.contains(n) && l.imageColumn == null) {
                l.imageColumn = i;
                continue;
            }
            Integer option = optionNumber(n);
            if (option != null) {
                l.optionColumns.putIfAbsent(option, i);
                continue;
            }
            Column found = null;
            for (Column c : Column.values()) {
                if (c.aliases.contains(n)) {
                    found = c;
                    break;
                }
            }
            if (found != null && !l.columns.containsKey(found)) {
                l.columns.put(found, i);
            } else {
                l.unknown.add(raw);
            }
        }
        return l;
    }

    private static Integer optionNumber(String n) {
        for (String prefix : List.of("option", "选项", "choice")) {
            if (n.startsWith(prefix) && n.length() == prefix.length() + 1) {
                char c = Character.toUpperCase(n.charAt(prefix.length()));
                int idx = OPTION_LETTERS.indexOf(c);
                if (idx >= 0) {
                    return idx;
                }
                if (c >= '1' && c <= '8') {
                    return c - '1';
                }
            }
        }
        return null;
    }

    static String normalizeHeader(String s) {
        String n = Text.fold(s);
        int paren = n.indexOf('(');
        if (paren > 0) {
            n = n.substring(0, paren);
        }
        return n.replaceAll("[\\s_\\-*:：.]", "");
    }

    /** Headers of a column of picture URLs, which an import never fetches. */
    static final java.util.Set<String> IMAGE_HEADERS = java.util.Set.of("image", "images", "picture", "imageurl",
            "图片", "配图", "图片链接");

    /**
     * A row read into a question; problems with single cells are added to {@code problems}, and what was
     * read but left out (a picture URL) to {@code warnings}, both as {field, message} pairs.
     */
    public record RowResult(QuestionDto question, List<String[]> problems, List<String[]> warnings) {
    }

    /**
     * Reads one data row. {@code cell(i)} gives the text of column i (never null). Cell problems
     * come back as {field, message} pairs.
     */
    public static RowResult read(Layout l, java.util.function.IntFunction<String> cell) {
        List<String[]> problems = new ArrayList<>();
        String id = text(l, Column.ID, cell);
        String typeText = text(l, Column.TYPE, cell);
        String stem = text(l, Column.STEM, cell);
        List<String> options = null;
        if (l.columns.containsKey(Column.OPTIONS)) {
            options = split(text(l, Column.OPTIONS, cell));
        }
        if (!l.optionColumns.isEmpty()) {
            List<String> fromColumns = new ArrayList<>();
            l.optionColumns.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                String v = Spreadsheets.unguard(cell.apply(e.getValue())).strip();
                if (!v.isEmpty()) {
                    fromColumns.add(v);
                }
            });
            if (!fromColumns.isEmpty()) {
                options = options == null || options.isEmpty() ? fromColumns : options;
            }
        }
        if (options != null && options.isEmpty()) {
            options = null;
        }
        String answerText = text(l, Column.ANSWER, cell);
        String type = typeText.isEmpty() ? inferType(options, answerText) : typeAlias(typeText);
        JsonNode answer = answer(type, answerText, options);
        Double tolerance = number(l, Column.TOLERANCE, cell, problems);
        Integer difficulty = difficulty(text(l, Column.DIFFICULTY, cell), problems);
        Integer timeLimit = integer(l, Column.TIME_LIMIT, cell, problems);
        Integer points = integer(l, Column.POINTS, cell, problems);
        List<String> tags = split(text(l, Column.TAGS, cell));
        String report = text(l, Column.SOURCE, cell);
        String excerpt = text(l, Column.SOURCE_EXCERPT, cell);
        String url = text(l, Column.SOURCE_URL, cell);
        SourceDto source = report.isEmpty() && excerpt.isEmpty() && url.isEmpty() ? null
                : new SourceDto(nullIfEmpty(report), nullIfEmpty(excerpt), nullIfEmpty(url));
        String explanation = text(l, Column.EXPLANATION, cell);
        QuestionDto q = new QuestionDto(nullIfEmpty(id), null, type, stem, options, answer, tolerance,
                nullIfEmpty(explanation), source, tags, difficulty, timeLimit, points);
        List<String[]> warnings = new ArrayList<>();
        String image = l.imageColumn == null ? "" : Spreadsheets.unguard(cell.apply(l.imageColumn)).strip();
        if (!image.isEmpty()) {
            warnings.add(new String[]{"image", "the picture '" + (image.length() > 80 ? image.substring(0, 77) + "..."
                    : image) + "' was not fetched (the server makes no outbound calls) and the question is imported"
                    + " without it; attach the picture in the question editor after the import"});
        }
        return new RowResult(q, problems, warnings);
    }

    /** True when every cell of the row is blank. */
    public static boolean blank(int width, java.util.function.IntFunction<String> cell) {
        for (int i = 0; i < width; i++) {
            if (!cell.apply(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** One question as template cells, in {@link #headers()} order, with the formula guard ({@link Spreadsheets#guard}) applied. */
    public static List<String> row(QuestionDto q) {
        List<String> r = new ArrayList<>();
        for (Column c : Column.values()) {
            r.add(Spreadsheets.guard(cellText(c, q)));
        }
        return r;
    }

    static String cellText(Column c, QuestionDto q) {
        return switch (c) {
            case ID -> nz(q.id());
            case TYPE -> nz(q.type());
            case STEM -> nz(q.stem());
            case OPTIONS -> q.options() == null ? "" : join(q.options());
            case ANSWER -> answerText(q.answer());
            case TOLERANCE -> q.tolerance() == null ? "" : number(q.tolerance());
            case EXPLANATION -> nz(q.explanation());
            case TAGS -> q.tags() == null ? "" : join(q.tags());
            case DIFFICULTY -> q.difficulty() == null ? "" : q.difficulty().toString();
            case TIME_LIMIT -> q.timeLimit() == null ? "" : q.timeLimit().toString();
            case POINTS -> q.points() == null ? "" : q.points().toString();
            case SOURCE -> q.source() == null ? "" : nz(q.source().report());
            case SOURCE_EXCERPT -> q.source() == null ? "" : nz(q.source().excerpt());
            case SOURCE_URL -> q.source() == null ? "" : nz(q.source().url());
        };
    }

    private static String answerText(JsonNode a) {
        if (a == null || a.isNull()) {
            return "";
        }
        if (a.isArray()) {
            List<String> parts = new ArrayList<>();
            a.forEach(n -> parts.add(n.asText()));
            return join(parts);
        }
        if (a.isNumber()) {
            return number(a.doubleValue());
        }
        return a.asText();
    }

    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---- lists in a cell ----

    static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(p.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return sb.toString();
    }

    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        boolean bars = hasUnescapedBar(cell);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length() && (cell.charAt(i + 1) == '|' || cell.charAt(i + 1) == '\\')) {
                cur.append(cell.charAt(++i));
            } else if (bars ? c == '|' : c == '\n') {
                add(out, cur);
            } else if (!(c == '\r' && !bars)) {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static boolean hasUnescapedBar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '|') {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = Spreadsheets.unguard(cur.toString().strip());
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    // ---- cells to values ----

    private static String text(Layout l, Column c, java.util.function.IntFunction<String> cell) {
        Integer i = l.columns.get(c);
        return i == null ? "" : Spreadsheets.unguard(cell.apply(i)).strip();
    }

    private static String typeAlias(String t) {
        String n = t.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "_");
        return switch (n) {
            case "单选", "单选题", "单项选择", "单项选择题", "single_choice", "singlechoice", "choice", "mc" -> "single";
            case "多选", "多选题", "多项选择", "多项选择题", "multiple_choice", "multiplechoice", "multi" -> "multiple";
            case "判断", "判断题", "truefalse", "true/false", "tf", "boolean", "是非题" -> "true_false";
            case "填空", "填空题", "简答", "简答题", "short_answer", "shortanswer", "fill" -> "text";
            case "数值", "数值题", "数字", "计算题", "number", "numerical" -> "numeric";
            case "排序", "排序题", "order", "sort", "sequence" -> "ordering";
            case "投票", "投票题", "调查", "调查题", "问卷", "survey", "vote" -> "poll";
            default -> t.strip();
        };
    }

    private static String inferType(List<String> options, String answer) {
        if (options != null && !options.isEmpty()) {
            List<String> parts = split(answer);
            return parts.size() > 1 || letters(answer, options.size()).map(x -> x.size() > 1).orElse(false)
                    && !options.contains(answer) ? "multiple" : "single";
        }
        if (trueFalse(answer) != null) {
            return "true_false";
        }
        try {
            Double.parseDouble(answer);
            return "numeric";
        } catch (NumberFormatException e) {
            return "text";
        }
    }

    private static JsonNode answer(String type, String text, List<String> options) {
        if (text.isEmpty()) {
            return null;
        }
        QuestionType t = QuestionType.parse(type).orElse(null);
        if (t == null) {
            return TextNode.valueOf(text);
        }
        switch (t) {
            case SINGLE -> {
                if (options != null && !options.contains(text)) {
                    Optional<List<Integer>> idx = letters(text, options.size());
                    if (idx.isPresent() && idx.get().size() == 1) {
                        return TextNode.valueOf(options.get(idx.get().get(0)));
                    }
                }
                return TextNode.valueOf(text);
            }
            case MULTIPLE -> {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                List<String> parts = split(text);
                boolean allOptions = options != null && options.containsAll(parts);
                Optional<List<Integer>> idx = options == null || allOptions ? Optional.empty() : letters(text, options.size());
                if (idx.isPresent()) {
                    idx.get().forEach(i -> arr.add(options.get(i)));
                } else {
                    parts.forEach(arr::add);
                }
                return arr;
            }
            case TRUE_FALSE -> {
                Boolean b = trueFalse(text);
                return b == null ? TextNode.valueOf(text) : BooleanNode.valueOf(b);
            }
            case TEXT -> {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                split(text).forEach(arr::add);
                return arr;
            }
            case NUMERIC -> {
                return TextNode.valueOf(text);
            }
            case ORDERING -> {
                // the option texts in the right order, or their letters in that order ("CADB", "C,A,D,B")
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                List<String> parts = split(text);
                Optional<List<Integer>> idx = options == null || options.containsAll(parts) ? Optional.empty()
                        : orderLetters(text, options.size());
                if (idx.isPresent()) {
                    idx.get().forEach(i -> arr.add(options.get(i)));
                } else {
                    parts.forEach(arr::add);
                }
                return arr;
            }
            case POLL -> {
                return TextNode.valueOf(text); // a poll has no answer: the rules name the cell
            }
            default -> throw new IllegalStateException();
        }
    }

    /** "B", "AC", "A,C", "A|C", "A、C": option letters within range, or empty. */
    static Optional<List<Integer>> letters(String text, int optionCount) {
        String s = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s,，、|;；/]", "");
        if (s.isEmpty() || s.length() > optionCount) {
            return Optional.empty();
        }
        return distinctLetters(s, optionCount).map(out -> {
            out.sort(null);
            return out;
        });
    }

    /** "CADB", "C,A,D,B": every option's letter once, in the order given, or empty. */
    static Optional<List<Integer>> orderLetters(String text, int optionCount) {
        String s = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s,，、|;；/>＞]", "");
        return s.length() != optionCount ? Optional.empty() : distinctLetters(s, optionCount);
    }

    /** The options the letters of {@code s} name, in its order; empty if one is out of range or repeated. */
    private static Optional<List<Integer>> distinctLetters(String s, int optionCount) {
        List<Integer> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            int i = OPTION_LETTERS.indexOf(c);
            if (i < 0 || i >= optionCount || out.contains(i)) {
                return Optional.empty();
            }
            out.add(i);
        }
        return Optional.of(out);
    }

    static Boolean trueFalse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "对", "正确", "是", "√", "✓", "✔" -> Boolean.TRUE;
            case "false", "f", "no", "n", "错", "错误", "否", "×", "✗", "✘", "x" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Double number(Layout l, Column c, java.util.function.IntFunction<String> cell, List<String[]> problems) {
        String s = text(l, c, cell);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            problems.add(new String[]{c.field(), "'" + s + "' is not a number"});
            return null;
        }
    }

    private static Integer integer(Layout l, Column c, java.util.function.IntFunction<String> cell, List<String[]> problems) {
        String s = text(l, c, cell);
        if (s.isEmpty()) {
            return null;
        }
        String digits = s.replaceAll("(?i)\\s*(s|sec|secs|seconds|秒)$", "");
        try {
            BigDecimal d = new BigDecimal(digits);
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new String[]{c.field(), "'" + s + "' is not a whole number"});
            return null;
        }
    }

    private static Integer difficulty(String s, List<String[]> problems) {
        if (s.isEmpty()) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "easy", "易", "简单", "低" -> {
                return 1;
            }
            case "medium", "中", "中等", "一般" -> {
                return 2;
            }
            case "hard", "难", "困难", "高" -> {
                return 3;
            }
            default -> {
                try {
                    return new BigDecimal(s).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add(new String[]{"difficulty", "'" + s + "' is not 1, 2 or 3 (or easy, medium, hard)"});
                    return null;
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
