package io.jingda.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingda.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server on its embedded H2 database: participants answer self-paced attempts from several threads,
 * the server is killed with SIGKILL while answers are in flight, restarted on the same data, and every answer it
 * acknowledged is still counted in its attempt.
 */
class OnlineCrashIT {
    private static final String PASSWORD = "online-crash-pw";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void acknowledgedAnswersSurviveKillMinus9() throws Exception {
        ServerProcess first = ServerProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), tmp, "512m",
                PASSWORD, 0, List.of("-Djingda.questions.dir=" + Path.of("questions").toAbsolutePath()));
        server = first.process;
        int port = first.port;
        String body = JSON.writeValueAsString(Map.of("title", "断电测试", "mode", "self-paced",
                "draw", Map.of("types", List.of("single"), "count", 40, "seed", 3), "questionsPerAttempt", 10,
                "attemptsAllowed", 100, "timeLimit", 300, "opensAt", Instant.now().minusSeconds(60).toString(),
                "closesAt", Instant.now().plusSeconds(3600).toString()));
        long id = call("POST", port, "/api/contests", body, true, null).get("id").asLong();
        String code = call("POST", port, "/api/contests/" + id + "/actions/open", "", true, null).get("code").asText();

        Map<Long, AtomicInteger> acked = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> players = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            String name = "选手" + p;
            Thread t = new Thread(() -> {
                try {
                    String token = call("POST", port, "/api/self/" + code + "/register",
                            JSON.writeValueAsString(Map.of("name", name)), false, null).get("token").asText();
                    while (running.get()) {
                        JsonNode a = call("POST", port, "/api/self/" + code + "/attempts", "", false, token);
                        long attemptId = a.get("attemptId").asLong();
                        JsonNode q = a.get("question");
                        int n = 0;
                        while (q != null && !q.isNull() && running.get()) {
                            String choice = q.get("options").get(0).get("id").asText();
                            JsonNode r = call("POST", port, "/api/self/attempts/" + attemptId + "/answers",
                                    JSON.writeValueAsString(Map.of("questionId", q.get("id").asText(), "choice", choice,
                                            "requestId", "r" + n++)), false, token);
                            acked.computeIfAbsent(attemptId, k -> new AtomicInteger()).incrementAndGet();
                            q = r.get("question");
                        }
                    }
                } catch (Exception e) {
                    // the server died under us: what was in flight was never acknowledged
                }
            });
            t.start();
            players.add(t);
        }
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until || acked.values().stream().mapToInt(AtomicInteger::get).sum() < 50) {
            Thread.sleep(50);
        }
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
        server.waitFor();
        running.set(false);
        for (Thread t : players) {
            t.join();
        }
        int total = acked.values().stream().mapToInt(AtomicInteger::get).sum();

        ServerProcess second = ServerProcess.restart(first, "after-kill");
        server = second.process;
        JsonNode attempts = call("GET", second.port, "/api/contests/" + id + "/attempts?size=500", null, true, null);
        Map<Long, Integer> stored = new ConcurrentHashMap<>();
        attempts.get("items").forEach(a -> stored.put(a.get("attemptId").asLong(), a.get("answered").asInt()));
        List<String> lost = new ArrayList<>();
        acked.forEach((attempt, n) -> {
            if (stored.getOrDefault(attempt, 0) < n.get()) {
                lost.add("attempt " + attempt + ": " + n.get() + " acknowledged, " + stored.getOrDefault(attempt, 0) + " stored");
            }
        });
        long answers = call("GET", second.port, "/api/contests/" + id + "/dashboard", null, true, null).get("answers").asLong();
        System.out.printf("OnlineCrashIT: %d acknowledged answers in %d attempts before kill -9, %d stored after, %d attempts short%n",
                total, acked.size(), answers, lost.size());
        assertThat(lost).as("acknowledged but missing after kill -9").isEmpty();
        assertThat(answers).isGreaterThanOrEqualTo(total);
    }

    private JsonNode call(String method, int port, String path, String body, boolean admin, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (admin) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        } else if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
