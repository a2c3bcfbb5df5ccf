package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Test helpers: fixture bytes, parsing, and the questions after {@link QuestionRules}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/imports/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParseResult parse(QuestionFormat f, String path) throws FormatException {
        return f.parse(bytes(path), ImportLimits.DEFAULT);
    }

    /** The parsed questions, checked and normalized as an import would store them. */
    public static List<QuestionDto> checked(ParseResult r) {
        return r.questions().stream().map(pq -> {
            QuestionRules.Result res = QuestionRules.check(pq.question(), "");
            if (!res.ok()) {
                throw new AssertionError("question at " + pq.position() + " fails the rules: " + res.errors());
            }
            return res.question();
        }).toList();
    }
}
