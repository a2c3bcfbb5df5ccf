package io.jingda.question.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** What the last load of the questions directory did, file by file. */
public record LoadReport(Instant loadedAt, String directory, int files, int failed, List<FileResult> results) {

    public enum Status { LOADED, UPDATED, UNCHANGED, FAILED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileResult(String file, Status status, String set, Integer questions, List<Problem> errors) {
    }

    /** One problem in a file: which question (when known), which field, which line (when known). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String file, Integer line, String questionId, String field, String message) {
        @Override
        public String toString() {
            return file + (line == null ? "" : ":" + line) + (questionId == null ? "" : " question " + questionId)
                    + (field == null ? "" : " field " + field) + ": " + message;
        }
    }

    public static LoadReport none(String dir) {
        return new LoadReport(null, dir, 0, 0, List.of());
    }
}
