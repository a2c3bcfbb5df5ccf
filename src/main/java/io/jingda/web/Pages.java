package io.jingda.web;

import io.jingda.account.AccountService;
import io.jingda.account.Roles;
import io.jingda.account.SessionCookie;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser pages. Each is a small HTML shell (src/main/resources/web) that loads an ES module
 * from /static. The staff pages need a signed-in session: without one the browser is sent to the
 * login page, with the page to come back to.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {
    private static final Map<String, String> SHELLS = new ConcurrentHashMap<>();
    private final SecurityIdentity identity;
    private final AccountService accounts;

    public Pages(SecurityIdentity identity, AccountService accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    /**
     * The participant page without a code. It is the same shell as /join/{code}, served here (not
     * as a static file) so that it gets the same headers: CSP, no-store, nosniff.
     */
    @GET
    public Response entry() {
        return page("play", null);
    }

    @GET
    @Path("index.html")
    public Response entryIndex() {
        return page("play", null);
    }

    @GET
    @Path("join/{code}")
    public Response join(@PathParam("code") String code) {
        return page("play", null);
    }

    @GET
    @Path("screen/{code}")
    public Response screen(@PathParam("code") String code) {
        return page("screen", null);
    }

    /** A self-paced online contest, the participant's page: its rules, registering and the attempts (docs/online.md). */
    @GET
    @Path("s/{code}")
    public Response selfPaced(@PathParam("code") String code) {
        return page("online", null);
    }

    /** The participant's printable certificate of a self-paced contest. */
    @GET
    @Path("s/{code}/certificate")
    public Response certificate(@PathParam("code") String code) {
        return page("certificate", null);
    }

    /** What a self-paced contest's publicRanking lets anyone see. */
    @GET
    @Path("s/{code}/ranking")
    public Response publicRanking(@PathParam("code") String code) {
        return page("ranking-public", null);
    }

    @GET
    @Path("host")
    public Response host(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return staffPage("host", "/host", headers, request, Roles.HOST, Roles.ADMIN);
    }

    /** The console's view of a self-paced (online) contest: its window, dashboard, rankings and flagged attempts. */
    @GET
    @Path("host/online/{id}")
    public Response hostOnline(@PathParam("id") String id, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        String back = id.matches("\\d{1,18}") ? "/host/online/" + id : "/host";
        return staffPage("host-online", back, headers, request, Roles.HOST, Roles.ADMIN);
    }

    @GET
    @Path("admin")
    public Response admin(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return staffPage("admin", "/admin", headers, request, Roles.ORGANIZER, Roles.ADMIN);
    }

    @GET
    @Path("login")
    public Response login(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return page("login", headers, request, 200);
    }

    /**
     * Ends the browser session on the server (the CSRF guard has checked the request's token): the
     * account's session version moves to now, so this session's cookie, and every other session of
     * the account, no longer work, wherever they were saved.
     */
    @POST
    @Path("logout")
    public Response logout(@Context HttpServerRequest request) {
        signedIn().ifPresent(accounts::revokeSessions);
        return Response.seeOther(URI.create("/login?loggedOut=1"))
                .cookie(cleared(SessionCookie.NAME, request))
                .build();
    }

    private static NewCookie cleared(String name, HttpServerRequest request) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).secure(request.isSSL())
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The signed-in user; empty when anonymous or when the session has ended (revoked, expired). */
    private Optional<String> signedIn() {
        try {
            return identity.isAnonymous() ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
        } catch (RuntimeException e) {
            if (e instanceof io.quarkus.security.AuthenticationException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Response staffPage(String name, String path, HttpHeaders headers, HttpServerRequest request,
                               String... roles) {
        if (signedIn().isEmpty()) {
            return Response.seeOther(URI.create("/login?next=" + path)).build();
        }
        if (Set.of(roles).stream().noneMatch(identity::hasRole)) {
            return page("forbidden", headers, request, 403);
        }
        return page(name, headers, request, 200);
    }

    private Response page(String name, HttpHeaders headers) {
        return page(name, headers, null, 200);
    }

    /** Staff pages (headers != null) also get the CSRF cookie their scripts echo in a header (Secure over HTTPS). */
    private Response page(String name, HttpHeaders headers, HttpServerRequest request, int status) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder b = Response.status(status).type("text/html; charset=UTF-8").entity(shell(name))
                .cacheControl(noStore)
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                        + "script-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
        if (headers != null && !headers.getCookies().containsKey(CsrfGuard.CSRF_COOKIE)) {
            b.cookie(CsrfGuard.newTokenCookie(request != null && request.isSSL()));
        }
        return b.build();
    }

    private static String shell(String name) {
        return SHELLS.computeIfAbsent(name, n -> {
            try (InputStream in = Pages.class.getResourceAsStream("/web/" + n + ".html")) {
                if (in == null) {
                    throw new IllegalStateException("missing page shell " + n);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
