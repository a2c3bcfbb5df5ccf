package io.jingda.online.rest;

import io.jingda.online.OnlineCatalog;
import io.jingda.online.OnlineLimits;
import io.jingda.online.OnlineReports;
import io.jingda.online.OnlineService;
import io.jingda.online.OnlineViews;
import io.jingda.system.ApiException;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The participant's API of self-paced contests (docs/online.md). Public; a token (Bearer) after registering. */
@Path("/api/self")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Blocking
public class SelfResource {
    private final OnlineService service;
    private final OnlineLimits limits;
    private final OnlineCatalog catalog;
    private final OnlineReports reports;
    private final io.jingda.online.OnlineRegistration registration;

    public SelfResource(OnlineService service, OnlineLimits limits, OnlineCatalog catalog, OnlineReports reports,
                        io.jingda.online.OnlineRegistration registration) {
        this.registration = registration;
        this.service = service;
        this.limits = limits;
        this.catalog = catalog;
        this.reports = reports;
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    /** Runs a call, counting unknown codes and bad tokens against the address. */
    private <T> T guarded(HttpServerRequest request, java.util.function.Supplier<T> call) {
        String address = address(request);
        limits.checkFailures(address);
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.status() == 404 || e.status() == 401) {
                limits.failed(address);
            }
            throw e;
        }
    }

    @GET
    @Path("{code}")
    public OnlineViews.ContestInfo info(@PathParam("code") String code, @Context HttpServerRequest request) {
        return guarded(request, () -> registration.info(code));
    }

    @POST
    @Path("{code}/register")
    public CompletionStage<Response> register(@PathParam("code") String code, OnlineViews.RegisterRequest body,
                                              @Context HttpServerRequest request) {
        return guarded(request, () -> {
            catalog.byCode(code);
            limits.register(address(request));
            return Async.unwrap(registration.register(code, body).thenApply(r -> Response.status(r.returning() ? 200 : 201)
                    .entity(r).build()));
        });
    }

    @GET
    @Path("{code}/me")
    public OnlineViews.Me me(@PathParam("code") String code, @HeaderParam("Authorization") String auth,
                             @Context HttpServerRequest request) {
        return guarded(request, () -> service.me(code, token(auth)));
    }

    @POST
    @Path("{code}/attempts")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> start(@PathParam("code") String code, @HeaderParam("Authorization") String auth,
                                           @Context HttpServerRequest request) {
        return guarded(request, () -> Async.unwrap(service.start(code, token(auth)).thenApply(s ->
                Response.status(s.created() ? 201 : 200).entity(s.attempt()).build())));
    }

    @GET
    @Path("attempts/{attemptId}")
    public CompletionStage<OnlineViews.Attempt> attempt(@PathParam("attemptId") long attemptId,
                                                        @HeaderParam("Authorization") String auth,
                                                        @Context HttpServerRequest request) {
        return guarded(request, () -> Async.unwrap(service.attempt(attemptId, token(auth))));
    }

    @POST
    @Path("attempts/{attemptId}/answers")
    public CompletionStage<OnlineViews.AnswerResponse> answer(@PathParam("attemptId") long attemptId,
                                                              @HeaderParam("Authorization") String auth,
                                                              OnlineViews.AnswerRequest body,
                                                              @Context HttpServerRequest request) {
        return guarded(request, () -> Async.unwrap(service.answer(attemptId, token(auth), body)));
    }

    /** What the organizer made public: the top individuals, or the unit ranking. */
    @GET
    @Path("{code}/rankings")
    public Object rankings(@PathParam("code") String code, @QueryParam("by") @DefaultValue("person") String by,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size, @Context HttpServerRequest request) {
        return guarded(request, () -> {
            OnlineCatalog.Loaded k = catalog.byCode(code);
            var pub = k.online().publicRanking();
            if ("unit".equals(by)) {
                if (!Boolean.TRUE.equals(pub.units())) {
                    throw new ApiException(403, "NOT_PUBLIC", "the unit ranking of this contest is not public", List.of());
                }
                return reports.units(k, "average", false, page, size);
            }
            if (!"person".equals(by)) {
                throw ApiException.invalid(List.of(new io.jingda.system.FieldError("by", "must be person or unit")));
            }
            int top = pub.persons() == null ? 0 : pub.persons();
            if (top == 0) {
                throw new ApiException(403, "NOT_PUBLIC", "the ranking of individuals of this contest is not public", List.of());
            }
            if ((long) page * size >= top) {
                return new OnlineViews.Page<>(Math.min(top, reports.persons(k, null, 0, 1).total()), page, size, List.of());
            }
            OnlineViews.Page<OnlineViews.PersonEntry> p = reports.persons(k, null, page, size);
            int keep = (int) Math.min(p.items().size(), top - (long) page * size);
            return new OnlineViews.Page<>(Math.min(top, p.total()), page, size, p.items().subList(0, keep).stream()
                    .map(e -> new OnlineViews.PersonEntry(e.rank(), 0, e.name(), e.unit(), e.unitId(), e.score(), e.timeMs(),
                            e.finishedAt(), e.attempts())).toList());
        });
    }
}
