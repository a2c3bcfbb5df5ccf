package io.jingda.scoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A choice from the JSON a participant sent, in the shape its answer key expects: an option id (or a
 * one-element list) for single and true/false, a non-empty list of distinct ids (at most one per option)
 * or one id for multiple, one id for poll, every option id exactly once as a list in the chosen order for
 * ordering, a string of at most {@value #MAX_TEXT} characters for text, a number (or a
 * numeric string of at most 40 characters) for numeric. Empty when it does not fit: the answer is INVALID.
 */
public final class ChoiceParser {
    public static final int MAX_TEXT = 200;

    private ChoiceParser() {
    }

    public static Optional<Choice> parse(AnswerKey key, JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return Optional.empty();
        }
        if (key instanceof AnswerKey.Options o) {
            return o.multiple() ? several(raw, o.allIds().size()) : one(raw);
        }
        if (key instanceof AnswerKey.Poll) {
            return one(raw);
        }
        if (key instanceof AnswerKey.Ordering o) {
            return order(raw, o);
        }
        if (key instanceof AnswerKey.Text) {
            if (!raw.isTextual() || raw.asText().length() > MAX_TEXT) {
                return Optional.empty();
            }
            return Optional.of(new Choice.Text(raw.asText()));
        }
        return number(raw);
    }

    private static Optional<Choice> one(JsonNode raw) {
        if (raw.isTextual()) {
            return Optional.of(new Choice.Options(Set.of(raw.asText())));
        }
        if (raw.isArray() && raw.size() == 1 && raw.get(0).isTextual()) {
            return Optional.of(new Choice.Options(Set.of(raw.get(0).asText())));
        }
        return Optional.empty();
    }

    /** Every option id once, as a list in the participant's order; anything else is empty. */
    private static Optional<Choice> order(JsonNode raw, AnswerKey.Ordering key) {
        if (!raw.isArray() || raw.size() != key.order().size()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode n : raw) {
            if (!n.isTextual()) {
                return Optional.empty();
            }
            ids.add(n.asText());
        }
        return key.permutation(ids) ? Optional.of(new Choice.Order(ids)) : Optional.empty();
    }

    private static Optional<Choice> several(JsonNode raw, int optionCount) {
        if (raw.isTextual()) {
            return Optional.of(new Choice.Options(Set.of(raw.asText())));
        }
        if (!raw.isArray() || raw.isEmpty() || raw.size() > optionCount) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode n : raw) {
            if (!n.isTextual() || !ids.add(n.asText())) {
                return Optional.empty();
            }
        }
        return Optional.of(new Choice.Options(ids));
    }

    private static Optional<Choice> number(JsonNode raw) {
        double d;
        if (raw.isNumber()) {
            d = raw.asDouble();
        } else if (raw.isTextual() && raw.asText().length() <= 40) {
            try {
                d = Double.parseDouble(raw.asText().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Optional.empty();
        }
        return Optional.of(new Choice.Number(d));
    }
}
