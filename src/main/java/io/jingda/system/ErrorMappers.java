package io.jingda.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error of the API leaves as {@link ApiError} (or the body an {@link ApiException} carries).
 * The security ones (401, 403, a locked sign-in) are mapped in {@code account.AuthErrorMappers}.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Object body = e.body() != null ? e.body() : new ApiError(e.code(), e.getMessage(), e.errors());
        if (e.status() == 429) {
            // every 429 says when to come back; one second when the thrower did not know better
            return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                    .header("Retry-After", Math.max(1, e.retryAfterSeconds())).build();
        }
        return json(e.status(), body);
    }

    /** Bodies that are not valid JSON or do not fit the request's fields: 400 with the field, the kind expected, the line. */
    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException e) {
        JsonErrors.Problem p = JsonErrors.describe(e);
        return json(400, new ApiError("INVALID_JSON", p.sentence(), List.of(new FieldError(p.field(), p.message()))));
    }

    // the specific types too: Quarkus has its own mappers for them, with another shape
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognized(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(com.fasterxml.jackson.databind.JsonMappingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return badJson(jpe);
        }
        // the framework's messages can name classes ("No message body reader for class ..."): say only the status
        String message = e.getMessage() == null ? "HTTP " + status
                : JsonErrors.scrub(e.getMessage());
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message));
        e.getResponse().getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) {
                v.forEach(x -> b.header(k, x));
            }
        });
        return b.build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return json(500, new ApiError("INTERNAL_ERROR", "an unexpected error occurred; it has been logged"));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
