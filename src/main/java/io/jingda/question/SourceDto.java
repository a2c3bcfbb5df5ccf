package io.jingda.question;

/**
 * Where a question's fact comes from: the report file and an excerpt copied from it. {@code title}
 * is the report's title from the set's {@code reports}; it is filled in contests (the host's view
 * and the reveal) and ignored on input: the bank keeps titles per set.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record SourceDto(String report, String excerpt, String url, String title) {

    public SourceDto(String report, String excerpt, String url) {
        this(report, excerpt, url, null);
    }
}
