package io.jingda.question.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an uploaded text file. UTF-8 (with or without BOM) is tried first and strictly; files
 * that are not UTF-8 are tried as GB18030 (a superset of GBK, what Excel and Notepad write on
 * Chinese Windows) when the format allows it. Control characters other than tab and line breaks
 * mean the file is binary or garbled, and are refused.
 */
public final class TextInput {
    public static final Charset GB18030 = Charset.forName("GB18030");

    public record Decoded(String text, String encoding) {
    }

    private TextInput() {
    }

    public static Decoded decode(byte[] data, boolean allowGb18030) throws FormatException {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            return checked(strict(data, 3, StandardCharsets.UTF_8,
                    "the file starts with a UTF-8 byte order mark but is not valid UTF-8"), "UTF-8 (BOM)");
        }
        if (data.length >= 2 && ((data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE
                || (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF)) {
            Charset cs = (data[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return checked(strict(data, 2, cs, "the file starts with a UTF-16 byte order mark but is not valid UTF-16"),
                    "UTF-16 (BOM)");
        }
        String utf8 = tryDecode(data, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return checked(utf8, "UTF-8");
        }
        if (allowGb18030) {
            String gb = tryDecode(data, GB18030);
            if (gb != null && plausible(gb)) {
                return checked(gb, "GB18030");
            }
            throw new FormatException("the file is neither valid UTF-8 nor GBK/GB18030; save it as UTF-8 and try again",
                    null, null);
        }
        throw new FormatException("the file is not valid UTF-8" + firstBadByte(data), null, null);
    }

    /**
     * The text of a line-based file (CSV, GIFT, Aiken): decoded as {@link #decode} does (GB18030 allowed),
     * a leading byte order mark dropped, and every line within the limit.
     */
    public static Decoded readLines(byte[] data, ImportLimits limits) throws FormatException {
        Decoded decoded = decode(data, true);
        String text = decoded.text().startsWith("\uFEFF") ? decoded.text().substring(1) : decoded.text();
        checkLineLengths(text, limits.maxLineLength());
        return new Decoded(text, decoded.encoding());
    }

    /** Throws when a line is longer than {@code max} characters (a hostile or binary file). */
    public static void checkLineLengths(String text, int max) throws FormatException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > max) {
                    throw new FormatException("line " + line + " is longer than " + max + " characters", line, null);
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static Decoded checked(String text, String encoding) throws FormatException {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7F) {
                throw new FormatException("line " + line + " holds a control character (U+"
                        + String.format("%04X", (int) c) + "): the file is binary or damaged", line, null);
            }
        }
        return new Decoded(text, encoding);
    }

    private static String strict(byte[] data, int offset, Charset cs, String message) throws FormatException {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, data.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(message, null, null);
        }
    }

    private static String tryDecode(byte[] data, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * GB18030 maps almost every byte sequence to something; a GBK text file decodes to mostly
     * CJK and ASCII. Private-use and four-byte (supplementary) results mean random bytes.
     */
    private static boolean plausible(String s) {
        int odd = 0;
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            total++;
            if (Character.isSurrogate(c) || c >= 0xE000 && c <= 0xF8FF || c >= 0x80 && c < 0xA0) {
                odd++;
            }
        }
        return total == 0 || odd * 20 <= total;
    }

    private static String firstBadByte(byte[] data) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        var out = java.nio.CharBuffer.allocate(data.length + 1);
        var r = dec.decode(in, out, true);
        if (r.isError()) {
            int pos = in.position();
            int line = 1;
            for (int i = 0; i < pos; i++) {
                if (data[i] == '\n') {
                    line++;
                }
            }
            return " (line " + line + ", byte " + (pos + 1) + ")";
        }
        return "";
    }
}
