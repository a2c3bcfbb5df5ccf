package io.jingda.live.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One participant's text frame as UTF-8, in two parts that go out back to back as one message: the
 * bytes every participant of a broadcast shares, encoded once per broadcast, and the participant's own
 * (empty for a frame that is the same for all). A personal frame of a 19,500-participant reveal thus
 * costs the encoding of the participant's few ASCII bytes, not of the whole frame with its nicknames.
 * The arrays are never changed once made.
 */
public record Utf8Frame(byte[] shared, byte[] own) {
    private static final byte[] NONE = new byte[0];

    /** A frame that is the same for every participant. */
    public static Utf8Frame of(String text) {
        return new Utf8Frame(text.getBytes(StandardCharsets.UTF_8), NONE);
    }

    /** The frame's length in bytes. */
    public int length() {
        return shared.length + own.length;
    }

    /** The frame as text, for a writer that takes strings. */
    public String text() {
        String head = new String(shared, StandardCharsets.UTF_8);
        return own.length == 0 ? head : head + new String(own, StandardCharsets.UTF_8);
    }

    /** True if the frame opens with these bytes (an ASCII prefix such as {@code {"type":"lobby"}). */
    public boolean startsWith(byte[] prefix) {
        if (prefix.length > length()) {
            return false;
        }
        int inShared = Math.min(prefix.length, shared.length);
        return Arrays.equals(shared, 0, inShared, prefix, 0, inShared)
                && Arrays.equals(own, 0, prefix.length - inShared, prefix, inShared, prefix.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Utf8Frame f && Arrays.equals(shared, f.shared) && Arrays.equals(own, f.own);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shared) + Arrays.hashCode(own);
    }

    @Override
    public String toString() {
        return text();
    }
}
