package io.jingda.question.format;

import io.jingda.media.MediaUrls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle XML's pictures: an {@code <img src="@@PLUGINFILE@@/name">} in a question's or an answer's HTML
 * and the {@code <file name="name" encoding="base64">} beside it. Reading keeps the first such picture
 * of each text (the bytes go to the result's pictures, checked and stored by the import); writing embeds
 * a question's and its options' pictures the same way.
 */
final class MoodlePictures {
    static final String PLUGINFILE = "@@PLUGINFILE@@/";
    private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*?\\bsrc\\s*=\\s*([\"'])(.*?)\\1");

    private MoodlePictures() {
    }

    /**
     * The key (in the result's pictures) of the first picture {@code html} shows from {@code files}
     * (name → base64), or null; what is left out is said in a warning, bad base64 is an error.
     */
    static String read(String html, Map<String, String> files, Position pos, String field, ResultBuilder out) {
        if (html == null) {
            return null;
        }
        Matcher m = IMG.matcher(html);
        if (!m.find()) {
            return null;
        }
        String src = m.group(2).strip();
        if (m.find()) {
            out.warning(pos, field, "only the first picture of this text is kept; the others were dropped");
        }
        if (!src.startsWith(PLUGINFILE)) {
            out.warning(pos, field, "the picture '" + abbreviate(src) + "' is not embedded in the file and was not"
                    + " fetched (the server makes no outbound calls); attach it in the question editor");
            return null;
        }
        String name = URLDecoder.decode(src.substring(PLUGINFILE.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        String b64 = files.get(name);
        if (b64 == null) {
            out.warning(pos, field, "the picture '" + abbreviate(name) + "' has no <file> in the question; dropped");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(b64.strip());
        } catch (IllegalArgumentException e) {
            out.error(pos, field, "the embedded file '" + abbreviate(name) + "' is not valid base64");
            return null;
        }
        String key = name + " (line " + pos.line() + ")";
        out.pictures.put(key, bytes);
        return key;
    }

    /** The HTML of a text with its picture, and the file name to embed the bytes under (null without one). */
    record Html(String html, String fileName, byte[] bytes) {
    }

    static Html write(String text, String url, Function<String, Optional<byte[]>> pictures) {
        Optional<MediaUrls.Ref> ref = MediaUrls.parse(url);
        Optional<byte[]> bytes = ref.isEmpty() ? Optional.empty() : pictures.apply(url);
        if (bytes.isEmpty()) {
            return null;
        }
        String file = ref.get().sha256() + "." + ref.get().kind().ext();
        return new Html("<p>" + escape(text) + "</p><p><img src=\"" + PLUGINFILE + file + "\" alt=\"\"></p>", file,
                bytes.get());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br>");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
