package io.jingda.question.transfer;

import io.jingda.system.Hashing;
import io.jingda.system.Text;

/** Set ids (slugs) made from titles or file names. */
public final class SetIds {
    private SetIds() {
    }

    /**
     * A slug of the ASCII letters and digits of {@code text}; a title with none (e.g. all Chinese)
     * gets "set-" and a short hash of the text, so the same name always gives the same id.
     */
    public static String slug(String text) {
        String s = text == null ? "" : Text.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        if (s.length() < 2) {
            s = "set-" + hash(text == null ? "" : text);
        }
        return s;
    }

    /** The file name without directory and extension(s). */
    public static String baseName(String fileName) {
        if (fileName == null) {
            return "import";
        }
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.indexOf('.');
        n = dot > 0 ? n.substring(0, dot) : n;
        return n.isBlank() ? "import" : n.strip();
    }

    private static String hash(String s) {
        return Hashing.sha256Hex(s).substring(0, 8);
    }
}
