package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import org.awaitility.Awaitility;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test client on the websockets-next connector that records every frame it receives. */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public final List<String> frames = new CopyOnWriteArrayList<>();
    public volatile CloseReason closeReason;
    private final WebSocketClientConnection connection;

    private WsClient(BasicWebSocketConnector connector) {
        // on the connection's event loop: the default (blocking) runs each message as an unordered
        // worker task, so two frames sent back to back could be recorded in the wrong order
        this.connection = connector
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, m) -> frames.add(m))
                .onClose((c, r) -> closeReason = r)
                .connectAndAwait();
    }

    /** A client on a connector the caller has set up (path, headers). */
    public static WsClient connect(BasicWebSocketConnector connector) {
        return new WsClient(connector);
    }

    public static WsClient play(URI base, long contestId, String token) {
        return new WsClient(BasicWebSocketConnector.create()
                .baseUri(URI.create(base.toString().replaceAll("/$", "") + "?token=" + token))
                .path("/ws/play/" + contestId));
    }

    public static WsClient screen(URI base, String code) {
        return new WsClient(BasicWebSocketConnector.create().baseUri(base).path("/ws/screen/" + code));
    }

    public static WsClient host(URI base, long contestId, String user, String password) {
        return new WsClient(BasicWebSocketConnector.create().baseUri(base).path("/ws/host/" + contestId)
                .addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes())));
    }

    public void send(String text) {
        connection.sendTextAndAwait(text);
    }

    public void answer(String questionId, Object choice, String requestId) {
        try {
            send(MAPPER.writeValueAsString(java.util.Map.of("type", "answer", "questionId", questionId,
                    "choice", choice, "requestId", requestId)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    public List<JsonNode> all() {
        return frames.stream().map(WsClient::parse).toList();
    }

    public List<JsonNode> ofType(String type) {
        return all().stream().filter(n -> type.equals(n.path("type").asText())).toList();
    }

    /** Waits for a frame of this type matching the predicate (searching from frame index {@code from}). */
    public JsonNode await(String type, int from, Predicate<JsonNode> p) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            List<String> snapshot = List.copyOf(frames);
            for (int i = from; i < snapshot.size(); i++) {
                JsonNode n = parse(snapshot.get(i));
                if (type.equals(n.path("type").asText()) && p.test(n)) {
                    found[0] = n;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public JsonNode await(String type) {
        return await(type, 0, n -> true);
    }

    public JsonNode awaitNext(String type, int from) {
        return await(type, from, n -> true);
    }

    public int mark() {
        return frames.size();
    }

    public static JsonNode parse(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
