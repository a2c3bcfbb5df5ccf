package io.jingda.scoring;

import io.jingda.system.Text;

/**
 * Normal form for comparing free-text answers: NFKC (folds full-width to half-width forms),
 * lower case, collapsed inner whitespace, no surrounding whitespace and no trailing punctuation
 * (Latin and CJK, e.g. "。，！？").
 */
public final class TextNormalizer {
    private static final String TRAILING = ".,!?;:'\"、。，！？；：…·~～ ";

    private TextNormalizer() {
    }

    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Text.fold(s).strip();
        n = n.replaceAll("\\s+", " ");
        int end = n.length();
        while (end > 0 && (TRAILING.indexOf(n.charAt(end - 1)) >= 0 || Character.isWhitespace(n.charAt(end - 1)))) {
            end--;
        }
        return n.substring(0, end).strip();
    }
}
