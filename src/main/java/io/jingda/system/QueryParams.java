package io.jingda.system;

import java.util.List;

/**
 * Query parameters read by us rather than by JAX-RS, which answers a value it cannot convert
 * ({@code difficulty=abc}) with a bare 404. Here it is a 400 naming the parameter.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** A whole number, or {@code dflt} when absent or blank; anything else is a 400 naming {@code name}. */
    public static Integer integer(String raw, String name, Integer dflt) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(List.of(new FieldError(name, "must be a whole number, got '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'")));
        }
    }
}
