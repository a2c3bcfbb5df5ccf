package io.jingda.question;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.media.MediaUrls;
import io.jingda.system.FieldError;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every question obeys, whatever path it comes in by (REST, the questions/ files, imports).
 * Pure: no database. {@link #check} returns the question with defaults applied and its answer in
 * canonical form, or the list of what is wrong.
 * Why one long class: it is the one place for every field's rule and every type's answer shape (seven types), so
 * that no path in can hold a rule of its own.
 */
public final class QuestionRules {
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 8;
    public static final int MIN_TIME_LIMIT = 5;
    public static final int MAX_TIME_LIMIT = 300;
    public static final int DEFAULT_TIME_LIMIT = 20;
    public static final int DEFAULT_POINTS = 1000;
    public static final int DEFAULT_DIFFICULTY = 2;
    public static final int MAX_STEM = 2000;
    public static final int MAX_OPTION = 500;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;
    public static final int MAX_EXPLANATION = 4000;
    public static final int MAX_RELATED = 30;
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    public static final Pattern SET_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private QuestionRules() {
    }

    public record Result(QuestionDto question, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Checks a question; {@code prefix} is prepended to field names (e.g. "questions[3]."). */
    public static Result check(QuestionDto q, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (q == null) {
            return new Result(null, List.of(new FieldError(prefix.isEmpty() ? "body" : prefix, "a question is required")));
        }
        if (q.id() != null && !ID.matcher(q.id()).matches()) {
            errors.add(new FieldError(prefix + "id", "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        QuestionType type = null;
        if (q.type() == null || q.type().isBlank()) {
            errors.add(new FieldError(prefix + "type", "is required (" + QuestionType.NAMES + ")"));
        } else {
            type = QuestionType.parse(q.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(prefix + "type", "unknown type '" + q.type()
                        + "' (expected " + QuestionType.NAMES + ")"));
            }
        }
        String stem = q.stem() == null ? null : q.stem().strip();
        if (stem == null || stem.isEmpty()) {
            errors.add(new FieldError(prefix + "stem", "is required"));
        } else if (stem.length() > MAX_STEM) {
            errors.add(new FieldError(prefix + "stem", "is longer than " + MAX_STEM + " characters"));
        }
        List<String> options = null;
        if (type != null && type.hasOptions()) {
            options = checkOptions(q.options(), prefix, errors);
        } else if (type != null && q.options() != null && !q.options().isEmpty()) {
            errors.add(new FieldError(prefix + "options", "only single, multiple, ordering and poll questions have options"));
        }
        if (q.tolerance() != null && type != null && type != QuestionType.NUMERIC) {
            errors.add(new FieldError(prefix + "tolerance", "only numeric questions have a tolerance"));
        }
        if (q.tolerance() != null && (q.tolerance() < 0 || q.tolerance().isNaN() || q.tolerance().isInfinite())) {
            errors.add(new FieldError(prefix + "tolerance", "must be a number >= 0"));
        }
        JsonNode answer = type == null ? null : checkAnswer(type, q.answer(), options, prefix, errors);
        if (q.explanation() != null && q.explanation().length() > MAX_EXPLANATION) {
            errors.add(new FieldError(prefix + "explanation", "is longer than " + MAX_EXPLANATION + " characters"));
        }
        SourceDto source = checkSource(q.source(), prefix, errors);
        List<String> tags = checkTags(q.tags(), prefix + "tags", errors);
        int difficulty = q.difficulty() == null ? DEFAULT_DIFFICULTY : q.difficulty();
        if (difficulty < 1 || difficulty > 3) {
            errors.add(new FieldError(prefix + "difficulty", "must be 1, 2 or 3"));
        }
        int timeLimit = q.timeLimit() == null ? DEFAULT_TIME_LIMIT : q.timeLimit();
        if (timeLimit < MIN_TIME_LIMIT || timeLimit > MAX_TIME_LIMIT) {
            errors.add(new FieldError(prefix + "timeLimit", "must be between " + MIN_TIME_LIMIT + " and " + MAX_TIME_LIMIT + " seconds"));
        }
        int points = q.points() == null ? DEFAULT_POINTS : q.points();
        if (points < 0 || points > 100_000) {
            errors.add(new FieldError(prefix + "points", "must be between 0 and 100000"));
        }
        List<String> related = checkRelated(q.related(), q.id(), prefix + "related", errors);
        String image = checkImage(q.image(), prefix + "image", errors);
        List<String> optionImages = checkOptionImages(q.optionImages(), q.options(), type, prefix, errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String explanation = q.explanation() == null || q.explanation().isBlank() ? null : q.explanation().strip();
        if (type == QuestionType.ORDERING) {
            // kept in the right order, so every format gives them back alike; participants always see them shuffled
            List<String> ordered = new ArrayList<>();
            answer.forEach(n -> ordered.add(n.asText()));
            options = List.copyOf(ordered);
        }
        return new Result(new QuestionDto(q.id(), q.set(), type.wire(), stem, options, answer,
                type == QuestionType.NUMERIC ? q.tolerance() : null, explanation, source, tags, difficulty, timeLimit, points,
                related, image, optionImages),
                List.of());
    }

    /** Null, or a URL of our own store ({@code /media/{sha256}.png|jpg}); whether it exists is the service's check. */
    private static String checkImage(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (MediaUrls.parse(url).isEmpty()) {
            errors.add(new FieldError(field, "must be the url of an uploaded picture (/media/{sha256}.{ext}, "
                    + "from POST /api/media), got '" + abbreviate(url) + "'"));
            return null;
        }
        return url;
    }

    /** Parallel to the options, null entries for none; null when no option has a picture. */
    private static List<String> checkOptionImages(List<String> raw, List<String> options, QuestionType type,
                                                  String prefix, List<FieldError> errors) {
        if (raw == null || raw.stream().allMatch(s -> s == null || s.isBlank())) {
            return null;
        }
        String field = prefix + "optionImages";
        if (type != null && !type.hasOptions()) {
            errors.add(new FieldError(field, "only single and multiple questions have options (and option pictures)"));
            return null;
        }
        int n = options == null ? 0 : options.size();
        if (raw.size() != n) {
            errors.add(new FieldError(field, "needs one entry per option (" + n + "), null for an option without "
                    + "a picture; got " + raw.size()));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(checkImage(raw.get(i), field + "[" + i + "]", errors));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The hashes of the pictures a (checked) question refers to, with the field that names each. */
    public static Map<String, String> imageFields(QuestionDto q) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        MediaUrls.parse(q.image()).ifPresent(r -> out.put("image", r.sha256()));
        if (q.optionImages() != null) {
            for (int i = 0; i < q.optionImages().size(); i++) {
                int idx = i;
                MediaUrls.parse(q.optionImages().get(i)).ifPresent(r -> out.put("optionImages[" + idx + "]", r.sha256()));
            }
        }
        return out;
    }

    /** Question ids, each once, not the question's own; ids not (yet) in the bank are allowed. */
    private static List<String> checkRelated(List<String> raw, String ownId, String field, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > MAX_RELATED) {
            errors.add(new FieldError(field, "at most " + MAX_RELATED + " related questions"));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String r = raw.get(i) == null ? null : raw.get(i).strip();
            if (r == null || !ID.matcher(r).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a question id"));
            } else if (r.equals(ownId)) {
                errors.add(new FieldError(field + "[" + i + "]", "a question cannot be related to itself"));
            } else if (out.contains(r)) {
                errors.add(new FieldError(field + "[" + i + "]", "names '" + r + "' twice"));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> checkOptions(List<String> raw, String prefix, List<FieldError> errors) {
        if (raw == null || raw.size() < MIN_OPTIONS || raw.size() > MAX_OPTIONS) {
            errors.add(new FieldError(prefix + "options", "needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options, got "
                    + (raw == null ? 0 : raw.size())));
            return null;
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String o = raw.get(i) == null ? "" : raw.get(i).strip();
            if (o.isEmpty()) {
                errors.add(new FieldError(prefix + "options[" + i + "]", "is empty"));
            } else if (o.length() > MAX_OPTION) {
                errors.add(new FieldError(prefix + "options[" + i + "]", "is longer than " + MAX_OPTION + " characters"));
            } else if (!seen.add(o)) {
                errors.add(new FieldError(prefix + "options[" + i + "]", "duplicates option '" + o + "'"));
            }
            out.add(o);
        }
        return List.copyOf(out);
    }

    private static JsonNode checkAnswer(QuestionType type, JsonNode a, List<String> options, String prefix,
                                        List<FieldError> errors) {
        String f = prefix + "answer";
        if (type == QuestionType.POLL) {
            if (a != null && !a.isNull() && !a.isMissingNode()) {
                errors.add(new FieldError(f, "a poll has no correct answer: leave it out"));
            }
            return null;
        }
        if (a == null || a.isNull() || a.isMissingNode()) {
            errors.add(new FieldError(f, "is required"));
            return null;
        }
        switch (type) {
            case SINGLE -> {
                if (!a.isTextual() && !a.isNumber()) {
                    errors.add(new FieldError(f, "must be the text of the one correct option"));
                    return null;
                }
                String s = a.asText().strip();
                if (options != null && !options.contains(s)) {
                    errors.add(new FieldError(f, "'" + s + "' is not one of the options"));
                    return null;
                }
                return TextNode.valueOf(s);
            }
            case MULTIPLE -> {
                List<String> given = new ArrayList<>();
                if (a.isArray()) {
                    a.forEach(n -> given.add(n.asText().strip()));
                } else if (a.isTextual()) {
                    given.add(a.asText().strip());
                } else {
                    errors.add(new FieldError(f, "must be a list of the correct options' texts"));
                    return null;
                }
                if (given.isEmpty()) {
                    errors.add(new FieldError(f, "needs at least one correct option"));
                    return null;
                }
                if (options == null) {
                    return null;
                }
                Set<String> set = new LinkedHashSet<>(given);
                for (String g : set) {
                    if (!options.contains(g)) {
                        errors.add(new FieldError(f, "'" + g + "' is not one of the options"));
                    }
                }
                if (set.size() != given.size()) {
                    errors.add(new FieldError(f, "names the same option twice"));
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                options.stream().filter(set::contains).forEach(out::add);
                return out;
            }
            case ORDERING -> {
                if (!a.isArray()) {
                    errors.add(new FieldError(f, "must be the list of all the options' texts in the right order"));
                    return null;
                }
                List<String> given = new ArrayList<>();
                a.forEach(n -> given.add(n.asText().strip()));
                if (options == null) {
                    return null;
                }
                for (String g : given) {
                    if (!options.contains(g)) {
                        errors.add(new FieldError(f, "'" + g + "' is not one of the options"));
                    }
                }
                if (new HashSet<>(given).size() != given.size()) {
                    errors.add(new FieldError(f, "names the same option twice"));
                } else if (given.size() != options.size()) {
                    errors.add(new FieldError(f, "must name every option once: " + given.size() + " of "
                            + options.size()));
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                given.forEach(out::add);
                return out;
            }
            case TRUE_FALSE -> {
                if (a.isBoolean()) {
                    return BooleanNode.valueOf(a.booleanValue());
                }
                String s = a.asText().strip().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return BooleanNode.valueOf(s.equals("true"));
                }
                errors.add(new FieldError(f, "must be true or false"));
                return null;
            }
            case TEXT -> {
                List<String> accepted = new ArrayList<>();
                if (a.isArray()) {
                    a.forEach(n -> accepted.add(n.isValueNode() ? n.asText().strip() : ""));
                } else if (a.isValueNode()) {
                    accepted.add(a.asText().strip());
                }
                if (accepted.isEmpty() || accepted.stream().anyMatch(String::isEmpty)) {
                    errors.add(new FieldError(f, "must be a list of accepted answers, none empty"));
                    return null;
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                new LinkedHashSet<>(accepted).forEach(out::add);
                return out;
            }
            case NUMERIC -> {
                Double d = null;
                if (a.isNumber()) {
                    d = a.doubleValue();
                } else if (a.isTextual()) {
                    try {
                        d = Double.parseDouble(a.asText().strip());
                    } catch (NumberFormatException e) {
                        d = null;
                    }
                }
                if (d == null || d.isNaN() || d.isInfinite()) {
                    errors.add(new FieldError(f, "must be a number"));
                    return null;
                }
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? LongNode.valueOf(d.longValue()) : DoubleNode.valueOf(d);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static SourceDto checkSource(SourceDto s, String prefix, List<FieldError> errors) {
        if (s == null) {
            return null;
        }
        String report = blankToNull(s.report());
        String excerpt = blankToNull(s.excerpt());
        String url = blankToNull(s.url());
        if (report != null && report.length() > 200) {
            errors.add(new FieldError(prefix + "source.report", "is longer than 200 characters"));
        }
        if (excerpt != null && excerpt.length() > 500) {
            errors.add(new FieldError(prefix + "source.excerpt", "is longer than 500 characters"));
        }
        if (url != null) {
            try {
                URI u = new URI(url);
                if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                    errors.add(new FieldError(prefix + "source.url", "must be an http or https URL"));
                }
            } catch (Exception e) {
                errors.add(new FieldError(prefix + "source.url", "is not a valid URL"));
            }
        }
        return report == null && excerpt == null && url == null ? null : new SourceDto(report, excerpt, url);
    }

    /** Tags: trimmed, distinct, non-empty, bounded. */
    public static List<String> checkTags(List<String> raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_TAGS) {
            errors.add(new FieldError(field, "at most " + MAX_TAGS + " tags"));
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i) == null ? "" : raw.get(i).strip();
            if (t.isEmpty() || t.length() > MAX_TAG) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1-" + MAX_TAG + " characters"));
            } else {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Checks a set header; returns the normalized header or adds errors. */
    public static QuestionSetDto checkSet(QuestionSetDto s, String prefix, List<FieldError> errors) {
        if (s == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "set" : prefix, "is required"));
            return null;
        }
        if (s.id() == null || !SET_ID.matcher(s.id()).matches()) {
            errors.add(new FieldError(prefix + "id", "must be a slug: 1-64 lowercase letters, digits or '-'"));
        }
        String title = blankToNull(s.title());
        if (title == null) {
            errors.add(new FieldError(prefix + "title", "is required"));
        } else if (title.length() > 200) {
            errors.add(new FieldError(prefix + "title", "is longer than 200 characters"));
        }
        String description = blankToNull(s.description());
        if (description != null && description.length() > 4000) {
            errors.add(new FieldError(prefix + "description", "is longer than 4000 characters"));
        }
        String language = blankToNull(s.language()) == null ? "zh-CN" : s.language().strip();
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            errors.add(new FieldError(prefix + "language", "must be a language tag such as zh-CN or en"));
        }
        List<String> tags = checkTags(s.tags(), prefix + "tags", errors);
        Map<String, String> reports = checkReports(s.reports(), prefix + "reports", errors);
        return new QuestionSetDto(s.id(), title, description, language, tags, reports, null);
    }

    public static final int MAX_REPORTS = 100;

    /** Report titles: keys as a question's source.report (1-200 characters), titles 1-300 characters. */
    private static Map<String, String> checkReports(Map<String, String> raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > MAX_REPORTS) {
            errors.add(new FieldError(field, "has more than " + MAX_REPORTS + " reports"));
            return null;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        raw.forEach((file, title) -> {
            String f = file == null ? "" : file.strip();
            String t = title == null ? "" : title.strip();
            if (f.isEmpty() || f.length() > 200) {
                errors.add(new FieldError(field, "a report's file name must be 1-200 characters"));
            } else if (t.isEmpty() || t.length() > 300) {
                errors.add(new FieldError(field + "." + f, "the title must be 1-300 characters"));
            } else {
                out.put(f, t);
            }
        });
        return out.isEmpty() ? null : java.util.Collections.unmodifiableMap(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
