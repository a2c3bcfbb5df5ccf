package io.jingda.system;

import java.util.List;

/** A failure with an HTTP status and the stable error code clients can switch on. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient List<FieldError> errors;
    private final transient Object body;
    /** For a 429: the seconds after which the request may succeed (sent as {@code Retry-After}). */
    private long retryAfterSeconds;

    public ApiException(int status, String code, String message, List<FieldError> errors) {
        this(status, code, message, errors, null);
    }

    /** With a body other than {@link ApiError}, e.g. an import report or a state snapshot. */
    public ApiException(int status, String code, String message, List<FieldError> errors, Object body) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.body = body;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "NOT_FOUND", what + " '" + id + "' does not exist", List.of());
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "VALIDATION_FAILED", "the request is invalid: " + errors.size()
                + (errors.size() == 1 ? " error" : " errors"), errors);
    }

    /** A 429 with the {@code Retry-After} (seconds, at least 1) that every 429 of the API carries. */
    public static ApiException tooManyRequests(String code, String message, long retryAfterSeconds) {
        ApiException e = new ApiException(429, code, message, List.of());
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for {@code Retry-After}; 0 when none was given. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Object body() {
        return body;
    }
}
