package io.jingda.question.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jingda.question.QuestionDto;
import io.jingda.question.format.ImportProblem;

import java.util.List;

/**
 * The answer to an import, in preview and commit alike (and the body of a 4xx/422). {@code code}
 * and {@code message} are set when the import was refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String code, String message, String file, String format, String encoding, String mode,
                           String onDuplicate, boolean committed, Target set, Counts counts, List<Item> questions,
                           List<ImportProblem> errors, List<ImportProblem> warnings) {

    /** The set the questions go to; {@code created} when the import makes it (or would). */
    public record Target(String id, String title, boolean created) {
    }

    /**
     * {@code parsed}: questions read from the file; {@code toCreate}/{@code toUpdate}: what a commit
     * writes; {@code duplicate}: questions whose stem and answer are already in the set (or earlier
     * in the file); {@code skipped}: not imported (unsupported kinds, and duplicates under skip).
     */
    public record Counts(int parsed, int toCreate, int toUpdate, int skipped, int duplicate, int errors, int warnings) {
    }

    /** One row of the preview table. {@code action}: create, update, skip or error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(Integer line, String sheet, Integer row, String action, String duplicateOf, QuestionDto question) {
    }

    static ImportReport refused(String code, String message, String file, String format, String mode,
                                List<ImportProblem> errors) {
        return new ImportReport(code, message, file, format, null, mode, null, false, null,
                new Counts(0, 0, 0, 0, 0, errors.size(), 0), List.of(), errors, List.of());
    }
}
