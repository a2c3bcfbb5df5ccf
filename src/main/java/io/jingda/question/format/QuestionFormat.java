package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;

import java.util.List;

/**
 * One file format of question sets: reads a file into questions and problems, and writes a set.
 * Implementations are pure (no database, no Quarkus) and thread-safe.
 */
public interface QuestionFormat {

    /** The format's name on the API: yaml, json, csv, xlsx, gift, aiken, moodle-xml. */
    String id();

    /** File name extensions (lower case, without the dot) that mean this format. */
    List<String> extensions();

    /** Media type of an exported file. */
    String mediaType();

    /**
     * Reads a whole file. A file that cannot be read at all (not this format, over a limit,
     * hostile) throws {@link FormatException}; questions that cannot be read become errors in the
     * result and the others are still returned.
     */
    ParseResult parse(byte[] data, ImportLimits limits) throws FormatException;

    /** Writes a set; questions the format cannot hold are left out and listed. */
    ExportResult write(QuestionSetDto set, List<QuestionDto> questions);

    /** Whether the content looks like this format (used when neither the request nor the name says). */
    default boolean sniff(String head) {
        return false;
    }
}
