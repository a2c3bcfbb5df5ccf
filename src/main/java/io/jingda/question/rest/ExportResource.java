package io.jingda.question.rest;

import io.jingda.question.transfer.ExportService;
import io.jingda.question.format.ExportResult;
import io.jingda.question.format.Formats;
import io.jingda.question.format.QuestionFormat;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.account.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Downloads a set in any format. Questions the format cannot hold are listed in the headers
 * {@code Jingda-Omitted} (a count) and {@code Jingda-Omitted-Questions} (ids and reasons).
 */
@Path("/api/question-sets/{id}/export")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
public class ExportResource {
    private static final int MAX_LISTED = 50;
    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    public Response export(@PathParam("id") String id, @QueryParam("format") String formatId) {
        QuestionFormat format = Formats.byId(formatId == null ? "yaml" : formatId).orElseThrow(() ->
                ApiException.invalid(List.of(new FieldError("format", "unknown format '" + formatId + "' (expected one of "
                        + String.join(", ", Formats.ids()) + ")"))));
        ExportResult result = exports.export(id, format).orElseThrow(() -> ApiException.notFound("question set", id));
        Response.ResponseBuilder b = Response.ok(result.data(), format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + ExportService.fileName(id, format) + "\"")
                .header("Jingda-Omitted", result.omitted().size());
        if (!result.omitted().isEmpty()) {
            String listed = result.omitted().stream().limit(MAX_LISTED)
                    .map(o -> o.questionId() + " (" + o.reason() + ")").collect(Collectors.joining("; "));
            if (result.omitted().size() > MAX_LISTED) {
                listed += "; and " + (result.omitted().size() - MAX_LISTED) + " more";
            }
            b.header("Jingda-Omitted-Questions", ascii(listed));
        }
        return b.build();
    }

    /** Header values must be ASCII-safe; reasons are English and ids are ASCII, this is a guard. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
