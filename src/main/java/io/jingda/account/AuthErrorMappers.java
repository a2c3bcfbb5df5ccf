package io.jingda.account;

import io.jingda.system.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The security errors (401, 403, a locked sign-in) in the one error shape of {@code system.ErrorMappers}. */
public class AuthErrorMappers {
    /** quarkus.http.auth.form.post-location */
    private static final String FORM_POST = "/j_security_check";

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return challenge("authentication is required (HTTP Basic or a signed-in session)", headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, HttpHeaders headers,
                                         UriInfo uri) {
        boolean session = headers.getCookies().containsKey(SessionCookie.NAME)
                && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        return challenge(session ? "the session has ended; sign in again" : "wrong user name or password", headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response signInLocked(SignInLockedException e) {
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", e.retryAfterSeconds()).entity(e.body()).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("FORBIDDEN", "your account does not have the role this needs")).build();
    }

    /**
     * 401. The Basic challenge makes a browser show its own login prompt, so it goes only to API
     * clients: not to the login form's post, nor to a call that carries the session cookie or
     * {@code X-Requested-With} (the pages' calls).
     */
    private static Response challenge(String message, HttpHeaders headers, UriInfo uri) {
        Response.ResponseBuilder b = Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("UNAUTHORIZED", message));
        if (!headers.getCookies().containsKey(SessionCookie.NAME)
                && headers.getHeaderString("X-Requested-With") == null
                && !uri.getPath().endsWith(FORM_POST)) {
            b.header("WWW-Authenticate", "Basic realm=\"jingda\"");
        }
        return b.build();
    }
}
