package io.jingda.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.NewCookie;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection for the browser pages (double-submit cookie). A state-changing request that
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
    static final String SESSION_COOKIE = "quarkus-credential";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Public endpoints that never act on the caller's identity. */
    private static final Set<String> PUBLIC = Set.of("/api/join");

    void register(@Observes Filters filters) {
        // before the authentication handlers, so a forged sign-in never reaches them
        filters.register(this::check, 1000);
    }

    void check(RoutingContext rc) {
        if (SAFE.contains(rc.request().method()) || PUBLIC.contains(rc.normalizedPath())) {
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

    static NewCookie newTokenCookie() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        // readable by the page's own scripts (that is the point); SameSite keeps it off cross-site requests
        return new NewCookie.Builder(CSRF_COOKIE).value(Base64.getUrlEncoder().withoutPadding().encodeToString(b))
                .path("/").httpOnly(false).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
