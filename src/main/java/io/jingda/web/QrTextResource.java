package io.jingda.web;

import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /qr?text={link}}: a QR code (SVG) of any http(s) link up to 512 characters, e.g. a self-paced
 * contest's participant link {@code /s/{code}} on the console. Only links: the codes are for phones to open.
 */
@Path("/qr")
public class QrTextResource {
    static final int MAX_TEXT = 512;

    @GET
    @Produces("image/svg+xml")
    public Response text(@QueryParam("text") String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (text == null || text.length() > MAX_TEXT || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
            throw ApiException.invalid(List.of(new FieldError("text", "must be an http or https link of at most "
                    + MAX_TEXT + " characters")));
        }
        return Response.ok(QrResource.svg(text)).header("Cache-Control", "public, max-age=3600").build();
    }
}
