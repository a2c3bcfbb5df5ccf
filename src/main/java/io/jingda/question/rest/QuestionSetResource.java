package io.jingda.question.rest;

import io.jingda.question.QuestionService;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.transfer.BankLoader;
import io.jingda.question.transfer.LoadReport;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

@Path("/api/question-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
public class QuestionSetResource {
    private final QuestionService service;
    private final BankLoader loader;

    public QuestionSetResource(QuestionService service, BankLoader loader) {
        this.service = service;
        this.loader = loader;
    }

    @GET
    public List<QuestionSetDto> list() {
        return service.listSets();
    }

    /** The result of the last load of the questions/ directory. */
    @GET
    @Path("load-report")
    public LoadReport loadReport() {
        return loader.lastReport();
    }

    @GET
    @Path("{id}")
    public QuestionSetDto get(@PathParam("id") String id) {
        return service.getSet(id).orElseThrow(() -> ApiException.notFound("question set", id));
    }

    @POST
    public Response create(QuestionSetDto body) {
        QuestionSetDto created = service.createSet(body);
        return Response.created(URI.create("/api/question-sets/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public QuestionSetDto update(@PathParam("id") String id, QuestionSetDto body) {
        return service.updateSet(id, body).orElseThrow(() -> ApiException.notFound("question set", id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!service.deleteSet(id)) {
            throw ApiException.notFound("question set", id);
        }
        return Response.noContent().build();
    }
}
