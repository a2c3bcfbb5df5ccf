package io.jingda.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question the bank holds; each fixes the shape of its answer. */
public enum QuestionType {
    SINGLE("single"),
    MULTIPLE("multiple"),
    TRUE_FALSE("true_false"),
    TEXT("text"),
    NUMERIC("numeric"),
    /** 排序题: the options are put in the right order; the answer is the option texts in that order. */
    ORDERING("ordering"),
    /** 调查/投票: options and no answer; it earns nothing and counts neither right nor wrong. */
    POLL("poll");

    /** The wire names, for messages that list them. */
    public static final String NAMES = "single, multiple, true_false, text, numeric, ordering or poll";

    private final String wire;

    QuestionType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE || this == ORDERING || this == POLL;
    }

    /** Whether answers are judged and scored (every type but {@link #POLL}). */
    public boolean scored() {
        return this != POLL;
    }

    public static Optional<QuestionType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(t -> t.wire.equals(k)).findFirst();
    }

    @JsonCreator
    static QuestionType fromJson(String s) {
        return parse(s).orElseThrow(() -> new IllegalArgumentException(
                "unknown question type '" + s + "' (expected " + NAMES + ")"));
    }
}
