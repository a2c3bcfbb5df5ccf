package io.jingda.media.rest;

import io.jingda.account.Roles;
import io.jingda.media.MediaService;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

/** Picture uploads for questions and options (multipart, field {@code file}). */
@Path("/api/media")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
public class MediaResource {
    private final MediaService media;

    public MediaResource(MediaService media) {
        this.media = media;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid(List.of(new FieldError("file", "is required: the picture (multipart field 'file')")));
        }
        MediaService.Stored stored = media.upload(file.size(), () -> {
            try {
                return Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Response.created(URI.create(stored.url())).entity(stored).build();
    }
}
