package io.jingda.contest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A self-paced contest's list of units (单位, 支部): each with an optional parent unit (by name) and an expected
 * headcount. The one place of the rules of a unit's name, its key (how two spellings are the same unit) and a
 * list's consistency: unique names, parents that exist, no loops. The file formats are {@link UnitListFile}'s.
 */
public final class UnitList {
    public static final int MAX_UNITS = 5000;
    public static final int MAX_NAME = 60;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private UnitList() {
    }

    /** One unit as the organizer gave it; {@code row} is where (1-based data row, or the JSON index + 1). */
    public record Line(int row, String name, String parent, Integer headcount) {
    }

    /** A unit's name as shown: trimmed, inner runs of white space made one space. */
    public static String display(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ");
    }

    /** What two spellings of one unit share: NFKC, lower case, no white space ({@code 第一 支部} = {@code 第一支部}). */
    public static String key(String name) {
        return SPACES.matcher(Text.fold(name)).replaceAll("");
    }

    /** The {@code units} of a contest request: a JSON array of {@code {name, parent, headcount}}. */
    public static List<Line> fromJson(JsonNode units, String field, List<FieldError> errors) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            JsonNode u = units.get(i);
            String f = field + "[" + i + "]";
            if (u == null || !u.isObject()) {
                errors.add(new FieldError(f, "must be {\"name\": …, \"parent\": …, \"headcount\": …}"));
                continue;
            }
            JsonNode head = u.get("headcount");
            Integer headcount = null;
            if (head != null && !head.isNull()) {
                if (!head.canConvertToInt() || !head.isIntegralNumber()) {
                    errors.add(new FieldError(f + ".headcount", "must be a whole number"));
                    continue;
                }
                headcount = head.intValue();
            }
            lines.add(new Line(i + 1, text(u.get("name")), text(u.get("parent")), headcount));
        }
        check(lines, (row, column) -> field + "[" + (row - 1) + "]." + column, errors);
        return lines;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Names a place in the list: a JSON field or a file's row and column. */
    public interface Where {
        String at(int row, String column);
    }

    /** Checks a list; each problem is named by {@code where} (row, column). */
    public static void check(List<Line> lines, Where where, List<FieldError> errors) {
        if (lines.size() > MAX_UNITS) {
            errors.add(new FieldError(where.at(MAX_UNITS + 1, "name"), "at most " + MAX_UNITS + " units"));
            return;
        }
        Map<String, Line> byKey = new HashMap<>();
        for (Line l : lines) {
            if (l.name() == null || display(l.name()).isEmpty() || display(l.name()).length() > MAX_NAME) {
                errors.add(new FieldError(where.at(l.row(), "name"), "is required, at most " + MAX_NAME + " characters"));
                continue;
            }
            Line before = byKey.putIfAbsent(key(l.name()), l);
            if (before != null) {
                errors.add(new FieldError(where.at(l.row(), "name"), "'" + display(l.name())
                        + "' is listed twice (also at " + before.row() + ")"));
            }
            if (l.headcount() != null && (l.headcount() < 1 || l.headcount() > 10_000_000)) {
                errors.add(new FieldError(where.at(l.row(), "headcount"), "must be between 1 and 10000000"));
            }
        }
        for (Line l : lines) {
            if (l.parent() == null || display(l.parent()).isEmpty() || l.name() == null) {
                continue;
            }
            if (!byKey.containsKey(key(l.parent()))) {
                errors.add(new FieldError(where.at(l.row(), "parent"), "'" + display(l.parent())
                        + "' is not a unit of the list"));
            } else if (loops(l, byKey)) {
                errors.add(new FieldError(where.at(l.row(), "parent"), "'" + display(l.name())
                        + "' would be its own parent (a loop)"));
            }
        }
    }

    private static boolean loops(Line start, Map<String, Line> byKey) {
        Set<String> seen = new HashSet<>();
        Line l = start;
        while (l != null && l.parent() != null && !display(l.parent()).isEmpty()) {
            if (!seen.add(key(l.name()))) {
                return true;
            }
            l = byKey.get(key(l.parent()));
        }
        return false;
    }

    /** Throws the 400 of a list with problems. */
    public static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
