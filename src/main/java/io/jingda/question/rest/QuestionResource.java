package io.jingda.question.rest;

import io.jingda.question.Page;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSearch;
import io.jingda.question.QuestionService;
import io.jingda.system.ApiException;
import io.jingda.account.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/api/questions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
public class QuestionResource {
    private final QuestionService service;

    public QuestionResource(QuestionService service) {
        this.service = service;
    }

    /** Paged search; {@code page} counts from 0, {@code size} is at most 200. */
    @GET
    public Page<QuestionDto> search(@QueryParam("set") String set, @QueryParam("type") String type,
                                    @QueryParam("tag") String tag, @QueryParam("difficulty") String difficulty,
                                    @QueryParam("q") String q, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return service.search(QuestionSearch.of(set, type, tag, difficulty, q, page, size));
    }

    @GET
    @Path("{id}")
    public QuestionDto get(@PathParam("id") String id) {
        return service.get(id).orElseThrow(() -> ApiException.notFound("question", id));
    }

    @POST
    public Response create(QuestionDto body) {
        QuestionDto created = service.create(body);
        return Response.created(URI.create("/api/questions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public QuestionDto update(@PathParam("id") String id, QuestionDto body) {
        return service.update(id, body).orElseThrow(() -> ApiException.notFound("question", id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!service.delete(id)) {
            throw ApiException.notFound("question", id);
        }
        return Response.noContent().build();
    }
}
