package io.jingda.question.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every import/export format, and how a file's format is found from its name or content. */
public final class Formats {
    private static final List<QuestionFormat> ALL = List.of(
            new NativeSetFormat(NativeFormat.Syntax.YAML),
            new NativeSetFormat(NativeFormat.Syntax.JSON),
            new CsvFormat(),
            new XlsxFormat(),
            new GiftFormat(),
            new AikenFormat(),
            new MoodleXmlFormat(),
            new NativeZipFormat());

    private Formats() {
    }

    public static List<QuestionFormat> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(QuestionFormat::id).toList();
    }

    public static Optional<QuestionFormat> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String k = id.strip().toLowerCase(Locale.ROOT);
        String key = switch (k) {
            case "yml" -> "yaml";
            case "xml", "moodle", "moodlexml", "moodle_xml" -> "moodle-xml";
            case "kahoot", "excel" -> "xlsx";
            default -> k;
        };
        return ALL.stream().filter(f -> f.id().equals(key)).findFirst();
    }

    /** By file name extension; {@code .txt} is ambiguous (GIFT or Aiken) and left to the content. */
    public static Optional<QuestionFormat> byFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = n.substring(dot + 1);
        return ALL.stream().filter(f -> f.extensions().contains(ext)).findFirst();
    }

    /** The format of a file: from its name, else from its first bytes. */
    public static Optional<QuestionFormat> detect(String fileName, byte[] data) {
        Optional<QuestionFormat> byName = byFileName(fileName);
        if (byName.isPresent()) {
            return byName;
        }
        if (data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4) {
            return byId("xlsx");
        }
        String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        for (String id : List.of("moodle-xml", "json", "gift", "aiken", "yaml")) {
            QuestionFormat f = byId(id).orElseThrow();
            if (f.sniff(head)) {
                return Optional.of(f);
            }
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            return byId("gift");
        }
        return Optional.empty();
    }

    /** Whether the bank loader reads files with this name. */
    public static boolean loadable(String fileName) {
        // a zip's pictures are stored through an import, not by the loader
        return byFileName(fileName).filter(f -> !f.id().equals("zip")).isPresent()
                || fileName.toLowerCase(Locale.ROOT).endsWith(".txt");
    }
}
