package io.jingda.live.protocol;

import io.jingda.system.JsonText;

/** Serialises frames. Each broadcast is serialised once and the same string goes to every connection. */
public final class Frames {
    private Frames() {
    }

    public static String json(Object message) {
        return JsonText.write(message);
    }

    /**
     * The part of a personal frame that every recipient shares: the shared frame without its closing
     * brace, then {@code ,"you":}. Computed once per broadcast; each recipient's frame is this head,
     * its {@code you} object and a closing brace, concatenated in one allocation
     * ({@code head + you + "}"}), without serialising the shared part again.
     */
    public static String personalHead(String shared) {
        if (shared.isEmpty() || shared.charAt(shared.length() - 1) != '}') {
            throw new IllegalArgumentException("not a JSON object: " + shared);
        }
        return shared.substring(0, shared.length() - 1) + ",\"you\":";
    }
}
