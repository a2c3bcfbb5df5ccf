package io.jingda.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, each the packaged server: a self-paced contest created on node A is
 * served by both. Participants register and answer on either node, some attempts switch node in the middle
 * (started on A, answered on B), and one answer sent to both nodes at once with the same requestId is stored
 * once, with the same ack from both. Afterwards the person and unit rankings are the same on both nodes and
 * equal to what the answers imply. No node holds session state (docs/online.md, "Scale and durability").
 * <p>
 * Needs the jar built with the {@code pg} profile and PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres);
 * it uses a database of its own, {@value #DB}, created afresh. Left out of a plain {@code verify}; {@code .ci/run}
 * runs it beside ContestOwnershipIT:
 * {@code ./mvnw verify -Dquarkus.profile=pg -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='ContestOwnershipIT,OnlineTwoNodesIT'}.
 */
class OnlineTwoNodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "online-two-nodes-pw";
    private static final String DB = "jingda_online_it";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int PER_ATTEMPT = 4;
    private static final int PEOPLE = 6;
    private static final List<String> UNITS = List.of("机关党委", "第一支部", "第二支部");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ServerProcess> servers = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        servers.forEach(s -> s.process.destroyForcibly());
    }

    /** One finished attempt as the participant saw it: its score, and the result's time and finish. */
    record Played(long participantId, String unit, int score, long timeMs, long finishedAt) {
    }

    @Test
    void bothNodesServeOneContestStoreAnAnswerSentToBothOnceAndRankAlike() throws Exception {
        recreateDatabase();
        ServerProcess a = node("node-a");
        ServerProcess b = node("node-b");
        List<ServerProcess> nodes = List.of(a, b);

        long id = admin(a, "POST", "/api/contests", contest().toString(), 201).get("id").asLong();
        String code = admin(a, "POST", "/api/contests/" + id + "/actions/open", null, 200).get("code").asText();
        Map<String, String> key = new HashMap<>();
        Map<String, Integer> points = new HashMap<>();
        for (JsonNode q : admin(b, "GET", "/api/contests/" + id, null, 200).path("questions")) {
            key.put(q.path("questionId").asText(), q.path("answer").get(0).asText());
            points.put(q.path("questionId").asText(), q.path("points").asInt());
        }
        assertThat(self(b, "GET", "/api/self/" + code, null, null).body().path("title").asText()).isEqualTo("两台服务器的网络答题");

        // registering on either node; the same identity on the other node is the same participant, with the same token
        List<String> tokens = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            JsonNode r = self(nodes.get(i % 2), "POST", "/api/self/" + code + "/register", null,
                    "{\"name\":\"选手" + i + "\",\"unit\":\"" + UNITS.get(i % UNITS.size()) + "\"}").expect(201);
            tokens.add(r.get("token").asText());
            ids.add(r.get("participantId").asLong());
        }
        JsonNode again = self(b, "POST", "/api/self/" + code + "/register", null,
                "{\"name\":\"选手0\",\"unit\":\"" + UNITS.get(0) + "\"}").expect(200);
        assertThat(again.get("participantId").asLong()).isEqualTo(ids.get(0));
        assertThat(again.get("token").asText()).isEqualTo(tokens.get(0));

        List<Played> played = new ArrayList<>();
        int answers = 0;
        // participant 0 starts on A and answers everything on B; 1 stays on B; 2..5 alternate node at every answer;
        // participant i answers the first i % (PER_ATTEMPT + 1) questions right
        for (int i = 0; i < PEOPLE; i++) {
            int n = i;
            played.add(play(nodes.get(i % 2), j -> n == 0 ? b : n == 1 ? b : nodes.get((n + j) % 2), code,
                    ids.get(i), UNITS.get(i % UNITS.size()), tokens.get(i), key, points, i % (PER_ATTEMPT + 1)));
            answers += PER_ATTEMPT;
        }
        // a second attempt of participant 1, started on B and answered on A, all right: it is the one that counts
        played.add(play(b, j -> a, code, ids.get(1), UNITS.get(1), tokens.get(1), key, points, PER_ATTEMPT));
        answers += PER_ATTEMPT;

        // one answer sent to both nodes at once with the same requestId: stored once, the same ack from both
        JsonNode attempt = self(a, "POST", "/api/self/" + code + "/attempts", tokens.get(2), null).expect(201);
        long attemptId = attempt.get("attemptId").asLong();
        String qid = attempt.path("question").path("id").asText();
        String body = "{\"questionId\":\"" + qid + "\",\"choice\":\"" + key.get(qid) + "\",\"requestId\":\"twice\"}";
        CompletableFuture<Reply> onA = selfAsync(a, "/api/self/attempts/" + attemptId + "/answers", tokens.get(2), body);
        CompletableFuture<Reply> onB = selfAsync(b, "/api/self/attempts/" + attemptId + "/answers", tokens.get(2), body);
        JsonNode ackA = onA.join().expect(200).get("ack");
        JsonNode ackB = onB.join().expect(200).get("ack");
        assertThat(ackA.get("requestId").asText()).isEqualTo("twice");
        assertThat(ackB.get("position")).isEqualTo(ackA.get("position"));
        assertThat(ackB.get("status")).isEqualTo(ackA.get("status"));
        assertThat(ackB.get("receivedAt")).as("the same stored answer").isEqualTo(ackA.get("receivedAt"));
        assertThat(count("SELECT COUNT(*) FROM online_answer WHERE attempt_id = " + attemptId)).isEqualTo(1);
        assertThat(count("SELECT position FROM online_attempt WHERE id = " + attemptId)).as("moved on once").isEqualTo(1);
        answers += 1;
        // that attempt is still running: it is not ranked, and the participant's first one still counts

        // the rankings: the same on both nodes and equal to what the answers imply
        List<Played> best = counted(played);
        JsonNode personsA = admin(a, "GET", "/api/contests/" + id + "/rankings?by=person&size=50", null, 200);
        JsonNode personsB = admin(b, "GET", "/api/contests/" + id + "/rankings?by=person&size=50", null, 200);
        assertThat(personsB).isEqualTo(personsA);
        assertThat(personsA.get("total").asInt()).isEqualTo(PEOPLE);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            Played p = best.get(i);
            expected.add((i + 1) + " " + p.participantId() + " " + p.unit() + " " + p.score() + " " + p.timeMs() + " " + p.finishedAt());
        }
        List<String> served = new ArrayList<>();
        for (JsonNode e : personsA.path("items")) {
            served.add(e.get("rank").asInt() + " " + e.get("participantId").asLong() + " " + e.get("unit").asText() + " "
                    + e.get("score").asInt() + " " + e.get("timeMs").asLong() + " " + e.get("finishedAt").asLong());
        }
        assertThat(served).containsExactlyElementsOf(expected);

        JsonNode unitsA = awaitSame(a, b, "/api/contests/" + id + "/rankings?by=unit");
        Map<String, JsonNode> byUnit = new HashMap<>();
        unitsA.path("items").forEach(u -> byUnit.put(u.get("unit").asText(), u));
        assertThat(byUnit).containsOnlyKeys(UNITS);
        for (String unit : UNITS) {
            List<Integer> scores = best.stream().filter(p -> p.unit().equals(unit)).map(Played::score).toList();
            JsonNode u = byUnit.get(unit);
            assertThat(u.get("participants").asInt()).as(unit).isEqualTo(scores.size());
            assertThat(u.get("averageScore").asDouble()).as(unit)
                    .isEqualTo(Math.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow() * 10_000) / 10_000.0);
            assertThat(u.get("headcount").asInt()).isEqualTo(10);
        }
        for (ServerProcess s : nodes) {
            assertThat(admin(s, "GET", "/api/contests/" + id + "/dashboard", null, 200).get("answers").asInt())
                    .as("the answers stored, counted once").isEqualTo(answers);
        }
        assertThat(count("SELECT COUNT(*) FROM online_answer w JOIN online_attempt t ON t.id = w.attempt_id "
                + "WHERE t.contest_id = " + id)).isEqualTo(answers);
    }

    /** The contest: a pool of 12 single-choice questions, 4 per attempt, two attempts each, three units. */
    private static ObjectNode contest() {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", "两台服务器的网络答题");
        body.put("mode", "self-paced");
        ObjectNode draw = body.putObject("draw");
        draw.putArray("types").add("single");
        draw.put("count", 12);
        draw.put("seed", 11);
        body.put("questionsPerAttempt", PER_ATTEMPT);
        body.put("attemptsAllowed", 2);
        body.put("opensAt", Instant.now().minusSeconds(60).toString());
        body.put("closesAt", Instant.now().plusSeconds(3600).toString());
        body.put("timeLimit", 60);
        body.put("showAnswers", "afterAttempt");
        ArrayNode units = body.putArray("units");
        units.addObject().put("name", UNITS.get(0)).put("headcount", 10);
        units.addObject().put("name", UNITS.get(1)).put("parent", UNITS.get(0)).put("headcount", 10);
        units.addObject().put("name", UNITS.get(2)).put("parent", UNITS.get(0)).put("headcount", 10);
        return body;
    }

    interface NodeFor {
        ServerProcess answer(int position);
    }

    /** One attempt: started on {@code start}, answer j sent to {@code nodeFor.answer(j)}, the first {@code right} right. */
    private Played play(ServerProcess start, NodeFor nodeFor, String code, long participantId, String unit, String token,
                        Map<String, String> key, Map<String, Integer> points, int right) throws Exception {
        JsonNode a = self(start, "POST", "/api/self/" + code + "/attempts", token, null).expect(201);
        long attemptId = a.get("attemptId").asLong();
        JsonNode q = a.get("question");
        int score = 0;
        JsonNode last = null;
        for (int j = 0; q != null && !q.isNull(); j++) {
            String qid = q.get("id").asText();
            String choice = key.get(qid);
            if (j >= right) {
                for (JsonNode o : q.get("options")) {
                    if (!o.get("id").asText().equals(choice)) {
                        choice = o.get("id").asText();
                        break;
                    }
                }
            } else {
                score += points.get(qid);
            }
            last = self(nodeFor.answer(j), "POST", "/api/self/attempts/" + attemptId + "/answers", token,
                    "{\"questionId\":\"" + qid + "\",\"choice\":\"" + choice + "\",\"requestId\":\"a" + attemptId + "-" + j + "\"}")
                    .expect(200);
            assertThat(last.path("ack").path("status").asText()).isEqualTo("ACCEPTED");
            q = last.get("question");
        }
        JsonNode result = last.get("result");
        assertThat(result.get("score").asInt()).as("the score the answers imply").isEqualTo(score);
        return new Played(participantId, unit, score, result.get("timeMs").asLong(), result.get("finishedAt").asLong());
    }

    /** Each participant's best attempt (score, then time, then finish), ranked; ties are not expected here. */
    private static List<Played> counted(List<Played> played) {
        Comparator<Played> order = Comparator.comparingInt((Played p) -> -p.score()).thenComparingLong(Played::timeMs)
                .thenComparingLong(Played::finishedAt);
        Map<Long, Played> best = new HashMap<>();
        played.forEach(p -> best.merge(p.participantId(), p, (x, y) -> order.compare(x, y) <= 0 ? x : y));
        List<Played> out = new ArrayList<>(best.values());
        out.sort(order.thenComparingLong(Played::participantId));
        return out;
    }

    /** The same GET on both nodes until they agree (each node reuses a unit ranking for jingda.online.ranking-cache). */
    private JsonNode awaitSame(ServerProcess a, ServerProcess b, String path) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode x = admin(a, "GET", path, null, 200);
            JsonNode y = admin(b, "GET", path, null, 200);
            if (x.equals(y)) {
                return x;
            }
            if (System.nanoTime() > until) {
                assertThat(y).as("the same on both nodes").isEqualTo(x);
            }
            Thread.sleep(200);
        }
    }

    // ------------------------------------------------------------------ nodes, database, HTTP

    private ServerProcess node(String nodeId) throws Exception {
        ServerProcess s = ServerProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), work.resolve(nodeId),
                "384m", PASSWORD, 100, List.of("-Dquarkus.profile=pg", "-DJINGDA_DB_URL=" + PG + DB,
                        "-Djingda.cluster.node-id=" + nodeId, "-Dquarkus.log.category.\"io.jingda\".level=INFO"));
        servers.add(s);
        return s;
    }

    private static void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DB);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + DB, "postgres", "");
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    record Reply(int status, String text) {
        JsonNode body() {
            try {
                return text.isBlank() ? null : JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException(text, e);
            }
        }

        JsonNode expect(int expected) {
            assertThat(status).as(text).isEqualTo(expected);
            return body();
        }
    }

    private JsonNode admin(ServerProcess s, String method, String path, String body, int expected) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as(method + " " + path + ": " + resp.body()).isEqualTo(expected);
        return JSON.readTree(resp.body());
    }

    private HttpRequest selfRequest(ServerProcess s, String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private Reply self(ServerProcess s, String method, String path, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(selfRequest(s, method, path, token, body), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private CompletableFuture<Reply> selfAsync(ServerProcess s, String path, String token, String body) {
        return http.sendAsync(selfRequest(s, "POST", path, token, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }
}
