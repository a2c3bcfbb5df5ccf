package io.jingda.media.rest;

import io.jingda.media.MediaStore;
import io.jingda.media.MediaUrls;
import io.jingda.system.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The stored pictures, public (participants' phones and the projector load them). A URL is a content
 * hash, so the answer never changes: cached for a year as immutable; its type is fixed by the stored
 * kind and {@code nosniff} stops a browser from guessing another.
 */
@Path("/media")
public class MediaFiles {
    static final String CACHE = "public, max-age=31536000, immutable";

    private final MediaStore store;

    public MediaFiles(MediaStore store) {
        this.store = store;
    }

    @GET
    @Path("{file}")
    public Response get(@PathParam("file") String file) {
        MediaUrls.Ref ref = MediaUrls.parse(MediaUrls.PREFIX + file)
                .orElseThrow(() -> ApiException.notFound("picture", file));
        byte[] bytes = store.content(ref.sha256(), ref.kind()).orElseThrow(() -> ApiException.notFound("picture", file));
        return Response.ok(bytes, ref.kind().contentType())
                .header("Cache-Control", CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("ETag", "\"" + ref.sha256() + "\"")
                .build();
    }
}
