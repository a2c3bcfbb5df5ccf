package io.jingda.system;

import java.text.Normalizer;
import java.util.Locale;

/** Text folding shared by every comparison that ignores case and width. */
public final class Text {
    private Text() {
    }

    /**
     * NFKC (full-width letters, digits and punctuation to their usual forms, compatibility
     * characters to their plain ones), then lower case in the root locale. Nothing is stripped:
     * callers decide what else to ignore (spaces, punctuation, invisible code points).
     */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
