package io.jingda.live;

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
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live contest survives kill -9 of the packaged server mid-question: after the restart the contest is
 * RUNNING with the same question open for the time it had left, participants reconnect with their tokens,
 * every acknowledged answer is still there (and counts as answered), and the others can still answer.
 */
class ContestCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "crash-test-pw";
    private static final int PLAYERS = 10;
    private static final int ANSWER_FIRST = 6;
    private final HttpClient http = HttpClient.newHttpClient();
    private ServerProcess server;

    @TempDir
    Path work;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.process.destroyForcibly();
        }
    }

    /** One participant's socket: every text frame, parsed, in arrival order. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonNode next(String type) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until) {
                JsonNode f = frames.poll(200, TimeUnit.MILLISECONDS);
                if (f != null && type.equals(f.path("type").asText())) {
                    return f;
                }
            }
            throw new AssertionError("no '" + type + "' frame within 20 s");
        }

        void send(String text) {
            ws.sendText(text, true).join();
        }
    }

    @Test
    void aContestSurvivesKillMinus9MidQuestion() throws Exception {
        server = ServerProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), work, "512m", PASSWORD, 100, List.of());
        JsonNode contest = rest("POST", "/api/contests", """
                {"title":"断电也不丢","questionIds":["liaoning-001","jilin-001"],"timeLimit":120,
                 "scoring":{"mode":"accuracy","streakBonus":false}}""", 201);
        long id = contest.get("id").asLong();
        String code = rest("POST", "/api/contests/" + id + "/actions/open", null, 200).get("code").asText();

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            tokens.add(rest("POST", "/api/join", "{\"code\":\"" + code + "\",\"nickname\":\"选手" + i + "\"}", 200)
                    .get("token").asText());
        }
        List<Client> clients = connectAll(id, tokens);
        rest("POST", "/api/contests/" + id + "/actions/start", null, 200);
        JsonNode question = null;
        for (Client c : clients) {
            question = c.next("question");
        }
        String qid = question.get("questionId").asText();
        long deadlineBefore = question.get("deadline").asLong();
        String option = question.get("options").get(0).get("id").asText();
        for (int i = 0; i < ANSWER_FIRST; i++) {
            clients.get(i).send(answer(qid, option, "before-" + i));
            JsonNode ack = clients.get(i).next("ack");
            assertThat(ack.get("accepted").asBoolean()).as(ack.toString()).isTrue();
        }

        server.process.destroyForcibly(); // SIGKILL right after the acks: no shutdown, no flush
        server.process.waitFor();
        long killedAt = System.currentTimeMillis();
        server = ServerProcess.restart(server, "after-kill");

        JsonNode after = rest("GET", "/api/contests/" + id, null, 200);
        assertThat(after.get("status").asText()).isEqualTo("RUNNING");
        assertThat(after.get("phase").asText()).isEqualTo("OPEN");

        clients = connectAll(id, tokens);
        for (int i = 0; i < PLAYERS; i++) {
            JsonNode state = clients.get(i).next("state");
            assertThat(state.path("question").path("questionId").asText()).isEqualTo(qid);
            assertThat(state.path("answered").asBoolean()).as("participant %d answered before the crash", i)
                    .isEqualTo(i < ANSWER_FIRST);
            long deadline = state.path("question").path("deadline").asLong();
            // reopened for the time it had left: not more than before the crash, and not already over
            assertThat(deadline - killedAt).isPositive();
            assertThat(deadline).isLessThanOrEqualTo(deadlineBefore + (System.currentTimeMillis() - killedAt));
        }
        clients.get(0).send(answer(qid, option, "again-0"));
        assertThat(clients.get(0).next("ack").path("reason").asText()).isEqualTo("ALREADY_ANSWERED");
        for (int i = ANSWER_FIRST; i < PLAYERS; i++) {
            clients.get(i).send(answer(qid, option, "after-" + i));
            assertThat(clients.get(i).next("ack").get("accepted").asBoolean()).isTrue();
        }
        rest("POST", "/api/contests/" + id + "/actions/reveal", null, 200);
        JsonNode results = rest("GET", "/api/contests/" + id + "/results", null, 200);
        assertThat(results.at("/questions/0/answered").asInt()).isEqualTo(PLAYERS);
        for (Client c : clients) {
            c.ws.abort();
        }
    }

    /**
     * A team contest survives kill -9 mid-buzz and mid-wager: after each restart, reconnecting clients see
     * who holds the buzz and whose turn it is, and which team has staked what; play goes on from there.
     */
    @Test
    void aTeamContestSurvivesKillMinus9MidBuzzAndMidWager() throws Exception {
        server = ServerProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), work, "512m", PASSWORD, 100, List.of());
        JsonNode contest = rest("POST", "/api/contests", """
                {"title":"抢答断电","confirmRelated":true,
                 "teams":[{"name":"甲队","members":["甲1"]},{"name":"乙队","members":["乙1"]},{"name":"丙队","members":["丙1"]}],
                 "rounds":[{"kind":"buzzer","questionIds":["liaoning-001"],"readingSeconds":0},
                           {"kind":"wager","questionIds":["jilin-001","liaoning-002","jilin-002"],"stakeOrder":"score"}]}""", 201);
        long id = contest.get("id").asLong();
        String code = rest("POST", "/api/contests/" + id + "/actions/open", null, 200).get("code").asText();
        List<String> tokens = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String nick : List.of("甲1", "乙1", "丙1")) {
            JsonNode j = rest("POST", "/api/join", "{\"code\":\"" + code + "\",\"nickname\":\"" + nick + "\"}", 200);
            tokens.add(j.get("token").asText());
            ids.add(j.get("participantId").asLong());
        }
        List<Client> clients = connectAll(id, tokens);
        rest("POST", "/api/contests/" + id + "/actions/start", null, 200);
        rest("POST", "/api/contests/" + id + "/actions/next", null, 200);
        JsonNode open = clients.get(0).next("buzzOpen");
        String qid = open.get("questionId").asText();
        clients.get(0).send("{\"type\":\"buzz\",\"questionId\":\"" + qid + "\",\"requestId\":\"b0\"}");
        JsonNode winner = clients.get(1).next("buzzWinner");
        assertThat(winner.get("participantId").asLong()).isEqualTo(ids.get(0));

        server.process.destroyForcibly(); // mid-buzz: the winner has not answered yet
        server.process.waitFor();
        server = ServerProcess.restart(server, "after-buzz-kill");
        clients = connectAll(id, tokens);
        for (Client c : clients) {
            JsonNode play = c.next("state").path("play");
            assertThat(play.path("step").asText()).isEqualTo("answering");
            assertThat(play.path("buzz").path("winner").path("participantId").asLong()).isEqualTo(ids.get(0));
            assertThat(play.path("turn").path("participantId").asLong()).isEqualTo(ids.get(0));
        }
        clients.get(1).send("{\"type\":\"buzz\",\"questionId\":\"" + qid + "\",\"requestId\":\"b1\"}");
        assertThat(clients.get(1).next("buzzRefused").get("reason").asText()).isEqualTo("ALREADY_WON");
        JsonNode view = rest("GET", "/api/contests/" + id, null, 200);
        String right = view.at("/questions/0/answer/0").asText();
        clients.get(0).send(answer(qid, right, "a0"));
        assertThat(clients.get(0).next("ack").get("accepted").asBoolean()).isTrue();
        assertThat(clients.get(2).next("judged").get("points").asInt()).isEqualTo(10);
        clients.get(2).next("closed");
        rest("POST", "/api/contests/" + id + "/actions/reveal", null, 200);
        rest("POST", "/api/contests/" + id + "/actions/next", null, 200);
        JsonNode wagerOpen = clients.get(0).next("wagerOpen");
        assertThat(wagerOpen.get("turnTeamId").asInt()).isEqualTo(1); // highest score picks first
        clients.get(0).send("{\"type\":\"wager\",\"roundIndex\":1,\"stake\":20,\"requestId\":\"w0\"}");
        assertThat(clients.get(0).next("ack").get("accepted").asBoolean()).isTrue();

        server.process.destroyForcibly(); // mid-wager: one team has staked
        server.process.waitFor();
        server = ServerProcess.restart(server, "after-wager-kill");
        clients = connectAll(id, tokens);
        JsonNode wagers = clients.get(2).next("state").path("play").path("wagers");
        assertThat(wagers.path("picks").toString()).isEqualTo("[{\"teamId\":1,\"stake\":20,\"auto\":false}]");
        assertThat(wagers.path("complete").asBoolean()).isFalse();
        int nextPicker = wagers.path("turnTeamId").asInt();
        assertThat(nextPicker).isIn(2, 3);
        clients.get(0).send("{\"type\":\"wager\",\"roundIndex\":1,\"stake\":30,\"requestId\":\"w1\"}");
        assertThat(clients.get(0).next("ack").get("reason").asText()).isEqualTo("ALREADY_PICKED");
        JsonNode results = rest("GET", "/api/contests/" + id + "/participants", null, 200);
        assertThat(results.size()).isEqualTo(3);
        for (Client c : clients) {
            c.ws.abort();
        }
    }

    private List<Client> connectAll(long id, List<String> tokens) {
        List<Client> clients = new ArrayList<>();
        for (String token : tokens) {
            Client c = new Client();
            c.ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port + "/ws/play/" + id + "?token=" + token), c).join();
            clients.add(c);
        }
        return clients;
    }

    private static String answer(String qid, String choice, String requestId) {
        return "{\"type\":\"answer\",\"questionId\":\"" + qid + "\",\"choice\":\"" + choice + "\",\"requestId\":\"" + requestId + "\"}";
    }

    private JsonNode rest(String method, String path, String body, int expected) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as(method + " " + path + ": " + resp.body()).isEqualTo(expected);
        return JSON.readTree(resp.body());
    }
}
