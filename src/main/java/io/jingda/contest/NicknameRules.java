package io.jingda.contest;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Nicknames: NFC, 1 to 20 characters (code points), no control, bidi, zero-width or other
 * invisible format characters, at most a few combining marks in a row (no "Zalgo" text that
 * spills over the leaderboard), and nothing from the blocklist. Uniqueness ignores case and
 * width (the key is NFKC, lower case).
 */
public final class NicknameRules {
    public static final int MAX_LENGTH = 20;

    private NicknameRules() {
    }

    /** The normalised nickname, or the reason it is refused. */
    public record Result(String nickname, String error) {
    }

    public static Result check(String raw, List<String> blocklist, int maxCombiningMarks) {
        if (raw == null) {
            return new Result(null, "is required");
        }
        String n = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll(" {2,}", " ");
        int length = n.codePointCount(0, n.length());
        if (length < 1 || length > MAX_LENGTH) {
            return new Result(null, "must be 1 to " + MAX_LENGTH + " characters");
        }
        int marks = 0;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || INVISIBLE.contains(cp)
                    || (Character.isWhitespace(cp) && cp != ' ')) {
                return new Result(null, "contains a control, bidi, zero-width or invisible character (U+"
                        + String.format("%04X", cp) + ")");
            }
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                if (++marks > maxCombiningMarks) {
                    return new Result(null, "has too many combining marks on one character");
                }
            } else {
                marks = 0;
            }
        }
        String folded = key(n);
        if (blocklist != null) {
            for (String b : blocklist) {
                if (!b.isBlank() && folded.contains(key(b.strip()))) {
                    return new Result(null, "is not allowed");
                }
            }
        }
        return new Result(n, null);
    }

    /** Two nicknames with the same key are the same name. */
    public static String key(String nickname) {
        return Normalizer.normalize(nickname, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A free variant of a taken nickname: "name2", "name3", … shortened to fit. */
    public static Optional<String> suggest(String nickname, Set<String> takenKeys) {
        for (int i = 2; i < 10_000; i++) {
            String suffix = String.valueOf(i);
            int room = MAX_LENGTH - suffix.length();
            String base = nickname.codePointCount(0, nickname.length()) <= room ? nickname
                    : nickname.substring(0, nickname.offsetByCodePoints(0, room));
            String candidate = base + suffix;
            if (!takenKeys.contains(key(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Blank-looking characters that Unicode does not class as format characters. */
    private static final Set<Integer> INVISIBLE = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E, 0x034F);
}
