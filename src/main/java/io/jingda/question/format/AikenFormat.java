package io.jingda.question.format;

import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's Aiken format: a question line, options {@code A.} or {@code A)}, then {@code ANSWER: X}.
 * It holds single-answer multiple choice only; exports leave out (and list) every other question.
 * A line of text after a question's options starts the next question, so a question that lacks its
 * ANSWER line is an error of its own and does not swallow the one after it.
 */
public final class AikenFormat implements QuestionFormat {
    private static final Pattern OPTION = Pattern.compile("^([A-Z])[.)．）]\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER\\s*[:：]\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "aiken";
    }

    @Override
    public List<String> extensions() {
        return List.of("aiken");
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=UTF-8";
    }

    @Override
    public boolean sniff(String head) {
        return head.lines().anyMatch(l -> ANSWER.matcher(l.strip()).matches())
                && head.lines().anyMatch(l -> OPTION.matcher(l.strip()).matches());
    }

    @Override
    public ParseResult parse(byte[] data, ImportLimits limits) throws FormatException {
        TextInput.Decoded decoded = TextInput.readLines(data, limits);
        String text = decoded.text();
        ResultBuilder out = new ResultBuilder(id(), limits);
        out.encoding = decoded.encoding();
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String> stem = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<Character> letters = new ArrayList<>();
        int start = 0;
        boolean broken = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (answer.matches() && stem.isEmpty()) {
                // a second ANSWER line, or one with nothing before it: never the start of the next question's stem
                out.error(Position.line(lineNo), "answer", "this ANSWER: line belongs to no question (is it repeated,"
                        + " or is the question above it missing?)");
                continue;
            }
            if (!answer.matches() && !option.matches() && !options.isEmpty()) {
                // text after the options: the question above has no ANSWER line, and this line starts the next one
                if (!broken) {
                    out.error(Position.line(start), "answer", "the question has no ANSWER: line before line " + lineNo
                            + ", where the next question starts");
                }
                stem.clear();
                options.clear();
                letters.clear();
                broken = false;
            }
            if (stem.isEmpty()) {
                start = lineNo;
                out.countItem();
            }
            if (answer.matches()) {
                if (!broken) {
                    finish(stem, options, letters, answer.group(1).strip(), Position.line(start), lineNo, out);
                }
                stem.clear();
                options.clear();
                letters.clear();
                broken = false;
            } else if (option.matches() && !stem.isEmpty()) {
                char letter = option.group(1).charAt(0);
                if (!broken && letter != (char) ('A' + options.size())) {
                    out.error(Position.line(lineNo), "options", "option " + letter + " is out of order: expected "
                            + (char) ('A' + options.size()));
                    broken = true;
                }
                letters.add(letter);
                options.add(option.group(2).strip());
            } else {
                stem.add(line);
            }
        }
        if (!stem.isEmpty() && !broken) {
            out.error(Position.line(start), "answer", "the question has no ANSWER: line (is the file truncated?)");
        }
        return out.build();
    }

    private static void finish(List<String> stem, List<String> options, List<Character> letters, String answer,
                               Position pos, int answerLine, ResultBuilder out) {
        if (options.isEmpty()) {
            out.error(pos, "options", "the question has no options (A. ... B. ...)");
            return;
        }
        int idx = answer.length() == 1 ? letters.indexOf(Character.toUpperCase(answer.charAt(0))) : -1;
        if (idx < 0) {
            out.error(Position.line(answerLine), "answer", "ANSWER: must be one option letter"
                    + " (A to " + letters.get(letters.size() - 1) + "), got '" + answer + "'");
            return;
        }
        out.question(new QuestionDto(null, null, "single", String.join("\n", stem), List.copyOf(options),
                TextNode.valueOf(options.get(idx)), null, null, null, null, null, null, null), pos);
    }

    @Override
    public ExportResult write(QuestionSetDto set, List<QuestionDto> questions) {
        StringBuilder sb = new StringBuilder();
        List<ExportResult.Omission> omitted = new ArrayList<>();
        for (QuestionDto q : questions) {
            if (!"single".equals(q.type())) {
                omitted.add(new ExportResult.Omission(q.id(), "Aiken holds single-answer questions only; this one is "
                        + q.type()));
                continue;
            }
            if (q.options().size() > 26 || OPTION.matcher(flat(q.stem())).matches()
                    || ANSWER.matcher(flat(q.stem())).matches()) {
                omitted.add(new ExportResult.Omission(q.id(), "its stem would be read back as an option or answer line"));
                continue;
            }
            sb.append(flat(q.stem())).append('\n');
            for (int i = 0; i < q.options().size(); i++) {
                sb.append((char) ('A' + i)).append(". ").append(flat(q.options().get(i))).append('\n');
            }
            sb.append("ANSWER: ").append((char) ('A' + q.options().indexOf(q.answer().asText()))).append("\n\n");
        }
        return new ExportResult(sb.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(omitted));
    }

    /** Aiken is line based: a line break inside a stem or option becomes a space. */
    private static String flat(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
