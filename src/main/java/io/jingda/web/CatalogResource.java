package io.jingda.web;

import io.jingda.question.Page;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSearch;
import io.jingda.question.QuestionService;
import io.jingda.account.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * What a host needs to build a contest: the sets and the questions' stems, without answers
 * (the bank API carries answers and is for organizers only).
 */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HOST, Roles.ORGANIZER, Roles.ADMIN})
public class CatalogResource {
    private final QuestionService bank;

    public CatalogResource(QuestionService bank) {
        this.bank = bank;
    }

    public record SetSummary(String id, String title, List<String> tags, long questionCount) {
    }

    public record QuestionSummary(String id, String set, String type, String stem, List<String> tags,
                                  Integer difficulty, Integer timeLimit) {
    }

    @GET
    @Path("sets")
    public List<SetSummary> sets() {
        return bank.listSets().stream().map(s -> new SetSummary(s.id(), s.title(), s.tags() == null ? List.of() : s.tags(),
                s.questionCount() == null ? 0 : s.questionCount())).toList();
    }

    @GET
    @Path("questions")
    public Page<QuestionSummary> questions(@QueryParam("set") String set, @QueryParam("type") String type,
                                           @QueryParam("tag") String tag, @QueryParam("difficulty") String difficulty,
                                           @QueryParam("q") String q, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        Page<QuestionDto> p = bank.search(QuestionSearch.of(set, type, tag, difficulty, q, page, size));
        return new Page<>(p.items().stream().map(d -> new QuestionSummary(d.id(), d.set(), d.type(), d.stem(),
                d.tags() == null ? List.of() : d.tags(), d.difficulty(), d.timeLimit())).toList(),
                p.total(), p.page(), p.size());
    }
}
