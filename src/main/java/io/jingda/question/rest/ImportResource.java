package io.jingda.question.rest;

import io.jingda.question.transfer.ExportService;
import io.jingda.question.transfer.ImportReport;
import io.jingda.question.transfer.ImportService;
import io.jingda.question.format.Formats;
import io.jingda.question.format.QuestionFormat;
import io.jingda.system.ApiException;
import io.jingda.account.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Question file imports (preview, then commit) and the blank templates. */
@Path("/api/imports")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
public class ImportResource {
    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Multipart upload: {@code file}; optional {@code format}, {@code set} or {@code newSetTitle},
     * {@code mode} (preview, the default, or commit) and {@code onDuplicate} (skip, update, fail).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importFile(@RestForm("file") FileUpload file, @RestForm String format, @RestForm String set,
                                   @RestForm String newSetTitle, @RestForm String mode, @RestForm String onDuplicate) {
        return imports.run(new ImportService.ImportRequest(file == null ? null : file.fileName(),
                file == null ? null : file.uploadedFile(), format, set, newSetTitle, mode, onDuplicate));
    }

    @GET
    @Path("templates/{format}")
    public Response template(@PathParam("format") String formatId) {
        QuestionFormat format = Formats.byId(formatId).filter(ExportService::hasTemplate)
                .orElseThrow(() -> ApiException.notFound("template", formatId + " (templates: csv, xlsx)"));
        return Response.ok(ExportService.template(format), format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"jingda-template." + format.id() + "\"")
                .build();
    }
}
