package io.jingda.live.rest;

import io.jingda.live.JoinRequest;
import io.jingda.live.JoinResponse;
import io.jingda.live.JoinService;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.CompletionStage;

/** Public: a participant joins with the contest code and a nickname. Non-blocking. */
@Path("/api/join")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JoinResource {
    private final JoinService joins;

    public JoinResource(JoinService joins) {
        this.joins = joins;
    }

    @GET
    @Path("{code}")
    public JoinService.Lookup lookup(@PathParam("code") String code, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return joins.lookup(code, address);
    }

    @POST
    public CompletionStage<JoinResponse> join(JoinRequest body, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return joins.join(body, address);
    }
}
