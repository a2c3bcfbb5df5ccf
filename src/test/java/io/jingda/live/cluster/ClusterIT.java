package io.jingda.live.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.AdminCalls;
import io.jingda.ServerProcess;
import io.jingda.TestDatabase;
import io.jingda.live.LiveSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes serving one contest (docs/cluster.md), on real PostgreSQL and Redis: three nodes of the
 * packaged pg jar on loopback ports, each with {@code jingda.cluster.enabled}, its own node id and a lease of
 * {@value #LEASE_SECONDS} s, on a database of their own, and a redis-server of the test's own (so it can be
 * restarted). The methods run in order on one cluster: a whole contest spread over the three nodes equals a
 * single-node run of the same answers; the owner killed with kill -9 mid-question; Redis restarted
 * mid-contest; a fourth node added mid-contest.
 * <p>
 * Needs the jar built with the {@code pg} profile, PostgreSQL at 127.0.0.1:5432 (trust, user postgres) and
 * {@code redis-server} on the PATH. Left out of a plain {@code verify}; {@code .ci/run} runs it:
 * {@code ./mvnw verify -Dquarkus.profile=pg -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT}.
 * Each node's log is kept under {@code target/cluster-it/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final String PASSWORD = "cluster-test-pw";
    private static final int LEASE_SECONDS = 2;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path WORK = Path.of("target", "cluster-it");
    /** Frames whose number depends on timing (throttled pushes) or that answer one client's message. */
    private static final Set<String> UNTIMED = Set.of("lobby", "progress", "participants", "ack", "pong");
    private static final List<String> WHOLE_CONTEST = List.of("state",
            "question", "closed", "reveal", "leaderboard",
            "question", "closed", "reveal", "leaderboard",
            "question", "closed", "reveal", "leaderboard",
            "finished");

    private final HttpClient http = HttpClient.newHttpClient();
    private final AdminCalls calls = new AdminCalls(http, PASSWORD);
    private final List<ServerProcess> started = new ArrayList<>();
    private final List<LiveSocket> sockets = new ArrayList<>();
    private TestDatabase db;
    private int redisPort;
    private Process redis;
    private ServerProcess node1;
    private ServerProcess node2;
    private ServerProcess node3;
    /** A contest left running by the Redis test, for the scale-out test. */
    private Live contestC;

    @BeforeAll
    void startCluster() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        redisPort = freePort();
        redis = startRedis();
        db = TestDatabase.recreate("jingda_cluster_it");
        // node 1 alone first: it runs the migrations and creates the admin account on the empty database
        node1 = node("node-1");
        node2 = node("node-2");
        node3 = node("node-3");
    }

    @AfterAll
    void stopCluster() throws Exception {
        sockets.forEach(LiveSocket::abort);
        started.forEach(s -> s.process.destroyForcibly());
        if (redis != null) {
            redis.destroyForcibly().waitFor();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // a. a whole contest over three nodes equals the same answers on one node

    @Test
    @Order(1)
    void aWholeContestOverThreeNodesDeliversEveryFrameInOrderAndEndsAsOnOneNode() throws Exception {
        Run cluster = playWholeContest(List.of(node1, node2, node3), node1, node2, node1, node3);
        assertThat(db.contestColumn(cluster.contestId, "owner_node")).isEqualTo("node-1");

        TestDatabase singleDb = TestDatabase.recreate("jingda_cluster_it_single");
        Run single;
        try (ServerProcess alone = ServerProcess.start(JAR, WORK.resolve("single"), "384m", PASSWORD, 100,
                List.of("-Dquarkus.profile=pg", singleDb.nodeProperty(), "-Djingda.cluster.enabled=false",
                        "-Djingda.cluster.node-id=single", "-Dquarkus.log.category.\"io.jingda\".level=INFO"))) {
            single = playWholeContest(List.of(alone), alone, alone, alone, alone);
        }

        for (int i = 0; i < cluster.participantTypes.size(); i++) {
            assertThat(cluster.participantTypes.get(i)).as("frames of participant %d (on node %d)", i, i % 3 + 1)
                    .isEqualTo(WHOLE_CONTEST);
            assertThat(single.participantTypes.get(i)).as("frames of participant %d, one node", i).isEqualTo(WHOLE_CONTEST);
        }
        assertThat(cluster.hostTypes).as("the host's frames (node 1)").isEqualTo(single.hostTypes);
        assertThat(cluster.screenTypes).as("the screen's frames (node 3)").isEqualTo(single.screenTypes);
        assertThat(cluster.hostTypes).containsSubsequence(WHOLE_CONTEST.subList(1, WHOLE_CONTEST.size()));
        assertThat(cluster.screenTypes).containsSubsequence(WHOLE_CONTEST.subList(1, WHOLE_CONTEST.size()));

        assertThat(cluster.finishedScores).as("finished.you.score by nickname").isEqualTo(single.finishedScores);
        assertThat(cluster.revealScores).as("reveal.you.score by question and nickname").isEqualTo(single.revealScores);
        assertThat(standings(cluster.results)).isEqualTo(standings(single.results));
        assertThat(scoresInRankOrder(cluster.results)).isEqualTo(scoresInRankOrder(single.results));
        assertThat(questionStats(cluster.results)).isEqualTo(questionStats(single.results));
        assertThat(cluster.results.path("participants").asInt()).isEqualTo(30);
        assertThat(db.answerRequestIds(cluster.contestId)).isEqualTo(cluster.acknowledged);
    }

    /** The facts of one run that another run of the same answers must reproduce. */
    private record Run(long contestId, List<List<String>> participantTypes, List<String> hostTypes,
                       List<String> screenTypes, Map<String, Long> finishedScores, Map<String, Long> revealScores,
                       JsonNode results, Set<String> acknowledged) {
    }

    /**
     * 30 participants joined and connected round-robin over {@code nodes}, the contest opened on
     * {@code opener}, the host's actions sent through {@code actions}, its socket on {@code hostNode}, the screen
     * on {@code screenNode}; 3 questions, each answered by the same participants with the same options (by
     * text: option ids are drawn per contest), then closed, revealed and the leaderboard shown; then finished.
     */
    private Run playWholeContest(List<ServerProcess> nodes, ServerProcess opener, ServerProcess actions,
                                 ServerProcess hostNode, ServerProcess screenNode) throws Exception {
        Live c = open(opener, "三台服务器一场比赛", "[\"liaoning-001\",\"liaoning-002\",\"jilin-002\"]", 60);
        List<String> tokens = join(c, nodes, 30);
        LiveSocket host = track(LiveSocket.host(http, hostNode.url(), c.id, "admin", PASSWORD));
        LiveSocket screen = track(LiveSocket.screen(http, screenNode.url(), c.code));
        List<LiveSocket> players = connect(c, nodes, tokens);
        host.next("state");
        screen.next("state");
        Set<String> acked = new HashSet<>();
        Map<String, Long> revealScores = new TreeMap<>();
        for (int q = 0; q < 3; q++) {
            act(actions, c, q == 0 ? "start" : "next");
            for (int i = 0; i < players.size(); i++) {
                LiveSocket p = players.get(i);
                JsonNode question = p.next("question");
                if ((i + q) % 5 == 0) {
                    continue; // does not answer this question
                }
                List<JsonNode> options = new ArrayList<>();
                question.get("options").forEach(options::add);
                options.sort(Comparator.comparing(o -> o.get("text").asText()));
                String requestId = "a" + q + "-" + i;
                p.answer(question.get("questionId").asText(),
                        options.get((i * 7 + q) % options.size()).get("id").asText(), requestId);
                JsonNode ack = p.next("ack", f -> requestId.equals(f.path("requestId").asText()));
                assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isTrue();
                acked.add(requestId);
            }
            act(actions, c, "close");
            for (LiveSocket p : players) {
                p.next("closed");
            }
            act(actions, c, "reveal");
            for (int i = 0; i < players.size(); i++) {
                revealScores.put(q + ":选手" + i, players.get(i).next("reveal").path("you").path("score").asLong());
            }
            act(actions, c, "leaderboard");
            for (LiveSocket p : players) {
                p.next("leaderboard");
            }
        }
        act(actions, c, "finish");
        Map<String, Long> finished = new TreeMap<>();
        for (int i = 0; i < players.size(); i++) {
            finished.put("选手" + i, players.get(i).next("finished").path("you").path("score").asLong());
        }
        host.next("finished");
        screen.next("finished");
        JsonNode results = calls.rest(actions.url(), "GET", "/api/contests/" + c.id + "/results", null, 200);
        List<List<String>> types = players.stream().map(p -> p.types(UNTIMED)).toList();
        Stream.concat(players.stream(), Stream.of(host, screen)).forEach(LiveSocket::abort);
        return new Run(c.id, types, host.types(UNTIMED), screen.types(UNTIMED), finished, revealScores, results, acked);
    }

    /** nickname → [score, correct] of every standing. */
    private static Map<String, List<Long>> standings(JsonNode results) {
        Map<String, List<Long>> out = new TreeMap<>();
        results.get("standings").forEach(s -> out.put(s.get("nickname").asText(),
                List.of(s.get("score").asLong(), s.get("correct").asLong())));
        return out;
    }

    /** The scores by rank: ties are broken by answer times, which differ between two runs, the scores not. */
    private static List<Long> scoresInRankOrder(JsonNode results) {
        List<JsonNode> s = new ArrayList<>();
        results.get("standings").forEach(s::add);
        s.sort(Comparator.comparingInt(n -> n.get("rank").asInt()));
        return s.stream().map(n -> n.get("score").asLong()).toList();
    }

    /** Per question: answered, and each option's text → [count, correct]. */
    private static List<Map<String, Object>> questionStats(JsonNode results) {
        List<Map<String, Object>> out = new ArrayList<>();
        results.get("questions").forEach(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bankId", q.path("bankId").asText());
            m.put("answered", q.path("answered").asInt());
            Map<String, List<Object>> options = new TreeMap<>();
            q.path("options").forEach(o -> options.put(o.get("text").asText(),
                    List.of(o.get("count").asInt(), o.get("correct").asBoolean())));
            m.put("options", options);
            out.add(m);
        });
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // b. kill -9 of the owner mid-question

    @Test
    @Order(2)
    void anotherNodeTakesOverWhenTheOwnerIsKilledMidQuestionAndNoAcknowledgedAnswerIsLost() throws Exception {
        List<ServerProcess> nodes = List.of(node1, node2, node3);
        Live c = open(node1, "主节点断电", "[\"jilin-003\",\"liaoning-001\"]", 15);
        assertThat(db.contestColumn(c.id, "owner_node")).isEqualTo("node-1");
        List<String> tokens = join(c, nodes, 12);
        List<LiveSocket> players = connect(c, nodes, tokens);
        act(node2, c, "start");
        JsonNode question = null;
        for (LiveSocket p : players) {
            question = p.next("question");
        }
        String qid = question.get("questionId").asText();
        long deadline = question.get("deadline").asLong();
        String option = question.get("options").get(0).get("id").asText();
        Set<String> acked = new HashSet<>();
        for (int i = 0; i < players.size(); i += 2) {
            players.get(i).answer(qid, option, "before-" + i);
            acked.add(ack(players.get(i), "before-" + i));
        }

        node1.process.destroyForcibly(); // SIGKILL: no shutdown, the lease is not given back
        node1.process.waitFor();
        long killedAt = System.currentTimeMillis();
        // answers sent to edges while there is no owner: the edge keeps them and sends them again
        for (int i = 1; i < players.size(); i += 2) {
            if (i % 3 != 0) {
                players.get(i).answer(qid, option, "during-" + i);
            }
        }
        await(Duration.ofSeconds(LEASE_SECONDS + 10), () -> {
            String owner = db.contestColumn(c.id, "owner_node");
            return owner != null && !owner.equals("node-1");
        });
        long tookOver = System.currentTimeMillis() - killedAt;
        System.out.printf("ClusterIT: node-1 killed; %s took the lease after %d ms (lease %d s)%n",
                db.contestColumn(c.id, "owner_node"), tookOver, LEASE_SECONDS);
        assertThat(tookOver).as("a surviving node takes the lease within the lease time plus a heartbeat")
                .isLessThan(LEASE_SECONDS * 1000L + 3000);
        for (int i = 1; i < players.size(); i += 2) {
            if (i % 3 != 0) {
                acked.add(ack(players.get(i), "during-" + i));
            }
        }

        // those on the dead node reconnect to a surviving one with their token and get the state
        for (int i = 0; i < players.size(); i += 3) {
            ServerProcess other = i % 2 == 0 ? node2 : node3;
            LiveSocket again = track(LiveSocket.play(http, other.url(), c.id, tokens.get(i)));
            JsonNode state = again.next("state");
            assertThat(state.path("status").asText()).isEqualTo("RUNNING");
            assertThat(state.path("question").path("questionId").asText()).isEqualTo(qid);
            assertThat(state.path("answered").asBoolean()).as("participant %d answered before the kill", i)
                    .isEqualTo(i % 2 == 0);
            players.set(i, again);
            if (i % 2 == 1) {
                again.answer(qid, option, "after-" + i);
                acked.add(ack(again, "after-" + i));
            }
        }

        // the new owner closes the question at its deadline (reopened for the time it had left)
        for (int i = 0; i < players.size(); i++) {
            JsonNode closed = players.get(i).next("closed");
            assertThat(closed.path("closedAt").asLong()).as("participant %d's closed", i)
                    .isBetween(deadline, deadline + LEASE_SECONDS * 1000L + 4000);
        }
        act(node3, c, "reveal");
        for (int i = 0; i < players.size(); i++) {
            LiveSocket p = players.get(i);
            assertThat(p.next("reveal").path("questionId").asText()).isEqualTo(qid);
            if (i % 3 != 0) {
                assertThat(p.isOpen()).as("participant %d on a surviving node never reconnected", i).isTrue();
            }
        }
        Set<String> stored = db.answerRequestIds(c.id);
        assertThat(stored).as("every acknowledged answer is stored").containsAll(acked);
        assertThat(stored).hasSameSizeAs(acked);
        act(node2, c, "finish");
        players.forEach(LiveSocket::abort);
    }

    // ---------------------------------------------------------------------------------------------
    // c. Redis restarted mid-contest

    @Test
    @Order(3)
    void aRedisRestartTakesReadinessDownAndUpLosesNoAcknowledgedAnswerAndDeliveryResumes() throws Exception {
        List<ServerProcess> nodes = List.of(node2, node3); // node 2 owns it, node 3 is an edge
        Live c = open(node2, "Redis 重启", "[\"liaoning-002\",\"jilin-002\",\"jilin-005\"]", 120);
        List<String> tokens = join(c, nodes, 8);
        List<LiveSocket> players = connect(c, nodes, tokens);
        act(node3, c, "start");
        JsonNode question = null;
        for (LiveSocket p : players) {
            question = p.next("question");
        }
        String qid = question.get("questionId").asText();
        String option = question.get("options").get(1).get("id").asText();
        Set<String> acked = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            players.get(i).answer(qid, option, "up-" + i);
            acked.add(ack(players.get(i), "up-" + i));
        }

        redis.destroy();
        redis.waitFor();
        long stoppedAt = System.currentTimeMillis();
        for (ServerProcess n : nodes) {
            await(Duration.ofSeconds(15), () -> calls.statusOf(n.url() + "/q/health/ready") == 503);
        }
        long down = System.currentTimeMillis() - stoppedAt;
        // on the owner (even indexes) answers are acknowledged as before; on the edge they wait for Redis
        for (int i = 4; i < 8; i++) {
            players.get(i).answer(qid, option, "down-" + i);
        }
        for (int i = 4; i < 8; i += 2) {
            acked.add(ack(players.get(i), "down-" + i));
        }
        redis = startRedis();
        long restartedAt = System.currentTimeMillis();
        for (ServerProcess n : nodes) {
            await(Duration.ofSeconds(20), () -> calls.statusOf(n.url() + "/q/health/ready") == 200);
        }
        System.out.printf("ClusterIT: Redis stopped: both nodes DOWN after %d ms; restarted: both UP after %d ms%n",
                down, System.currentTimeMillis() - restartedAt);
        for (int i = 5; i < 8; i += 2) {
            acked.add(ack(players.get(i), "down-" + i));
        }
        assertThat(db.answerRequestIds(c.id)).as("every acknowledged answer is stored").containsAll(acked)
                .hasSameSizeAs(acked);

        act(node3, c, "close");
        act(node2, c, "reveal");
        act(node3, c, "next");
        for (int i = 0; i < players.size(); i++) {
            JsonNode next = players.get(i).next("question", f -> !qid.equals(f.path("questionId").asText()));
            assertThat(next.path("index").asInt()).as("participant %d (node %d) gets the next question", i, i % 2 + 2)
                    .isEqualTo(1);
            assertThat(players.get(i).isOpen()).isTrue();
        }
        contestC = c;
        contestC.players.addAll(players);
        contestC.tokens.addAll(tokens);
    }

    // ---------------------------------------------------------------------------------------------
    // d. a node added while a contest runs

    @Test
    @Order(4)
    void aNodeAddedMidContestServesNewConnectionsAndJoins() throws Exception {
        assertThat(contestC).as("the Redis test leaves its contest running").isNotNull();
        Live c = contestC;
        ServerProcess node4 = node("node-4");

        // a participant of node 3 reconnects through node 4 and plays on
        c.players.get(1).abort();
        LiveSocket moved = track(LiveSocket.play(http, node4.url(), c.id, c.tokens.get(1)));
        JsonNode state = moved.next("state");
        assertThat(state.path("status").asText()).isEqualTo("RUNNING");
        String current = state.path("question").path("questionId").asText();
        assertThat(state.path("question").path("index").asInt()).isEqualTo(1);
        String option = state.path("question").path("options").get(0).path("id").asText();
        moved.answer(current, option, "moved-1");
        String requestId = ack(moved, "moved-1");
        act(node4, c, "close");
        moved.next("closed");
        act(node2, c, "reveal");
        assertThat(moved.next("reveal").path("questionId").asText()).isEqualTo(current);
        assertThat(db.answerRequestIds(c.id)).contains(requestId);
        act(node4, c, "finish");
        moved.next("finished");

        // a contest opened on node 2: joins and sockets through node 4 work in its lobby, and it starts
        Live d = open(node2, "新节点", "[\"jilin-005\"]", 30);
        assertThat(calls.statusOf(node4.url() + "/api/join/" + d.code)).isEqualTo(200);
        List<String> tokens = join(d, List.of(node4), 2);
        List<LiveSocket> players = connect(d, List.of(node4), tokens);
        for (LiveSocket p : players) {
            assertThat(p.next("state").path("status").asText()).isEqualTo("LOBBY");
        }
        act(node4, d, "start");
        for (LiveSocket p : players) {
            assertThat(p.next("question").path("index").asInt()).isEqualTo(0);
        }
        act(node2, d, "finish");
        for (LiveSocket p : players) {
            p.next("finished");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** An open contest, and the sockets and tokens a test leaves to the next. */
    private record Live(long id, String code, List<LiveSocket> players, List<String> tokens) {
    }

    private Live open(ServerProcess node, String title, String questionIds, int timeLimit) throws Exception {
        JsonNode created = calls.rest(node.url(), "POST", "/api/contests", "{\"title\":\"" + title
                + "\",\"questionIds\":" + questionIds + ",\"timeLimit\":" + timeLimit
                + ",\"scoring\":{\"mode\":\"accuracy\",\"streakBonus\":false}}", 201);
        long id = created.get("id").asLong();
        String code = calls.rest(node.url(), "POST", "/api/contests/" + id + "/actions/open", null, 200).get("code").asText();
        return new Live(id, code, new ArrayList<>(), new ArrayList<>());
    }

    /** {@code count} participants joined round-robin through the nodes; their tokens. */
    private List<String> join(Live c, List<ServerProcess> nodes, int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(calls.rest(nodes.get(i % nodes.size()).url(), "POST", "/api/join",
                    "{\"code\":\"" + c.code + "\",\"nickname\":\"选手" + i + "\"}", 200).get("token").asText());
        }
        return tokens;
    }

    /** Participant i connected to node i mod n; each has had its {@code state}. */
    private List<LiveSocket> connect(Live c, List<ServerProcess> nodes, List<String> tokens) throws Exception {
        List<LiveSocket> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            out.add(track(LiveSocket.play(http, nodes.get(i % nodes.size()).url(), c.id, tokens.get(i))));
        }
        for (LiveSocket s : out) {
            s.awaitCount("state", 1);
        }
        return out;
    }

    private void act(ServerProcess node, Live c, String action) throws Exception {
        calls.rest(node.url(), "POST", "/api/contests/" + c.id + "/actions/" + action, null, 200);
    }

    /** Waits for the ack of this request, asserts it accepted, and returns its requestId. */
    private static String ack(LiveSocket s, String requestId) throws InterruptedException {
        JsonNode ack = s.next("ack", f -> requestId.equals(f.path("requestId").asText()));
        assertThat(ack.path("accepted").asBoolean()).as(ack.toString()).isTrue();
        return requestId;
    }

    private LiveSocket track(LiveSocket s) {
        sockets.add(s);
        return s;
    }

    private ServerProcess node(String nodeId) throws Exception {
        ServerProcess s = ServerProcess.start(JAR, WORK.resolve(nodeId), "384m", PASSWORD, 100,
                List.of("-Dquarkus.profile=pg", db.nodeProperty(), "-Djingda.cluster.enabled=true",
                        "-Djingda.cluster.node-id=" + nodeId, "-Djingda.cluster.lease-seconds=" + LEASE_SECONDS,
                        "-Djingda.contest.heartbeat=250ms", "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redisPort,
                        "-Dquarkus.log.category.\"io.jingda\".level=INFO"));
        started.add(s);
        return s;
    }

    private Process startRedis() throws Exception {
        Process p = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("redis.log").toFile()))
                .start();
        await(Duration.ofSeconds(10), () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", redisPort)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private static void await(Duration within, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
