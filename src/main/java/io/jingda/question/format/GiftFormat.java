package io.jingda.question.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSetDto;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moodle's GIFT text format. Reads multiple choice ({@code =}/{@code ~}, multi-answer with
 * {@code ~%50%}), true/false, short answer, numeric ({@code #3:2}, {@code #1..5}), titles,
 * feedback, general feedback ({@code ####}, kept as the explanation), {@code $CATEGORY:},
 * escapes and {@code //} comments. Matching, essay and cloze-like items are skipped with a reason.
 * Why one long class: it is one hand-written parser of one grammar, whose scanner and answer-block
 * rules share state and positions; split, the pieces would only make sense together.
 */
public final class GiftFormat implements QuestionFormat {
    private static final java.util.regex.Pattern IMG = java.util.regex.Pattern.compile("(?i)<img[\\s/>]");

    @Override
    public String id() {
        return "gift";
    }

    @Override
    public List<String> extensions() {
        return List.of("gift");
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=UTF-8";
    }

    @Override
    public boolean sniff(String head) {
        return head.contains("::") && head.contains("{") || head.contains("$CATEGORY:");
    }

    /**
     * As Moodle does: the file is cut into questions at blank lines first, so a broken question can
     * never swallow the next one. A line whose first non-blank characters are {@code //} is a
     * comment wherever it stands (it neither ends a question nor belongs to one). A block that starts
     * with {@code $CATEGORY:} sets the category.
     */
    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        TextInput.Decoded decoded = TextInput.readLines(data, limits);
        ResultBuilder out = new ResultBuilder(id(), limits);
        out.encoding = decoded.encoding();
        String[] lines = decoded.text().split("\r\n|\r|\n", -1);
        List<String> block = new ArrayList<>();
        int blockStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    block(block, blockStart, i < lines.length ? i + 1 : 0, out);
                    block.clear();
                }
                continue;
            }
            if (block.isEmpty()) {
                blockStart = i + 1;
            }
            // a comment keeps its place (blank) so that offsets still count lines
            block.add(line.strip().startsWith("//") ? "" : line);
        }
        return out.build();
    }

    /**
     * One block of lines between blank lines, the first being line {@code first} of the file (1-based);
     * {@code end} is the blank line that ended it, 0 at the end of the file.
     */
    private static void block(List<String> lines, int first, int end, ResultBuilder out) throws FormatException {
        int skip = 0;
        while (skip < lines.size() && lines.get(skip).isEmpty()) {
            skip++;
        }
        if (skip == lines.size()) {
            return; // comments only
        }
        String head = lines.get(skip).strip();
        if (head.startsWith("$CATEGORY:")) {
            out.category = categoryName(head.substring("$CATEGORY:".length()));
            skip++;
            while (skip < lines.size() && lines.get(skip).isEmpty()) {
                skip++;
            }
            if (skip == lines.size()) {
                return;
            }
            out.warning(Position.line(first + skip), null, "a question follows the $CATEGORY: line without a blank"
                    + " line; it is read here, but Moodle would take it as part of the category's name");
        }
        item(String.join("\n", lines.subList(skip, lines.size())), first + skip, end, out);
    }

    static String categoryName(String raw) {
        String c = raw.strip();
        c = c.replaceFirst("^\\$(course|cat1|cat2|cat3|system|module)\\$/", "");
        c = c.replaceFirst("^top/", "");
        int slash = c.lastIndexOf('/');
        String last = slash >= 0 ? c.substring(slash + 1) : c;
        return last.isBlank() || last.equals("top") ? null : last.strip();
    }

    /**
     * One question: {@code raw} is its lines joined with line breaks, the first being line {@code line}
     * of the file; {@code end} is the blank line that ended it, 0 at the end of the file.
     */
    private static void item(String raw, int line, int end, ResultBuilder out) throws FormatException {
        out.countItem();
        Position pos = Position.line(line);
        String s = raw.strip();
        String title = null;
        if (s.startsWith("::")) {
            int close = indexOfUnescaped(s, "::", 2);
            if (close < 0) {
                out.error(pos, "title", "the title opened with :: is not closed with :: before "
                        + ending(end));
                return;
            }
            title = unescape(s.substring(2, close)).strip();
            s = s.substring(close + 2).strip();
        }
        boolean html = false;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            String fmt = close > 0 ? s.substring(1, close).toLowerCase(Locale.ROOT) : "";
            if (List.of("html", "moodle", "plain", "markdown").contains(fmt)) {
                html = fmt.equals("html") || fmt.equals("moodle");
                s = s.substring(close + 1).strip();
            }
        }
        int open = indexOfUnescaped(s, "{", 0);
        int stray = indexOfUnescaped(s, "}", 0);
        if (stray >= 0 && (open < 0 || stray < open)) {
            int at = lineOf(raw, s, stray, line);
            out.error(Position.line(at), "answer", "this } closes no answer block: the { that"
                    + " opens it is missing, or a blank line ended the question before it (write \\} for a brace in"
                    + " the text)");
            return;
        }
        if (open < 0) {
            out.skip(pos, "a description (text without an answer block {...}) is not a question");
            return;
        }
        int close = indexOfUnescaped(s, "}", open + 1);
        if (close < 0) {
            int at = lineOf(raw, s, open, line);
            out.error(Position.line(at), "answer", "the answer block opened with { is not closed"
                    + " with } before " + ending(end) + " (a blank line ends a question; write \\{ for a brace"
                    + " in the text)");
            return;
        }
        String before = s.substring(0, open).strip();
        String after = s.substring(close + 1).strip();
        String block = s.substring(open + 1, close);
        if (html && IMG.matcher(s).find()) {
            out.warning(pos, null, "a picture (<img>) in the HTML text was dropped: GIFT carries no picture files;"
                    + " attach the picture in the question editor after the import");
        }
        if (indexOfUnescaped(after, "{", 0) >= 0) {
            out.skip(pos, "embedded answers (cloze: several answer blocks in one question) have no type here");
            return;
        }
        String stem = text(before, html);
        if (!after.isEmpty()) {
            stem = stem + " _____ " + text(after, html);
        }
        String explanation = null;
        int general = indexOfUnescaped(block, "####", 0);
        if (general >= 0) {
            explanation = text(block.substring(general + 4), html);
            block = block.substring(0, general);
        }
        String b = block.strip();
        String id = title != null && QuestionRules.ID.matcher(title).matches() ? title : null;
        if (b.isEmpty()) {
            out.skip(pos, "an essay question (empty answer block {}) has no type here");
            return;
        }
        if (b.startsWith("#")) {
            numeric(b.substring(1), pos, out, id, stem, explanation);
            return;
        }
        String tf = cutFeedback(b).strip().toUpperCase(Locale.ROOT);
        if (tf.equals("T") || tf.equals("TRUE") || tf.equals("F") || tf.equals("FALSE")) {
            out.question(question(id, "true_false", stem, null, BooleanNode.valueOf(tf.startsWith("T")), null,
                    explanation), pos);
            return;
        }
        List<Choice> choices = choices(b);
        if (choices.isEmpty()) {
            out.error(pos, "answer", "the answer block must start its answers with = or ~ (or be T, F or #number)");
            return;
        }
        if (choices.stream().anyMatch(c -> indexOfUnescaped(c.text, "->", 0) >= 0)) {
            out.skip(pos, "a matching question (pairs with ->) has no type here");
            return;
        }
        boolean anyTilde = choices.stream().anyMatch(c -> c.tilde);
        boolean isHtml = html;
        List<String> texts = choices.stream().map(c -> text(c.text, isHtml)).toList();
        if (!anyTilde) {
            // only '=' answers: short answer; partial-credit answers are not accepted answers here
            ArrayNode accepted = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < choices.size(); i++) {
                Choice c = choices.get(i);
                if (c.weight == null || c.weight >= 100) {
                    accepted.add(texts.get(i));
                } else {
                    out.warning(pos, "answer", "the partial-credit answer '" + texts.get(i) + "' (" + fmt(c.weight)
                            + "%) was left out: only fully correct answers are accepted");
                }
            }
            out.question(question(id, "text", stem, null, accepted, null, explanation), pos);
            return;
        }
        List<String> correct = new ArrayList<>();
        boolean weighted = false;
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).correct) {
                correct.add(texts.get(i));
                weighted |= choices.get(i).weight != null && choices.get(i).weight < 100;
            }
        }
        if (correct.isEmpty()) {
            out.error(pos, "answer", "no answer is marked correct (with = or a positive ~%weight%)");
            return;
        }
        JsonNode answer;
        String type;
        if (correct.size() == 1 && !weighted) {
            type = "single";
            answer = TextNode.valueOf(correct.get(0));
        } else {
            type = "multiple";
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            correct.forEach(arr::add);
            answer = arr;
        }
        out.question(question(id, type, stem, texts, answer, null, explanation), pos);
    }

    /** Which line holds {@code s.charAt(index)}, where {@code s} is {@code raw} less what was cut off its front. */
    private static int lineOf(String raw, String s, int index, int firstLine) {
        // s is raw with a title, a [format] and surrounding white space cut off: its end is raw's stripped end
        int offset = raw.stripTrailing().length() - s.length() + index;
        int line = firstLine;
        for (int i = 0; i < offset && i < raw.length(); i++) {
            if (raw.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** "the blank line at line N" or "the end of the file", for messages about something left open. */
    private static String ending(int end) {
        return end == 0 ? "the end of the file" : "the blank line at line " + end;
    }

    private static void numeric(String body, Position pos, ResultBuilder out, String id, String stem, String explanation) {
        List<String> parts = new ArrayList<>();
        String b = body.strip();
        if (b.startsWith("=")) {
            for (Choice c : choices(b)) {
                if (c.weight == null || c.weight >= 100) {
                    parts.add(c.text);
                }
            }
        } else {
            parts.add(b);
        }
        if (parts.isEmpty()) {
            out.error(pos, "answer", "a numeric question needs a fully correct answer");
            return;
        }
        String spec = cutFeedback(parts.get(0)).strip();
        try {
            BigDecimal value;
            BigDecimal tolerance = null;
            int range = spec.indexOf("..");
            int colon = spec.indexOf(':');
            if (range > 0) {
                BigDecimal lo = new BigDecimal(spec.substring(0, range).strip());
                BigDecimal hi = new BigDecimal(spec.substring(range + 2).strip());
                if (hi.compareTo(lo) < 0) {
                    out.error(pos, "answer", "the range " + spec + " ends below its start");
                    return;
                }
                value = lo.add(hi).divide(BigDecimal.valueOf(2));
                tolerance = hi.subtract(lo).divide(BigDecimal.valueOf(2));
            } else if (colon > 0) {
                value = new BigDecimal(spec.substring(0, colon).strip());
                tolerance = new BigDecimal(spec.substring(colon + 1).strip());
            } else {
                value = new BigDecimal(spec);
            }
            Double tol = tolerance == null || tolerance.signum() == 0 ? null : tolerance.doubleValue();
            JsonNode answer = DoubleNode.valueOf(value.doubleValue());
            out.question(question(id, "numeric", stem, null, answer, tol, explanation), pos);
        } catch (NumberFormatException | ArithmeticException e) {
            out.error(pos, "answer", "'" + spec + "' is not a number, number:tolerance or min..max");
        }
    }

    private static QuestionDto question(String id, String type, String stem, List<String> options, JsonNode answer,
                                        Double tolerance, String explanation) {
        return new QuestionDto(id, null, type, stem, options, answer, tolerance,
                explanation == null || explanation.isBlank() ? null : explanation, null, null, null, null, null);
    }

    private record Choice(boolean tilde, Double weight, String text, boolean correct) {
    }

    /** Splits "=a#fb ~%50%b ~c" into answers at unescaped = and ~; per-answer feedback is dropped. */
    private static List<Choice> choices(String block) {
        List<Choice> out = new ArrayList<>();
        int start = -1;
        char kind = 0;
        for (int i = 0; i <= block.length(); i++) {
            char c = i < block.length() ? block.charAt(i) : 0;
            if (c == '\\' && i + 1 < block.length()) {
                i++;
                continue;
            }
            if (i == block.length() || c == '=' || c == '~') {
                if (start >= 0) {
                    out.add(choice(kind, block.substring(start, i)));
                } else if (i > 0 && !block.substring(0, i).isBlank()) {
                    return List.of();
                }
                start = i + 1;
                kind = c;
            }
        }
        return out;
    }

    private static Choice choice(char kind, String raw) {
        String t = cutFeedback(raw).strip();
        Double weight = null;
        if (t.startsWith("%")) {
            int close = t.indexOf('%', 1);
            if (close > 0) {
                try {
                    weight = Double.parseDouble(t.substring(1, close));
                    t = t.substring(close + 1).strip();
                } catch (NumberFormatException e) {
                    weight = null;
                }
            }
        }
        boolean correct = kind == '=' ? weight == null || weight > 0 : weight != null && weight > 0;
        return new Choice(kind == '~', weight, t, correct);
    }

    private static String cutFeedback(String s) {
        int hash = indexOfUnescaped(s, "#", 0);
        return hash >= 0 ? s.substring(0, hash) : s;
    }

    static int indexOfUnescaped(String s, String token, int from) {
        for (int i = from; i <= s.length() - token.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
                continue;
            }
            if (s.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(String raw, boolean html) {
        String t = unescape(raw.strip());
        return html ? Html.toText(t) : t.strip();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if ("~=#{}:\\".indexOf(n) >= 0) {
                    sb.append(n);
                    i++;
                    continue;
                }
                if (n == 'n') {
                    sb.append('\n');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("~=#{}:\\".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return QuestionTable.number(d);
    }

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(set.title() == null ? set.id() : set.title().replace('\n', ' '))
                .append(" (Jingda set ").append(set.id()).append(")\n");
        sb.append("// GIFT has no fields for tags, difficulty, time limit, points or source; they are not in this file.\n\n");
        sb.append("$CATEGORY: $course$/top/").append(set.title() == null ? set.id()
                : set.title().replace('/', '-').replace('\n', ' ')).append("\n\n");
        List<ExportResult.Omission> omitted = new ArrayList<>();
        for (QuestionDto q : questions) {
            if ("ordering".equals(q.type()) || "poll".equals(q.type())) {
                omitted.add(new ExportResult.Omission(q.id(), "GIFT has no " + ("poll".equals(q.type())
                        ? "question without a correct answer (poll)" : "ordering question")
                        + "; export the set as Moodle XML" + ("poll".equals(q.type()) ? ", YAML or JSON" : ", YAML, JSON, CSV or XLSX")
                        + " to keep it"));
                continue;
            }
            if (q.id() != null) {
                sb.append("::").append(escape(q.id())).append("::");
            }
            sb.append(escape(q.stem())).append(" {");
            JsonNode a = q.answer();
            switch (q.type()) {
                case "single" -> {
                    for (String o : q.options()) {
                        sb.append(o.equals(a.asText()) ? "\n\t=" : "\n\t~").append(escape(o));
                    }
                    sb.append('\n');
                }
                case "multiple" -> {
                    List<String> right = new ArrayList<>();
                    a.forEach(n -> right.add(n.asText()));
                    // five decimals, as in Moodle's list of grades (33.33333, 16.66667, ...)
                    String weight = new BigDecimal(100).divide(BigDecimal.valueOf(right.size()), 5,
                            java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
                    for (String o : q.options()) {
                        sb.append("\n\t~%").append(right.contains(o) ? weight : "-100").append('%').append(escape(o));
                    }
                    sb.append('\n');
                }
                case "true_false" -> sb.append(a.asBoolean() ? "TRUE" : "FALSE");
                case "text" -> a.forEach(n -> sb.append('=').append(escape(n.asText())).append(' '));
                case "numeric" -> {
                    sb.append('#').append(fmt(a.asDouble()));
                    if (q.tolerance() != null) {
                        sb.append(':').append(fmt(q.tolerance()));
                    }
                }
                default -> throw new IllegalStateException(q.type());
            }
            if (q.explanation() != null) {
                sb.append("####").append(escape(q.explanation()));
            }
            sb.append("}\n\n");
        }
        return new ExportResult(sb.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(omitted));
    }
}
