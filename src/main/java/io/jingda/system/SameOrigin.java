package io.jingda.system;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The cross-site rule, for HTTP requests and WebSocket upgrades alike. A browser names the page a
 * request comes from in {@code Origin} (or, without it, {@code Referer}); a request that changes
 * state on behalf of a signed-in user must come from this server's own pages. Origins are compared
 * as scheme, host and port (the default port filled in). Pure: no Vert.x, no CDI.
 */
public final class SameOrigin {
    private SameOrigin() {
    }

    /** The server's own origin from the request's scheme, host and port (port -1: the scheme's default). */
    public static String own(String scheme, String host, int port) {
        String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        return s + "://" + bare(host) + ":" + (port > 0 ? port : defaultPort(s));
    }

    /** The normalised origin of an {@code Origin} value or a URL; empty for {@code null} or anything unparsable. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank() || url.strip().equals("null")) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(own(u.getScheme(), u.getHost(), u.getPort()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a state-changing request is refused: it names a page ({@code Origin}, else
     * {@code Referer}) that is not this server's own nor a trusted origin, and it carries browser
     * credentials (a cookie, or an {@code Authorization} header a browser may have cached). Without
     * either header the request is not from a browser page (an API client), and is let through.
     */
    public static boolean refuses(String own, Collection<String> trusted, String origin, String referer,
                                  boolean credentials) {
        if (!credentials) {
            return false;
        }
        String named = origin != null ? origin : referer;
        return named != null && !isOwn(own, trusted, named);
    }

    /** Whether the origin (or URL) is the server's own or a trusted one. */
    public static boolean isOwn(String own, Collection<String> trusted, String originOrUrl) {
        Optional<String> o = of(originOrUrl);
        return o.isPresent() && (o.get().equals(own) || trusted.stream().map(SameOrigin::of)
                .anyMatch(t -> t.equals(o)));
    }

    private static String bare(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https", "wss" -> 443;
            default -> 80;
        };
    }
}
