package io.jingda.contest.rest;

import io.jingda.contest.Caller;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestDto;
import io.jingda.contest.ContestRequest;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestService;
import io.jingda.contest.JoinLimitsRequest;
import io.jingda.contest.results.ResultsExport;
import io.jingda.contest.results.ResultsService;

import io.jingda.system.ApiException;
import io.jingda.account.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** The host's contest API. Thin: every rule lives in the services. */
@Path("/api/contests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HOST, Roles.ADMIN})
public class ContestResource {
    private final ContestService contests;
    private final ContestEngine engine;
    private final ResultsService results;
    private final SecurityIdentity identity;

    public ContestResource(ContestService contests, ContestEngine engine,
                           ResultsService results, SecurityIdentity identity) {
        this.contests = contests;
        this.engine = engine;
        this.results = results;
        this.identity = identity;
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    @GET
    public List<ContestDto> list() {
        return contests.list(caller());
    }

    @POST
    public Response create(ContestRequest body) {
        ContestDto c = contests.create(body, caller());
        return Response.created(URI.create("/api/contests/" + c.id())).entity(c).build();
    }

    @GET
    @Path("{id}")
    public ContestDto get(@PathParam("id") long id) {
        return contests.get(id, caller());
    }

    @PUT
    @Path("{id}")
    public ContestDto update(@PathParam("id") long id, ContestRequest body) {
        return contests.update(id, body, caller());
    }

    /** The join limits (maxParticipants, joinsPerMinute), in any state but FINISHED. */
    @PATCH
    @Path("{id}")
    public ContestDto joinLimits(@PathParam("id") long id, JoinLimitsRequest body) {
        return contests.joinLimits(id, body, caller());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        contests.delete(id, caller());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/actions/{action}")
    @Consumes(MediaType.WILDCARD)
    public ContestDto act(@PathParam("id") long id, @PathParam("action") String action) {
        return engine.act(id, action, caller());
    }

    @GET
    @Path("{id}/participants")
    public List<ContestEngine.ParticipantView> participants(@PathParam("id") long id) {
        contests.require(id, caller());
        return engine.participants(id).orElseGet(() -> results.results(id, caller()).standings().stream()
                .map(s -> new ContestEngine.ParticipantView(s.participantId(), s.nickname(), s.score(), s.rank(), false, 0))
                .toList());
    }

    @DELETE
    @Path("{id}/participants/{pid}")
    public Response kick(@PathParam("id") long id, @PathParam("pid") long pid) {
        engine.kick(id, pid, caller());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/results")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response results(@PathParam("id") long id, @QueryParam("format") String format) {
        ResultsService.Results r = results.results(id, caller());
        if (format == null || format.isEmpty() || format.equals("json")) {
            return Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Contest contest = contests.require(id, caller());
        java.util.function.Function<String, String> name = ext -> ResultsExport.contentDisposition(id, contest.title,
                contest.createdAt, java.time.ZoneId.systemDefault(), ext);
        return switch (format) {
            case "csv" -> Response.ok(ResultsExport.csv(r), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", name.apply("csv")).build();
            case "xlsx" -> Response.ok(ResultsExport.xlsx(r),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", name.apply("xlsx")).build();
            default -> throw ApiException.invalid(List.of(new io.jingda.system.FieldError("format",
                    "must be json, csv or xlsx")));
        };
    }
}
