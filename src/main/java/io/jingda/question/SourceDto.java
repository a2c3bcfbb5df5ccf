package io.jingda.question;

@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
/** Where a question's fact comes from: the report file and an excerpt copied from it. */
public record SourceDto(String report, String excerpt, String url) {
}
