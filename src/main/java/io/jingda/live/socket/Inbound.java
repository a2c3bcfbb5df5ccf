package io.jingda.live.socket;

import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.system.JsonText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.Optional;

/**
 * What every endpoint does with a client message before looking at it: rate and JSON checks. Size
 * and UTF-8 are checked on the socket before the message is decoded ({@link SocketGuard}).
 */
final class Inbound {
    static final CloseReason FLOOD = new CloseReason(1008, "too many messages");
    private static final UserData.TypedKey<RateGate> GATE = new UserData.TypedKey<>("rate-gate");

    private Inbound() {
    }

    static void init(WebSocketConnection c, int perSecond, int burst) {
        c.userData().put(GATE, new RateGate(perSecond, burst));
    }

    /**
     * The parsed frame, or empty after answering with an error (malformed, no type) or closing the
     * connection (flood): only this connection is affected.
     */
    static Optional<JsonNode> accept(WebSocketConnection c, String text) {
        RateGate gate = c.userData().get(GATE);
        if (gate != null && !gate.allow()) {
            LocalFanout.close(c, FLOOD);
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JsonText.parse(text);
        } catch (JsonProcessingException e) {
            error(c, "MALFORMED", "the message is not valid JSON");
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            error(c, "MALFORMED", "a message is a JSON object with a string field 'type'");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    static void error(WebSocketConnection c, String code, String message) {
        LocalFanout.send(c, Frames.json(new Messages.Error(code, message)));
    }

    /** ping → pong with the server time (clients use it to sync their countdown); true if handled. */
    static boolean common(WebSocketConnection c, JsonNode node, long now) {
        if ("ping".equals(node.get("type").asText())) {
            LocalFanout.send(c, Frames.json(new Messages.Pong(now)));
            return true;
        }
        return false;
    }
}
