package io.jingda.question.format;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the HTML of Moodle question text into plain text: line breaks kept, tags dropped, entities decoded. */
final class Html {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>|</h[1-6]\\s*>|</tr\\s*>");
    private static final Pattern BLOCK_OPEN = Pattern.compile("(?i)<(p|div|li|h[1-6]|tr)(\\s[^>]*)?>");
    private static final Pattern DROP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
            Map.entry("times", "\u00D7"), Map.entry("divide", "\u00F7"), Map.entry("deg", "\u00B0"),
            Map.entry("middot", "\u00B7"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"));

    private Html() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String s = COMMENT.matcher(html).replaceAll("");
        s = DROP.matcher(s).replaceAll("");
        s = s.replaceAll("[\\r\\n\\t ]+", " ");
        s = BREAK.matcher(s).replaceAll("\n");
        s = BLOCK_OPEN.matcher(s).replaceAll("");
        s = TAG.matcher(s).replaceAll("");
        s = decode(s);
        s = s.replace('\u00A0', ' ');
        // tidy: no spaces around line breaks, at most one empty line
        s = s.replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").replaceAll(" {2,}", " ");
        return s.strip();
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                rep = codePoint(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                rep = codePoint(Integer.parseInt(e.substring(1)));
            } else {
                rep = NAMED.get(e);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep == null ? m.group() : rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
    }

    static boolean looksLikeHtml(String s) {
        return s != null && (s.contains("<") && TAG.matcher(s).find() || ENTITY.matcher(s).find());
    }
}
