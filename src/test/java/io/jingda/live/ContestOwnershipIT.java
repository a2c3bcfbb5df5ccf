package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.AdminCalls;
import io.jingda.ServerProcess;
import io.jingda.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database, each the packaged server with its own node id: node B never
 * ticks, closes or writes a contest node A owns, and after A is killed with kill -9 B takes the lease
 * within a few seconds, carries on (the open question closes at its deadline, run by B), and not one
 * acknowledged answer is lost.
 * <p>
 * Needs the jar built with the {@code pg} profile and PostgreSQL at 127.0.0.1:5432 (trust auth, user
 * postgres); it uses a database of its own, {@value #DB}, created afresh. Left out of a plain
 * {@code verify}; {@code .ci/run} runs it in its PostgreSQL phase:
 * {@code ./mvnw verify -Dquarkus.profile=pg -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ContestOwnershipIT}.
 */
class ContestOwnershipIT {
    private static final String PASSWORD = "owner-test-pw";
    private static final String DB = "jingda_owner_it";
    private static final int LEASE_SECONDS = 2;
    private static final int PLAYERS = 4;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AdminCalls calls = new AdminCalls(http, PASSWORD);
    private static TestDatabase db;
    private final List<ServerProcess> servers = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        servers.forEach(s -> s.process.destroyForcibly());
    }

    @Test
    void aSecondNodeLeavesAnOwnedContestAloneAndTakesItOverWhenItsOwnerDies() throws Exception {
        db = TestDatabase.recreate(DB);
        ServerProcess a = node("node-a");
        ServerProcess b = node("node-b");

        JsonNode contest = rest(a, "POST", "/api/contests", """
                {"title":"两台服务器","questionIds":["liaoning-001","jilin-001"],"timeLimit":14,
                 "scoring":{"mode":"accuracy","streakBonus":false}}""", 201);
        long id = contest.get("id").asLong();
        String code = rest(a, "POST", "/api/contests/" + id + "/actions/open", null, 200).get("code").asText();
        assertThat(owner(id)).isEqualTo("node-a");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            tokens.add(rest(a, "POST", "/api/join", "{\"code\":\"" + code + "\",\"nickname\":\"选手" + i + "\"}", 200)
                    .get("token").asText());
        }
        List<ContestCrashIT.Client> clients = connectAll(a, id, tokens);
        rest(a, "POST", "/api/contests/" + id + "/actions/start", null, 200);
        JsonNode question = null;
        for (ContestCrashIT.Client c : clients) {
            question = c.next("question");
        }
        String qid = question.get("questionId").asText();
        String option = question.get("options").get(0).get("id").asText();
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < PLAYERS - 1; i++) {
            clients.get(i).send(answer(qid, option, "on-a-" + i));
            JsonNode ack = clients.get(i).next("ack");
            assertThat(ack.get("accepted").asBoolean()).as(ack.toString()).isTrue();
            acknowledged.add("on-a-" + i);
        }

        // for more than a lease: A keeps the contest, B neither loads, ticks nor writes it, and refuses its host actions
        long leaseBefore = leaseUntil(id);
        long until = System.currentTimeMillis() + LEASE_SECONDS * 1500L;
        while (System.currentTimeMillis() < until) {
            assertThat(owner(id)).isEqualTo("node-a");
            assertThat(phase(id)).isEqualTo("OPEN");
            Thread.sleep(250);
        }
        assertThat(leaseUntil(id)).as("A renews its lease").isGreaterThan(leaseBefore);
        status(b, "POST", "/api/contests/" + id + "/actions/close", 409);
        status(b, "POST", "/api/contests/" + id + "/actions/next", 409);
        assertThat(owner(id)).isEqualTo("node-a");
        assertThat(phase(id)).isEqualTo("OPEN");
        assertThat(logOf(b)).doesNotContain("contest " + id + " resumed");

        a.process.destroyForcibly(); // SIGKILL: no shutdown, no flush, the lease is not given back
        a.process.waitFor();
        long killedAt = System.currentTimeMillis();
        clients.forEach(c -> c.ws.abort());

        await(Duration.ofSeconds(15), () -> "node-b".equals(owner(id)));
        long tookOver = System.currentTimeMillis() - killedAt;
        assertThat(tookOver).as("B takes the lease within a few seconds").isLessThan(LEASE_SECONDS * 1000L + 4000);
        await(Duration.ofSeconds(10), () -> logOf(b).contains("contest " + id + " resumed"));

        // B carries on: the participants reconnect to it with their tokens and find their answers there
        clients = connectAll(b, id, tokens);
        for (int i = 0; i < PLAYERS; i++) {
            JsonNode state = clients.get(i).next("state");
            assertThat(state.path("status").asText()).isEqualTo("RUNNING");
            assertThat(state.path("question").path("questionId").asText()).isEqualTo(qid);
            assertThat(state.path("answered").asBoolean()).as("participant %d answered on A", i).isEqualTo(i < PLAYERS - 1);
        }
        clients.get(0).send(answer(qid, option, "again-0"));
        assertThat(clients.get(0).next("ack").path("reason").asText()).isEqualTo("ALREADY_ANSWERED");
        clients.get(PLAYERS - 1).send(answer(qid, option, "on-b"));
        assertThat(clients.get(PLAYERS - 1).next("ack").get("accepted").asBoolean()).isTrue();
        acknowledged.add("on-b");

        // B's timer closes the question at its deadline (reopened for the time it had left)
        JsonNode closed = clients.get(0).next("closed");
        assertThat(closed).isNotNull();
        assertThat(phase(id)).isEqualTo("CLOSED");
        assertThat(owner(id)).isEqualTo("node-b");
        rest(b, "POST", "/api/contests/" + id + "/actions/reveal", null, 200);
        assertThat(db.answerRequestIds(id)).isEqualTo(acknowledged);
        JsonNode results = rest(b, "GET", "/api/contests/" + id + "/results", null, 200);
        assertThat(results.at("/questions/0/answered").asInt()).isEqualTo(PLAYERS);
        rest(b, "POST", "/api/contests/" + id + "/actions/finish", null, 200);
        clients.forEach(c -> c.ws.abort());
    }

    private ServerProcess node(String nodeId) throws Exception {
        ServerProcess s = ServerProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), work.resolve(nodeId),
                "384m", PASSWORD, 100, List.of("-Dquarkus.profile=pg", db.nodeProperty(),
                        "-Djingda.cluster.node-id=" + nodeId, "-Djingda.cluster.lease-seconds=" + LEASE_SECONDS,
                        "-Djingda.contest.heartbeat=250ms", "-Dquarkus.log.category.\"io.jingda\".level=INFO"));
        servers.add(s);
        return s;
    }

    private static String logOf(ServerProcess s) {
        try {
            return Files.readString(s.log);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String owner(long id) {
        return db.contestColumn(id, "owner_node");
    }

    private static String phase(long id) {
        return db.contestColumn(id, "phase");
    }

    private static long leaseUntil(long id) {
        return Long.parseLong(db.contestColumn(id, "lease_until"));
    }

    private static void await(Duration within, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(100);
        }
    }

    private List<ContestCrashIT.Client> connectAll(ServerProcess s, long id, List<String> tokens) {
        List<ContestCrashIT.Client> clients = new ArrayList<>();
        for (String token : tokens) {
            ContestCrashIT.Client c = new ContestCrashIT.Client();
            c.ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://127.0.0.1:" + s.port + "/ws/play/" + id + "?token=" + token), c).join();
            clients.add(c);
        }
        return clients;
    }

    private static String answer(String qid, String choice, String requestId) {
        return "{\"type\":\"answer\",\"questionId\":\"" + qid + "\",\"choice\":\"" + choice + "\",\"requestId\":\"" + requestId + "\"}";
    }

    private void status(ServerProcess s, String method, String path, int expected) throws Exception {
        calls.status(s.url(), method, path, expected);
    }

    private JsonNode rest(ServerProcess s, String method, String path, String body, int expected) throws Exception {
        return calls.rest(s.url(), method, path, body, expected);
    }
}
