package io.jingda.contest.rest;

import io.jingda.contest.Caller;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestAction;
import io.jingda.contest.ContestDto;
import io.jingda.contest.UnitView;
import io.jingda.contest.ContestRequest;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestService;
import io.jingda.contest.JoinLimitsRequest;
import io.jingda.contest.ActionRequest;
import io.jingda.contest.ContestRecords;
import io.jingda.contest.RulingRequest;
import io.jingda.contest.TeamAssignment;
import io.jingda.system.FieldError;
import io.jingda.system.JsonText;
import io.jingda.contest.results.ResultsExport;
import io.jingda.contest.results.ResultsService;

import io.jingda.system.ApiException;
import io.jingda.account.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    private final ContestRecords records;
    private final io.jingda.contest.OnlineContestService online;

    public ContestResource(ContestService contests, ContestEngine engine, ResultsService results,
                           SecurityIdentity identity, ContestRecords records, io.jingda.contest.OnlineContestService online) {
        this.online = online;
        this.records = records;
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
    public ContestDto act(@PathParam("id") long id, @PathParam("action") String action,
                          @HeaderParam("Content-Type") String type, String body) {
        if (online.isSelfPaced(id)) {
            ContestAction a = ContestAction.parse(action).orElseThrow(() -> new ApiException(404, "NOT_FOUND",
                    "unknown action '" + action + "' (" + ContestAction.names() + ")", List.of()));
            return online.actOnline(id, a, actionBody(type, body), caller());
        }
        return engine.act(id, action, actionBody(type, body), caller());
    }

    /** The unit list of a self-paced contest, as CSV, XLSX or JSON (docs/online.md). */
    @PUT
    @Path("{id}/units")
    @Consumes(MediaType.WILDCARD)
    public List<UnitView> units(@PathParam("id") long id, @HeaderParam("Content-Type") String type,
                                                     byte[] body) {
        return online.replaceUnits(id, io.jingda.contest.UnitListFile.parse(body, type), caller()).stream()
                .map(UnitView::of).toList();
    }

    /**
     * The optional JSON body of an action ({@code judge}, {@code tiebreak}, {@code extend}); an empty body, or one that is
     * not {@code application/json}, is none (the actions without a body accept any, as before).
     */
    private static ActionRequest actionBody(String type, String body) {
        if (body == null || body.isBlank() || type == null || !type.toLowerCase(java.util.Locale.ROOT)
                .startsWith(MediaType.APPLICATION_JSON)) {
            return null;
        }
        try {
            return JsonText.read(body, ActionRequest.class);
        } catch (Exception e) {
            throw ApiException.invalid(List.of(new FieldError("body",
                    "must be JSON such as {\"correct\": true} or {\"teams\": [1, 2]}")));
        }
    }

    @GET
    @Path("{id}/rulings")
    public List<ContestRecords.Ruling> rulings(@PathParam("id") long id) {
        contests.require(id, caller());
        return records.rulings(id);
    }

    @POST
    @Path("{id}/rulings")
    public Response rule(@PathParam("id") long id, RulingRequest body) {
        ContestRecords.Ruling r = engine.rule(id, body, caller());
        return Response.created(URI.create("/api/contests/" + id + "/rulings/" + r.id())).entity(r).build();
    }

    @PUT
    @Path("{id}/participants/{pid}/team")
    public Response assignTeam(@PathParam("id") long id, @PathParam("pid") long pid, TeamAssignment body) {
        engine.assignTeam(id, pid, body == null ? null : body.teamId(), caller());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/participants")
    public List<ContestEngine.ParticipantView> participants(@PathParam("id") long id) {
        contests.require(id, caller());
        return engine.participants(id).orElseGet(() -> results.results(id, caller()).standings().stream()
                .map(s -> new ContestEngine.ParticipantView(s.participantId(), s.nickname(), s.score(), s.rank(), false, 0, s.teamId()))
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
