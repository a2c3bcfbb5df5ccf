package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * A socket to a packaged server (the JDK's WebSocket client, for tests outside Quarkus): records every
 * text frame, parsed, in arrival order, and reads them with a cursor ({@link #next}) or all at once.
 */
public final class LiveSocket implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private int cursor;
    private volatile boolean closed;
    private WebSocket ws;

    private LiveSocket() {
    }

    /** A participant's socket: {@code /ws/play/{contestId}?token=…} on the server at {@code baseUrl}. */
    public static LiveSocket play(HttpClient http, String baseUrl, long contestId, String token) {
        return open(http, baseUrl, "/ws/play/" + contestId + "?token=" + token, null);
    }

    public static LiveSocket screen(HttpClient http, String baseUrl, String code) {
        return open(http, baseUrl, "/ws/screen/" + code, null);
    }

    public static LiveSocket host(HttpClient http, String baseUrl, long contestId, String user, String password) {
        return open(http, baseUrl, "/ws/host/" + contestId,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static LiveSocket open(HttpClient http, String baseUrl, String path, String authorization) {
        LiveSocket s = new LiveSocket();
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        s.ws = b.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + path), s).join();
        return s;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame;
            try {
                frame = JSON.readTree(partial.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
            synchronized (this) {
                frames.add(frame);
                notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }

    /** True until the server closed the socket or the connection broke. */
    public boolean isOpen() {
        return !closed && !ws.isInputClosed();
    }

    /** The next frame of this type after the cursor, which moves past it (frames of other types are skipped). */
    public JsonNode next(String type) throws InterruptedException {
        return next(type, f -> true);
    }

    public synchronized JsonNode next(String type, Predicate<JsonNode> p) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            while (cursor < frames.size()) {
                JsonNode f = frames.get(cursor++);
                if (type.equals(f.path("type").asText()) && p.test(f)) {
                    return f;
                }
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no '" + type + "' frame within " + WAIT + "; got " + types(Set.of()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until this socket has received at least {@code count} frames of the type (from its start). */
    public synchronized void awaitCount(String type, int count) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (frames.stream().filter(f -> type.equals(f.path("type").asText())).count() < count) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(count + " '" + type + "' frames not within " + WAIT + "; got " + types(Set.of()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The types of the frames received so far, in order, leaving out those in {@code ignored}. */
    public synchronized List<String> types(Set<String> ignored) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : frames) {
            String t = f.path("type").asText();
            if (!ignored.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    public void send(String text) {
        ws.sendText(text, true).join();
    }

    public void answer(String questionId, String choice, String requestId) {
        send("{\"type\":\"answer\",\"questionId\":\"" + questionId + "\",\"choice\":\"" + choice
                + "\",\"requestId\":\"" + requestId + "\"}");
    }

    /** Drops the connection without a close frame (as a phone that loses its network). */
    public void abort() {
        ws.abort();
    }
}
