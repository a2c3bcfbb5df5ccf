package io.jingda.system;

import io.jingda.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged server on its embedded H2 database, writes through the API from several
 * clients, kills the process with SIGKILL while writes are in flight, restarts it on the same data
 * directory and checks that every write the API acknowledged is still there.
 */
class DurabilityIT {
    private static final String PASSWORD = "durability-pw";
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
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path bank = Files.createDirectories(tmp.resolve("questions"));
        ServerProcess first = ServerProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), tmp, "512m",
                PASSWORD, 0, List.of("-Djingda.questions.dir=" + bank));
        server = first.process;
        final int port = first.port;
        send("POST", port, "/api/question-sets", "{\"id\":\"durable\",\"title\":\"持久化\"}", 201);

        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger seq = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String id = "durable-" + seq.incrementAndGet();
                    String body = "{\"id\":\"" + id + "\",\"set\":\"durable\",\"type\":\"numeric\",\"stem\":\"第" + id
                            + "题\",\"answer\":" + id.hashCode() + "}";
                    try {
                        if (post(port, body) == 201) {
                            acked.add(id);
                        }
                    } catch (Exception e) {
                        return; // the server died under us: this write was never acknowledged
                    }
                }
            });
            t.start();
            writers.add(t);
        }
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until || acked.size() < 20) {
            Thread.sleep(50);
        }
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
        server.waitFor();
        running.set(false);
        for (Thread t : writers) {
            t.join();
        }
        List<String> ackedIds = new ArrayList<>(acked);
        assertThat(ackedIds).hasSizeGreaterThanOrEqualTo(20);

        ServerProcess second = ServerProcess.restart(first, "after-kill");
        server = second.process;
        List<String> lost = new ArrayList<>();
        for (String id : ackedIds) {
            HttpResponse<String> r = http.send(request("GET", second.port, "/api/questions/" + id, null), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                lost.add(id);
            }
        }
        System.out.printf("DurabilityIT: %d acknowledged writes before kill -9, %d lost%n", ackedIds.size(), lost.size());
        assertThat(lost).as("acknowledged but missing after kill -9").isEmpty();
    }

    private int post(int port, String body) throws Exception {
        return http.send(request("POST", port, "/api/questions", body), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void send(String method, int port, String path, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(request(method, port, path, body), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    }

    private static HttpRequest request(String method, int port, String path, String body) {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
