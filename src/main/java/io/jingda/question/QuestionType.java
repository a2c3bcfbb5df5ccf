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
    NUMERIC("numeric");

    private final String wire;

    QuestionType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
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
                "unknown question type '" + s + "' (expected single, multiple, true_false, text or numeric)"));
    }
}
