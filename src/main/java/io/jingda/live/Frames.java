package io.jingda.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serialises frames. Each broadcast is serialised once and the same string goes to every connection. */
public final class Frames {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Frames() {
    }

    public static String json(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A shared frame plus one recipient's {@code you} object, without serialising the shared part
     * again: {@code {...shared...,"you":{...}}}. {@code you} must be a JSON object.
     */
    public static String withYou(String shared, String you) {
        StringBuilder sb = new StringBuilder(shared.length() + you.length() + 8);
        sb.append(shared, 0, shared.length() - 1).append(",\"you\":").append(you).append('}');
        return sb.toString();
    }
}
