package io.jingda.question.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.system.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes two questions the same for imports: the stem and the answer, compared ignoring case,
 * full- and half-width forms, runs of spaces and trailing punctuation; list answers in any order.
 */
final class DuplicateKey {
    private DuplicateKey() {
    }

    static String of(String stem, JsonNode answer) {
        return normalize(stem) + "\u0001" + answer(answer);
    }

    private static String answer(JsonNode a) {
        if (a == null || a.isNull()) {
            return "";
        }
        if (a.isArray()) {
            List<String> parts = new ArrayList<>();
            a.forEach(n -> parts.add(normalize(n.asText())));
            parts.sort(null);
            return String.join("\u0002", parts);
        }
        if (a.isNumber()) {
            return java.math.BigDecimal.valueOf(a.doubleValue())
                    .stripTrailingZeros().toPlainString();
        }
        return normalize(a.asText());
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Text.fold(s).strip();
        n = n.replaceAll("\\s+", " ");
        return n.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+$", "");
    }
}
