package io.jingda.system;

/** One thing wrong with the input: which field, and what a person should fix. */
public record FieldError(String field, String message) {
}
