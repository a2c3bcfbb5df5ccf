package io.jingda.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON (or YAML) document in its writer's terms: the field path
 * ({@code draw.count}, {@code tags[1]}), what kind of value belongs there ("a whole number",
 * "a list"), what kind was sent, and the line and column. Jackson's own messages name Java classes
 * ({@code java.util.ArrayList}, our DTO records) and library settings; none of that leaves here.
 */
public final class JsonErrors {
    /** A qualified Java name ({@code java.lang.Integer}, {@code io.jingda.contest.ContestRequest$X}), with generics. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*(?:<[^>]*>)?(?:\\[])*`?");
    /** An exception's toString ("com.x.FooException: message"): the class goes, the message stays. */
    private static final Pattern THROWN = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*:\\s");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:at )?\\[Source:.*$", Pattern.DOTALL);
    private static final Pattern BACKTICKED = Pattern.compile(
            ",?\\s*(?:from|as per|bound as) `[^`]*`|\\s*\\(token `[^`]*`\\)");
    private static final Pattern SENT = Pattern.compile(
            "from (Array|Object|String|Boolean|Null|Number|Integral|Floating-point|Double|Int|Long) value");
    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
    /** Aalto's and Woodstox's location suffix: "at [row,col {unknown-source}]: [3,2]". */
    private static final Pattern ROW_COL = Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]");

    /** One problem: the field path ("body" for the document itself) and the sentence for that field. */
    public record Problem(String field, String message) {
        /** The whole message: field, what is wrong, where. */
        public String sentence() {
            return (field.equals("body") ? "the body" : field) + " " + message;
        }
    }

    private JsonErrors() {
    }

    /** What is wrong, for any failure of reading JSON or YAML into our types. */
    public static Problem describe(JsonProcessingException e) {
        String where = where(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(String::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
            return new Problem(field(u), "is not a known field" + where
                    + (known.isEmpty() ? "" : " (the fields here are: " + known + ")"));
        }
        if (e instanceof InvalidFormatException f) {
            return new Problem(field(f), "must be " + expected(f.getTargetType()) + ", not "
                    + quoted(f.getValue()) + where);
        }
        if (e instanceof MismatchedInputException m) {
            String original = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
            if (original.startsWith("Trailing token")) {
                return new Problem("body", "has more after the end of its JSON value" + where);
            }
            if (original.startsWith("No content to map")) {
                return new Problem("body", "is empty: a JSON document is required");
            }
            String sent = sent(e);
            return new Problem(field(m), "must be " + expected(m.getTargetType()) + (sent == null ? "" : ", not " + sent)
                    + where);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof JsonProcessingException inner
                && !(inner instanceof JsonMappingException)) {
            // a parser failure Jackson wrapped with the field path (a number out of range)
            return new Problem(field(m), describe(inner).message());
        }
        if (e instanceof JsonMappingException m) {
            // a value Jackson read but our types refused (a record's constructor, an unknown creator)
            return new Problem(field(m), "has the wrong type or shape" + where);
        }
        if (e instanceof InputCoercionException c) {
            String path = path(c.getProcessor() == null ? null : c.getProcessor().getParsingContext());
            return new Problem(path.isEmpty() ? "body" : path, "is a number out of range (the largest is "
                    + (c.getTargetType() == Long.TYPE ? Long.MAX_VALUE : Integer.MAX_VALUE) + ")" + where);
        }
        if (e instanceof JsonEOFException) {
            return new Problem("body", "is not valid JSON: it ends too early (a closing } or ], a quote or a value is"
                    + " missing)" + where);
        }
        return new Problem("body", "is not valid JSON" + where + ": " + scrub(e.getOriginalMessage()));
    }

    /** The field path of a mapping error, {@code "body"} for the document itself. */
    public static String field(JsonMappingException e) {
        String path = JsonText.path(e);
        return path.isEmpty() ? "body" : path;
    }

    /** ", at line L, column C" (empty when Jackson does not know). */
    static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return "";
        }
        return " (line " + loc.getLineNr() + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "") + ")";
    }

    /**
     * A library's message with class names, source descriptions, setting names and location suffixes
     * taken out: a last guard for messages we pass on, not a description.
     */
    public static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String m = SOURCE.matcher(message).replaceAll("");
        m = BACKTICKED.matcher(m).replaceAll("");
        m = CODE.matcher(m).replaceAll("");
        m = ROW_COL.matcher(m).replaceAll("");
        m = THROWN.matcher(m).replaceAll("");
        m = QUALIFIED.matcher(m).replaceAll("a value");
        return m.strip();
    }

    /** The kind of value a Java type takes, in JSON's terms. */
    static String expected(Class<?> type) {
        if (type == null || type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value of another kind";
        }
        if (type == String.class || type == Character.class || type == char.class || CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> "'" + c + "'")
                    .collect(Collectors.joining(", "));
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object ({...})";
    }

    /** The kind of value that was sent: the parser's current token, or what Jackson's message says it read. */
    private static String sent(JsonProcessingException e) {
        JsonToken t = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
        if (t != null) {
            return switch (t) {
                case START_ARRAY, END_ARRAY -> "a list";
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                case VALUE_STRING -> "text";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true or false";
                case VALUE_NULL -> "null";
                default -> null;
            };
        }
        Matcher m = SENT.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        if (!m.find()) {
            return null;
        }
        return switch (m.group(1)) {
            case "Array" -> "a list";
            case "Object" -> "an object";
            case "String" -> "text";
            case "Boolean" -> "true or false";
            case "Null" -> "null";
            default -> "a number";
        };
    }

    private static String quoted(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        return value == null ? "null" : scrub(String.valueOf(value));
    }

    /** The path of a parser context, as {@code draw.count} or {@code tags[1]}. */
    private static String path(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
                    : c.getCurrentName() == null ? "" : c.getCurrentName();
            if (!part.isEmpty() && sb.length() > 0 && sb.charAt(0) != '[') {
                sb.insert(0, '.');
            }
            sb.insert(0, part);
        }
        return sb.toString();
    }
}
