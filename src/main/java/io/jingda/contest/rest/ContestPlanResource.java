package io.jingda.contest.rest;

import io.jingda.account.Roles;
import io.jingda.contest.Caller;
import io.jingda.contest.ContestDto;
import io.jingda.contest.ContestPlans;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Contest plans as documents: {@code GET /api/contests/{id}/plan} writes one (YAML by default, JSON on
 * {@code ?format=json} or {@code Accept: application/json}; {@code ?withQuestions=true}: a zip with the
 * questions), {@code POST /api/contests/plan} creates a contest from one (YAML or JSON by Content-Type).
 */
@Path("/api/contests")
@RolesAllowed({Roles.HOST, Roles.ADMIN})
public class ContestPlanResource {
    static final String YAML = "application/yaml";
    private final ContestPlans plans;
    private final SecurityIdentity identity;

    public ContestPlanResource(ContestPlans plans, SecurityIdentity identity) {
        this.plans = plans;
        this.identity = identity;
    }

    @GET
    @Path("{id}/plan")
    @Produces({YAML, "text/yaml", MediaType.APPLICATION_JSON, "application/zip"})
    public Response plan(@PathParam("id") long id, @QueryParam("format") String format,
                         @QueryParam("withQuestions") boolean withQuestions,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ContestPlans.Syntax syntax = syntax(format, accept);
        String ext = syntax == ContestPlans.Syntax.JSON ? "json" : "yaml";
        Caller caller = Caller.of(identity);
        if (withQuestions) {
            return Response.ok(plans.bundle(id, caller, syntax), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"contest-" + id + "-plan.zip\"").build();
        }
        byte[] body = plans.write(plans.plan(id, caller), syntax);
        return Response.ok(body, syntax == ContestPlans.Syntax.JSON ? "application/json; charset=UTF-8"
                        : YAML + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contest-" + id + "-plan." + ext + "\"").build();
    }

    @POST
    @Path("plan")
    @Consumes({YAML, "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response load(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] body) {
        boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON);
        ContestDto c = plans.load(body, json ? ContestPlans.Syntax.JSON : ContestPlans.Syntax.YAML,
                Caller.of(identity));
        return Response.created(URI.create("/api/contests/" + c.id())).entity(c).build();
    }

    /** {@code ?format} wins; else JSON when the client asks for JSON and not YAML; else YAML. */
    static ContestPlans.Syntax syntax(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "yaml" -> ContestPlans.Syntax.YAML;
                case "json" -> ContestPlans.Syntax.JSON;
                default -> throw ApiException.invalid(List.of(new FieldError("format", "must be yaml or json")));
            };
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return a.contains(MediaType.APPLICATION_JSON) && !a.contains("yaml") ? ContestPlans.Syntax.JSON
                : ContestPlans.Syntax.YAML;
    }
}
