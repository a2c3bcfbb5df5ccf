package io.jingda.web;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Who is signed in: the pages show the name and offer what the roles allow. */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SessionResource {
    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    public record Session(String username, List<String> roles) {
    }

    @GET
    public Session get() {
        return new Session(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }
}
