package io.jingda.media;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL of a stored picture, {@code /media/{sha256}.{ext}}: the content hash and nothing else, so a URL
 * says nothing about the question, its options or which is right.
 */
public final class MediaUrls {
    public static final String PREFIX = "/media/";
    private static final Pattern URL = Pattern.compile("/media/([0-9a-f]{64})\\.(png|jpg)");
    private static final Pattern IN_TEXT = Pattern.compile("/media/([0-9a-f]{64})\\.");

    private MediaUrls() {
    }

    public static String of(String sha256, MediaKind kind) {
        return PREFIX + sha256 + "." + kind.ext();
    }

    /** The hash and kind of a URL of ours, or empty for anything else (another host, another path, a typo). */
    public static Optional<Ref> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(url);
        return m.matches() ? Optional.of(new Ref(m.group(1), MediaKind.byExt(m.group(2)).orElseThrow()))
                : Optional.empty();
    }

    /** Every picture hash a text (e.g. a JSON column) refers to. */
    public static Set<String> hashesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = IN_TEXT.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    public record Ref(String sha256, MediaKind kind) {
        public String url() {
            return of(sha256, kind);
        }
    }
}
