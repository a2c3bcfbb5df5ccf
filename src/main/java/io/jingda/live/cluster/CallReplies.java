package io.jingda.live.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The owner's replies on a node's channel, as JSON: {@code {"c": correlation, "f": frame or [frames]}}
 * for a socket's message, {@code {"c", "ok": true, "v": result}} or {@code {"c", "ok": false, "s": status,
 * "code", "message", "errors", "body", "retry"}} for a call; and the owner's error rebuilt on the edge,
 * so that the caller gets the very answer the owner gave.
 */
final class CallReplies {
    private CallReplies() {
    }

    static ObjectNode frame(String corr, String frame) {
        ObjectNode m = ClusterNode.JSON.createObjectNode();
        m.put("c", corr);
        m.put("f", frame);
        return m;
    }

    static ObjectNode frames(String corr, List<String> frames) {
        ObjectNode m = ClusterNode.JSON.createObjectNode();
        m.put("c", corr);
        ArrayNode f = m.putArray("f");
        frames.forEach(f::add);
        return m;
    }

    static ObjectNode ok(String corr, Object value) {
        ObjectNode m = ClusterNode.JSON.createObjectNode();
        m.put("c", corr);
        m.put("ok", true);
        m.set("v", ClusterNode.JSON.valueToTree(value));
        return m;
    }

    static ObjectNode failed(String corr, ApiException a) {
        ObjectNode m = ClusterNode.JSON.createObjectNode();
        m.put("c", corr);
        m.put("ok", false);
        m.put("s", a.status());
        m.put("code", a.code());
        m.put("message", a.getMessage());
        m.set("errors", ClusterNode.JSON.valueToTree(a.errors()));
        m.set("body", ClusterNode.JSON.valueToTree(a.body()));
        m.put("retry", a.retryAfterSeconds());
        return m;
    }

    static ApiException error(JsonNode reply) {
        List<FieldError> fields = new ArrayList<>();
        reply.path("errors").forEach(f -> fields.add(new FieldError(f.path("field").asText(), f.path("message").asText())));
        JsonNode body = reply.get("body");
        long retry = reply.path("retry").asLong();
        if (retry > 0) {
            return ApiException.tooManyRequests(reply.path("code").asText(), reply.path("message").asText(), retry);
        }
        return new ApiException(reply.path("s").asInt(500), reply.path("code").asText("INTERNAL"),
                reply.path("message").asText(), fields, body == null || body.isNull() ? null : body);
    }
}
