package io.jingda.system;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The one error shape of the API: a stable code, a human message and the field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, List<FieldError> errors) {
    public ApiError(String code, String message) {
        this(code, message, List.of());
    }
}
