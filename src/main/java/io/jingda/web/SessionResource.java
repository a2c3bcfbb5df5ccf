package io.jingda.web;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.jingda.account.PasswordChange;
import io.jingda.account.SignInGuard;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Who is signed in: the pages show the name and offer what the roles allow. */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SessionResource {
    private final SecurityIdentity identity;
    private final SignInGuard guard;

    public SessionResource(SecurityIdentity identity, SignInGuard guard) {
        this.identity = identity;
        this.guard = guard;
    }

    public record Session(String username, List<String> roles) {
    }

    @GET
    public Session get() {
        return new Session(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }

    /** Changes the signed-in user's password; every session of the account ends (sign in again). */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange body, @Context HttpServerRequest request) {
        guard.changePassword(identity.getPrincipal().getName(), body, SignInGuard.address(request));
        return Response.noContent().build();
    }
}
