package io.jingda.web;

import io.jingda.system.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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

    public Pages(SecurityIdentity identity) {
        this.identity = identity;
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

    @GET
    @Path("host")
    public Response host(@Context HttpHeaders headers) {
        return staffPage("host", "/host", headers, Roles.HOST, Roles.ADMIN);
    }

    @GET
    @Path("admin")
    public Response admin(@Context HttpHeaders headers) {
        return staffPage("admin", "/admin", headers, Roles.ORGANIZER, Roles.ADMIN);
    }

    @GET
    @Path("login")
    public Response login(@Context HttpHeaders headers) {
        return page("login", headers);
    }

    /** Ends the browser session (the CSRF guard has checked the request's token). */
    @POST
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login?loggedOut=1"))
                .cookie(new NewCookie.Builder(CsrfGuard.SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    private Response staffPage(String name, String path, HttpHeaders headers, String... roles) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login?next=" + path)).build();
        }
        if (Set.of(roles).stream().noneMatch(identity::hasRole)) {
            return page("forbidden", headers, 403);
        }
        return page(name, headers);
    }

    private Response page(String name, HttpHeaders headers) {
        return page(name, headers, 200);
    }

    /** Staff pages (headers != null) also get the CSRF cookie their scripts echo in a header. */
    private Response page(String name, HttpHeaders headers, int status) {
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
            b.cookie(CsrfGuard.newTokenCookie());
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
