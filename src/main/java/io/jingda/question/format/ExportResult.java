package io.jingda.question.format;

import java.util.List;

/** An exported file, and the questions the format could not hold (with why). */
public record ExportResult(byte[] data, List<Omission> omitted) {

    public record Omission(String questionId, String reason) {
    }
}
