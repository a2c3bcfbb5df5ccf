package io.jingda.account;

import io.jingda.system.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountResource {
    private final AccountService service;
    private final SecurityIdentity identity;

    public AccountResource(AccountService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    public List<AccountDto> list() {
        return service.list();
    }

    @POST
    public Response create(AccountRequest body) {
        AccountDto created = service.create(body);
        return Response.created(URI.create("/api/accounts/" + created.username())).entity(created).build();
    }

    /** A new password; every session of the account ends. */
    @PUT
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username, PasswordReset body) {
        if (!service.resetPassword(username, body == null ? null : body.password())) {
            throw ApiException.notFound("account", username);
        }
        return Response.noContent().build();
    }

    /** New roles, in force at the account's next request. */
    @PUT
    @Path("{username}/roles")
    public AccountDto changeRoles(@PathParam("username") String username, RoleChange body) {
        return service.changeRoles(username, body, identity.getPrincipal().getName())
                .orElseThrow(() -> ApiException.notFound("account", username));
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username) {
        if (!service.delete(username, identity.getPrincipal().getName())) {
            throw ApiException.notFound("account", username);
        }
        return Response.noContent().build();
    }
}
