package io.jingda.web;

import io.jingda.account.AuthConfig;
import io.jingda.system.SameOrigin;
import io.jingda.account.SessionCookie;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.NewCookie;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Cross-site protection for the browser pages. First the origin rule ({@link SameOrigin}): a
 * state-changing request whose {@code Origin} (or {@code Referer}) is another site's is refused if
 * it carries browser credentials, a cookie or an {@code Authorization} header (a browser resends
 * Basic credentials it has cached, even on a form posted from another site). Then the
 * double-submit cookie: a state-changing request that
 * rides on the session cookie, or that signs in, must echo the {@code jingda-csrf} cookie in the
 * {@code X-CSRF-Token} header; a cross-site page can neither read the cookie nor set the header.
 * API clients that send HTTP Basic and no session cookie are not affected. (quarkus-rest-csrf
 * would also demand a token from those API clients' multipart imports, and does not cover the
 * login POST, which Vert.x handles.)
 */
@ApplicationScoped
public class CsrfGuard {
    static final String CSRF_COOKIE = "jingda-csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_COOKIE = SessionCookie.NAME;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Public endpoints that never act on the caller's identity. */
    private static final Set<String> PUBLIC = Set.of("/api/join");

    private final List<String> trustedOrigins;

    public CsrfGuard(AuthConfig config) {
        this.trustedOrigins = config.trustedOrigins().orElse(List.of());
    }

    void register(@Observes Filters filters) {
        // before the authentication handlers, so a forged sign-in never reaches them
        filters.register(this::check, 1000);
    }

    void check(RoutingContext rc) {
        if (SAFE.contains(rc.request().method())) {
            rc.next();
            return;
        }
        HttpServerRequest req = rc.request();
        String origin = req.getHeader("Origin");
        String referer = req.getHeader("Referer");
        boolean credentials = req.getHeader("Cookie") != null || req.getHeader("Authorization") != null;
        if (SameOrigin.refuses(ownOrigin(req), trustedOrigins, origin, referer, credentials)) {
            String named = origin != null ? "Origin '" + origin + "'" : "Referer '" + referer + "'";
            rc.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("code", "CROSS_SITE").put("message", "a request from another site ("
                            + named + ") may not change anything here; use this server's own pages").encode());
            return;
        }
        if (PUBLIC.contains(rc.normalizedPath())) {
            rc.next();
            return;
        }
        boolean login = rc.normalizedPath().equals("/j_security_check");
        boolean session = rc.request().getCookie(SESSION_COOKIE) != null
                && rc.request().getHeader("Authorization") == null;
        if (!login && !session) {
            rc.next();
            return;
        }
        Cookie cookie = rc.request().getCookie(CSRF_COOKIE);
        String header = rc.request().getHeader(CSRF_HEADER);
        if (cookie != null && header != null && !cookie.getValue().isEmpty()
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8))) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                .end("{\"code\":\"CSRF\",\"message\":\"the request lacks the page's CSRF token; reload the page\"}");
    }

    /** This server's origin as the browser sees it (scheme and host as a proxy forwards them, under quarkus.http.proxy.*). */
    static String ownOrigin(HttpServerRequest req) {
        HostAndPort a = req.authority();
        return a == null ? "" : SameOrigin.own(req.scheme(), a.host(), a.port());
    }

    static NewCookie newTokenCookie(boolean secure) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        // readable by the page's own scripts (that is the point); SameSite keeps it off cross-site requests
        return new NewCookie.Builder(CSRF_COOKIE).value(Base64.getUrlEncoder().withoutPadding().encodeToString(b))
                .path("/").httpOnly(false).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
