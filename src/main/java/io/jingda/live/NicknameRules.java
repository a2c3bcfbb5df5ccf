package io.jingda.live;

import io.jingda.system.Text;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nicknames: NFC; every Unicode space (U+00A0, U+2007, U+202F, U+3000, …) trimmed at both ends
 * and a run of them inside turned into one ASCII space; 1 to 20 characters (code points); at
 * least one visible character (a letter, digit, punctuation or symbol that is not default
 * ignorable: a lone combining mark, U+FE0F or U+17B4 is not a name); no control, bidi,
 * zero-width or other invisible format characters; at most a few combining marks in a row (no
 * "Zalgo" text that spills over the leaderboard); nothing from the blocklist. Uniqueness ignores
 * case, width and default-ignorable code points such as variation selectors (the key is NFKC,
 * lower case, without them), so {@code a\uFE0F} is {@code a}.
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
        String n = spaces(Normalizer.normalize(raw, Normalizer.Form.NFC));
        int length = n.codePointCount(0, n.length());
        if (length < 1 || length > MAX_LENGTH) {
            return new Result(null, "must be 1 to " + MAX_LENGTH + " characters");
        }
        int marks = 0;
        boolean visible = false;
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
                visible |= type != Character.SPACE_SEPARATOR && !defaultIgnorable(cp);
            }
        }
        if (!visible) {
            return new Result(null, "must contain at least one visible character");
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
        String folded = Text.fold(nickname);
        StringBuilder b = new StringBuilder(folded.length());
        folded.codePoints().filter(cp -> !defaultIgnorable(cp)).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Every Unicode space (Zs, and white space that is not a control) trimmed, inner runs made one ' '. */
    static String spaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean pending = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pending = b.length() > 0;
                continue;
            }
            if (pending) {
                b.append(' ');
                pending = false;
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static boolean isSpace(int cp) {
        return Character.getType(cp) == Character.SPACE_SEPARATOR || cp == ' '
                || (Character.isWhitespace(cp) && Character.getType(cp) != Character.CONTROL
                && Character.getType(cp) != Character.LINE_SEPARATOR && Character.getType(cp) != Character.PARAGRAPH_SEPARATOR);
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15): code points a
     * renderer shows as nothing when it does not support them, variation selectors among them.
     */
    static boolean defaultIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160)
                || (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
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
