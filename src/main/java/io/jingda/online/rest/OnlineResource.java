package io.jingda.online.rest;

import io.jingda.account.Roles;
import io.jingda.contest.Caller;
import io.jingda.online.OnlineCatalog;
import io.jingda.online.OnlineReports;
import io.jingda.online.OnlineViews;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.Spreadsheets;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The host's and organizer's reports of a self-paced contest (docs/online.md). Thin. */
@Path("/api/contests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HOST, Roles.ADMIN})
@Blocking
public class OnlineResource {
    private final OnlineReports reports;
    private final SecurityIdentity identity;

    public OnlineResource(OnlineReports reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    private OnlineCatalog.Loaded contest(long id) {
        return reports.mayView(id, Caller.of(identity));
    }

    @GET
    @Path("rankings")
    public Object rankings(@PathParam("id") long id, @QueryParam("by") @DefaultValue("person") String by,
                           @QueryParam("unit") String unit, @QueryParam("rollup") String rollup,
                           @QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        OnlineCatalog.Loaded k = contest(id);
        return switch (by) {
            case "person" -> reports.persons(k, reports.unitId(k, unit), page, size);
            case "unit" -> reports.units(k, sort, "parent".equals(rollup), page, size);
            default -> throw ApiException.invalid(List.of(new FieldError("by", "must be person or unit")));
        };
    }

    @GET
    @Path("dashboard")
    public OnlineViews.Dashboard dashboard(@PathParam("id") long id) {
        contest(id);
        return reports.dashboard(id);
    }

    @GET
    @Path("attempts")
    public OnlineViews.Page<OnlineViews.AttemptEntry> attempts(@PathParam("id") long id,
                                                               @QueryParam("flagged") boolean flagged,
                                                               @QueryParam("page") @DefaultValue("0") int page,
                                                               @QueryParam("size") @DefaultValue("50") int size) {
        return reports.attempts(contest(id), flagged, page, size);
    }

    @POST
    @Path("attempts/{attemptId}/void")
    public CompletionStage<OnlineViews.AttemptEntry> voidAttempt(@PathParam("id") long id,
                                                                 @PathParam("attemptId") long attemptId,
                                                                 OnlineViews.VoidRequest body) {
        return Async.unwrap(reports.voidAttempt(contest(id), attemptId, body == null ? null : body.reason(),
                Caller.of(identity)));
    }

    @GET
    @Path("export/{what}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id, @PathParam("what") String what,
                           @QueryParam("format") @DefaultValue("csv") String format) {
        OnlineCatalog.Loaded k = contest(id);
        Spreadsheets.Sheet sheet = reports.sheet(k, what);
        String name = "contest-" + id + "-" + what;
        return switch (format) {
            case "csv" -> Response.ok(Spreadsheets.csv(List.of(sheet)), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
            case "xlsx" -> Response.ok(Spreadsheets.xlsx(List.of(sheet)),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
            default -> throw ApiException.invalid(List.of(new FieldError("format", "must be csv or xlsx")));
        };
    }
}
