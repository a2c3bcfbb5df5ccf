package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.jingda.live.LiveApi.join;
import static io.jingda.live.LiveApi.openLobby;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timing with the hand-moved clock, reconnects, restart durability, joins and abuse. */
@QuarkusTest
class LiveBehaviourTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;
    @Inject
    LiveContests registry;
    @Inject
    ContestLifecycle lifecycle;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void release() {
        clock.release();
    }

    private long singleQuestions(int n, Map<String, Object> extra) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(LiveApi.questionOf("single", i + 10));
        }
        Map<String, Object> body = new java.util.HashMap<>(LiveApi.contestBody(ids));
        body.putAll(extra);
        return create(admin(), body);
    }

    private static List<LiveContestTest.Q> view(long id) {
        return LiveContestTest.hostView(id);
    }

    @Test
    void deadlineGraceAndLate() {
        long t0 = clock.freeze();
        long id = singleQuestions(1, Map.of());
        LiveContestTest.Q q = view(id).get(0);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "early");
        LiveApi.Joined b = join(code, "edge");
        LiveApi.Joined c = join(code, "late");
        try (WsClient pa = WsClient.play(base, id, a.token());
             WsClient pb = WsClient.play(base, id, b.token());
             WsClient pc = WsClient.play(base, id, c.token())) {
            pa.await("state");
            pb.await("state");
            pc.await("state");
            act(admin(), id, "start").statusCode(200);
            JsonNode question = pa.await("question");
            long deadline = question.get("deadline").asLong();
            assertEquals(t0 + q.timeLimitMs(), deadline);
            // the client's clock is ignored: a client-sent time changes nothing
            pa.send("{\"type\":\"answer\",\"questionId\":\"" + q.id() + "\",\"choice\":\"" + q.correctIds().get(0)
                    + "\",\"requestId\":\"r1\",\"sentAt\":0}");
            assertTrue(pa.await("ack").get("accepted").asBoolean());
            clock.advance(q.timeLimitMs() + 250); // exactly deadline + grace: still in
            pb.answer(q.id(), q.correctIds().get(0), "r2");
            assertTrue(pb.await("ack").get("accepted").asBoolean());
            clock.advance(1); // one millisecond later: LATE
            pc.answer(q.id(), q.correctIds().get(0), "r3");
            JsonNode late = pc.await("ack");
            assertFalse(late.get("accepted").asBoolean());
            assertEquals("LATE", late.get("reason").asText());
            // the ticker closes the question once deadline + grace has passed
            pa.await("closed");
            act(admin(), id, "reveal").statusCode(200);
            assertEquals(q.points(), pa.await("reveal").at("/you/points").asInt());
            assertEquals(q.points() / 2, pb.await("reveal").at("/you/points").asInt(), "t/T capped at 1: half points");
            assertEquals(0, pc.await("reveal").at("/you/points").asInt());
        }
    }

    @Test
    void theLeaderboardStraightFromAnOpenQuestionClosesAndRevealsFirst() {
        clock.freeze();
        long id = singleQuestions(1, Map.of());
        LiveContestTest.Q q = view(id).get(0);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "quick");
        LiveApi.Joined b = join(code, "slow");
        try (WsClient pa = WsClient.play(base, id, a.token());
             WsClient pb = WsClient.play(base, id, b.token());
             WsClient screen = WsClient.screen(base, code)) {
            pa.await("state");
            pb.await("state");
            screen.await("state");
            act(admin(), id, "start").statusCode(200);
            pa.await("question");
            clock.advance(1000);
            pa.answer(q.id(), q.correctIds().get(0), "r1");
            assertTrue(pa.await("ack").get("accepted").asBoolean());
            int mark = pa.mark();
            act(admin(), id, "leaderboard").statusCode(200).body("phase", equalTo("LEADERBOARD"));
            JsonNode board = pa.await("leaderboard", mark, n -> true);
            List<String> types = pa.all().subList(mark, pa.all().size()).stream().map(n -> n.get("type").asText()).toList();
            // one reveal, then the leaderboard (a 'closed' or a throttled 'lobby' push may come in between)
            assertEquals(List.of("reveal", "leaderboard"),
                    types.stream().filter(t -> t.equals("reveal") || t.equals("leaderboard")).toList(), types.toString());
            assertTrue(pa.ofType("reveal").get(0).at("/you/correct").asBoolean());
            assertEquals(1, board.at("/you/rank").asInt());
            assertEquals(1, board.get("top").get(0).get("rank").asInt());
            assertEquals("quick", board.get("top").get(0).get("nickname").asText());
            JsonNode slow = pb.await("leaderboard");
            assertEquals(2, slow.at("/you/rank").asInt());
            assertFalse(pb.ofType("reveal").get(0).at("/you/answered").asBoolean());
            // the screen shows both, in order
            screen.await("leaderboard");
            List<String> shown = screen.all().stream().map(n -> n.get("type").asText()).toList();
            assertTrue(shown.indexOf("reveal") >= 0 && shown.indexOf("reveal") < shown.indexOf("leaderboard"), shown.toString());
        }
    }

    @Test
    void pauseFreezesTheCountdown() {
        clock.freeze();
        long id = singleQuestions(1, Map.of());
        LiveContestTest.Q q = view(id).get(0);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "pauser");
        try (WsClient p = WsClient.play(base, id, a.token())) {
            p.await("state");
            act(admin(), id, "start").statusCode(200);
            long deadline = p.await("question").get("deadline").asLong();
            clock.advance(5000);
            act(admin(), id, "pause").statusCode(200);
            JsonNode paused = p.await("status", 0, n -> n.get("status").asText().equals("PAUSED"));
            assertEquals(q.timeLimitMs() - 5000, paused.get("remainingMs").asLong());
            p.answer(q.id(), q.correctIds().get(0), "x");
            assertEquals("NOT_OPEN", p.await("ack").get("reason").asText());
            clock.advance(10 * q.timeLimitMs()); // long pause: nothing closes
            act(admin(), id, "resume").statusCode(200).body("phase", equalTo("OPEN"));
            JsonNode resumed = p.await("status", 0, n -> n.get("status").asText().equals("RUNNING"));
            assertEquals(deadline + 10 * q.timeLimitMs(), resumed.get("deadline").asLong());
            clock.advance(1000);
            p.answer(q.id(), q.correctIds().get(0), "y");
            assertTrue(p.await("ack", 0, n -> n.get("requestId").asText().equals("y")).get("accepted").asBoolean());
            act(admin(), id, "reveal").statusCode(200);
            // response time counts question time only: 5 s before the pause + 1 s after
            assertEquals(LiveContestTest.speedPoints(q.points(), 6000, q.timeLimitMs(), 1),
                    p.await("reveal").at("/you/points").asLong());
        }
    }

    @Test
    void autoAdvanceRunsTheContest() {
        clock.freeze();
        long id = singleQuestions(2, Map.of("autoAdvance", Map.of("revealSeconds", 3, "leaderboardSeconds", 4)));
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "auto");
        try (WsClient p = WsClient.play(base, id, a.token())) {
            p.await("state");
            act(admin(), id, "start").statusCode(200);
            long limit = p.await("question").get("timeLimitMs").asLong();
            clock.advance(limit + 251);
            p.await("reveal");
            assertTrue(p.ofType("leaderboard").isEmpty());
            clock.advance(3000);
            p.await("leaderboard");
            clock.advance(4000);
            p.await("question", 0, n -> n.get("index").asInt() == 1);
            clock.advance(limit + 251);
            p.await("reveal", 0, n -> n.get("index").asInt() == 1);
            clock.advance(3000);
            p.await("leaderboard", 0, n -> n.get("questionId").asText().equals(
                    p.ofType("question").get(1).get("questionId").asText()));
            clock.advance(4000);
            p.await("finished");
        }
    }

    @Test
    void theScreensLobbyFrameNamesWhoJoinedAndPlayersGetOnlyTheCount() {
        long id = singleQuestions(1, Map.of());
        String code = openLobby(admin(), id);
        LiveApi.Joined first = join(code, "先到");
        try (WsClient screen = WsClient.screen(base, code); WsClient player = WsClient.play(base, id, first.token())) {
            screen.await("state");
            // on connect: the names already in
            screen.await("lobby", 0, n -> n.path("names").toString().equals("[\"先到\"]"));
            player.await("state");
            join(code, "second");
            JsonNode lobby = screen.await("lobby", 0, n -> n.get("participants").asInt() == 2);
            assertEquals("[\"先到\",\"second\"]", lobby.get("names").toString());
            JsonNode toPlayer = player.await("lobby", 0, n -> n.get("participants").asInt() == 2);
            assertFalse(toPlayer.has("names"), "participants get the count only");
            long pid = admin().get("/api/contests/" + id + "/participants").then().extract()
                    .jsonPath().getLong("find { it.nickname == 'second' }.participantId");
            admin().delete("/api/contests/" + id + "/participants/" + pid).then().statusCode(204);
            screen.await("lobby", 0, n -> n.get("participants").asInt() == 1 && n.get("names").size() == 1);
        }
    }

    @Test
    void reconnectResumesAndANewConnectionReplacesTheOld() {
        clock.freeze();
        long id = singleQuestions(2, Map.of());
        List<LiveContestTest.Q> qs = view(id);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "roamer");
        try (WsClient screen = WsClient.screen(base, code)) {
            screen.await("state");
            join(code, "latecomer");
            screen.await("lobby", 0, n -> n.get("participants").asInt() == 2);
        }
        WsClient first = WsClient.play(base, id, a.token());
        first.await("state");
        act(admin(), id, "start").statusCode(200);
        clock.advance(2000);
        first.answer(qs.get(0).id(), qs.get(0).correctIds().get(0), "q0");
        assertTrue(first.await("ack").get("accepted").asBoolean());
        act(admin(), id, "reveal").statusCode(200);
        long score = first.await("reveal").at("/you/score").asLong();
        act(admin(), id, "next").statusCode(200);
        clock.advance(1000);
        first.answer(qs.get(1).id(), qs.get(1).correctIds().get(0), "q1");
        first.await("ack", 0, n -> n.get("requestId").asText().equals("q1"));
        try (WsClient second = WsClient.play(base, id, a.token())) {
            JsonNode state = second.await("state");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> first.closeReason != null);
            assertEquals(4001, first.closeReason.getCode());
            assertEquals("RUNNING", state.get("status").asText());
            assertEquals(qs.get(1).id(), state.at("/question/questionId").asText());
            assertTrue(state.get("answered").asBoolean());
            // the score shown is the one of the last reveal: the open answer's points stay hidden
            assertEquals(score, state.at("/you/score").asLong());
            assertEquals(1, state.at("/you/rank").asInt());
            // a repeat with the same requestId gets the original ack; another answer is refused
            second.answer(qs.get(1).id(), qs.get(1).correctIds().get(0), "q1");
            assertTrue(second.await("ack").get("accepted").asBoolean());
            second.answer(qs.get(1).id(), qs.get(1).optionIds().get(0), "other");
            assertEquals("ALREADY_ANSWERED", second.await("ack", 0, n -> n.get("requestId").asText().equals("other"))
                    .get("reason").asText());
            second.answer(qs.get(0).id(), qs.get(0).correctIds().get(0), "old");
            assertEquals("ALREADY_ANSWERED", second.await("ack", 0, n -> n.get("requestId").asText().equals("old"))
                    .get("reason").asText());
        } finally {
            first.close();
        }
    }

    @Test
    void restartLosesNoAcknowledgedAnswer() throws Exception {
        clock.freeze();
        long id = singleQuestions(2, Map.of());
        List<LiveContestTest.Q> qs = view(id);
        String code = openLobby(admin(), id);
        List<LiveApi.Joined> people = List.of(join(code, "p1"), join(code, "p2"), join(code, "p3"));
        long[] shown = new long[3];
        long oldDeadline;
        try (WsClient c1 = WsClient.play(base, id, people.get(0).token());
             WsClient c2 = WsClient.play(base, id, people.get(1).token());
             WsClient c3 = WsClient.play(base, id, people.get(2).token())) {
            List<WsClient> cs = List.of(c1, c2, c3);
            cs.forEach(c -> c.await("state"));
            act(admin(), id, "start").statusCode(200);
            for (int i = 0; i < 3; i++) {
                clock.advance(700);
                cs.get(i).answer(qs.get(0).id(), i == 1 ? qs.get(0).optionIds().stream()
                        .filter(o -> !qs.get(0).correctIds().contains(o)).findFirst().orElseThrow()
                        : qs.get(0).correctIds().get(0), "a" + i);
                assertTrue(cs.get(i).await("ack").get("accepted").asBoolean());
            }
            act(admin(), id, "reveal").statusCode(200);
            for (int i = 0; i < 3; i++) {
                shown[i] = cs.get(i).await("reveal").at("/you/score").asLong();
            }
            act(admin(), id, "next").statusCode(200);
            oldDeadline = c1.await("question", 0, n -> n.get("index").asInt() == 1).get("deadline").asLong();
            clock.advance(1500);
            c1.answer(qs.get(1).id(), qs.get(1).correctIds().get(0), "b0");
            c2.answer(qs.get(1).id(), qs.get(1).correctIds().get(0), "b1");
            assertTrue(c1.await("ack", 0, n -> n.get("requestId").asText().equals("b0")).get("accepted").asBoolean());
            assertTrue(c2.await("ack", 0, n -> n.get("requestId").asText().equals("b1")).get("accepted").asBoolean());
        }
        long crashedAt = clock.now();
        // the crash: everything in memory is gone; nothing more is written
        registry.unloadAll();
        clock.advance(30_000);
        lifecycle.recover();
        long restartedAt = clock.now();

        try (WsClient c1 = WsClient.play(base, id, people.get(0).token());
             WsClient c2 = WsClient.play(base, id, people.get(1).token());
             WsClient c3 = WsClient.play(base, id, people.get(2).token())) {
            JsonNode s1 = c1.await("state");
            assertEquals("RUNNING", s1.get("status").asText());
            assertEquals("OPEN", s1.get("phase").asText());
            assertTrue(s1.get("answered").asBoolean());
            assertEquals(shown[0], s1.at("/you/score").asLong());
            assertEquals(1, s1.at("/you/rank").asInt());
            JsonNode s3 = c3.await("state");
            assertFalse(s3.get("answered").asBoolean());
            assertEquals(shown[2], s3.at("/you/score").asLong());
            // reopened for the time it had left (give or take the heartbeat interval)
            long left = s1.at("/question/deadline").asLong() - restartedAt;
            long hadLeft = oldDeadline - crashedAt;
            assertTrue(left >= hadLeft && left <= hadLeft + 1000, "left " + left + " had " + hadLeft);
            c2.answer(qs.get(1).id(), qs.get(1).correctIds().get(0), "again");
            assertEquals("ALREADY_ANSWERED", c2.await("ack").get("reason").asText());
            c3.answer(qs.get(1).id(), qs.get(1).correctIds().get(0), "b2");
            assertTrue(c3.await("ack").get("accepted").asBoolean());
            act(admin(), id, "reveal").statusCode(200);
            assertTrue(c1.await("reveal").at("/you/correct").asBoolean());
            assertTrue(c2.await("reveal").at("/you/correct").asBoolean());
        }
        assertEquals(6, count("SELECT COUNT(*) FROM answer WHERE contest_id = " + id));
        act(admin(), id, "finish").statusCode(200);
    }

    @Test
    void joinRules() {
        long id = singleQuestions(1, Map.of("maxParticipants", 3));
        String code = openLobby(admin(), id);
        join(code, "Alice");
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "ＡＬＩＣＥ")).post("/api/join")
                .then().statusCode(409).body("code", equalTo("NICKNAME_TAKEN")).body("suggestion", equalTo("ＡＬＩＣＥ2"));
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "a\u202Eb")).post("/api/join")
                .then().statusCode(400).body("errors[0].field", equalTo("nickname"));
        join(code, "Bob");
        join(code, "Carol");
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "Dave")).post("/api/join")
                .then().statusCode(403).body("code", equalTo("CONTEST_FULL"));
        act(admin(), id, "finish").statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "Eve")).post("/api/join")
                .then().statusCode(403).body("code", equalTo("CONTEST_CLOSED"));
        given().contentType(ContentType.JSON).body(Map.of("code", "12", "nickname", "Eve")).post("/api/join")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"code\":\"123456\",\"nickname\":\"x\",\"extra\":1}").post("/api/join")
                .then().statusCode(400);
    }

    @Test
    void abuseAffectsOnlyTheAbuser() {
        clock.freeze();
        long id = singleQuestions(1, Map.of());
        LiveContestTest.Q q = view(id).get(0);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "vandal");
        LiveApi.Joined b = join(code, "bystander");
        // a forged token or another contest's id: the upgrade is refused
        assertThrows(RuntimeException.class, () -> WsClient.play(base, id, "forged-token"));
        assertThrows(RuntimeException.class, () -> WsClient.play(base, id + 999, a.token()));
        try (WsClient vandal = WsClient.play(base, id, a.token());
             WsClient bystander = WsClient.play(base, id, b.token())) {
            vandal.await("state");
            bystander.await("state");
            act(admin(), id, "start").statusCode(200);
            vandal.await("question");
            int from = vandal.mark();
            vandal.send("{not json");
            assertEquals("MALFORMED", vandal.awaitNext("error", from).get("code").asText());
            vandal.send("{\"type\":\"dance\"}");
            assertEquals("UNKNOWN_TYPE", vandal.await("error", from, n -> n.get("code").asText().equals("UNKNOWN_TYPE"))
                    .get("code").asText());
            vandal.send("[1,2]");
            vandal.send("{\"type\":\"ping\"}");
            vandal.await("pong");
            vandal.answer("forged-question", q.correctIds().get(0), "f1");
            assertEquals("INVALID", vandal.await("ack", 0, n -> n.get("requestId").asText().equals("f1")).get("reason").asText());
            vandal.answer(q.id(), "forged-option", "f2");
            assertEquals("INVALID", vandal.await("ack", 0, n -> n.get("requestId").asText().equals("f2")).get("reason").asText());
            vandal.answer(q.id(), List.of(q.correctIds().get(0), q.optionIds().get(1)), "f3");
            assertEquals("INVALID", vandal.await("ack", 0, n -> n.get("requestId").asText().equals("f3")).get("reason").asText());
            // INVALID does not use up the answer
            vandal.answer(q.id(), q.correctIds().get(0), "ok");
            assertTrue(vandal.await("ack", 0, n -> n.get("requestId").asText().equals("ok")).get("accepted").asBoolean());
            assertTrue(vandal.isOpen());
            // a flood closes the flooder's connection, and only that one
            for (int i = 0; i < 200 && vandal.isOpen(); i++) {
                try {
                    vandal.send("{\"type\":\"ping\"}");
                } catch (RuntimeException closed) {
                    break;
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> vandal.closeReason != null);
            assertEquals(1008, vandal.closeReason.getCode());
            assertTrue(bystander.isOpen());
            bystander.answer(q.id(), q.correctIds().get(0), "fine");
            assertTrue(bystander.await("ack").get("accepted").asBoolean());
        }
        // an oversized frame closes that connection
        try (WsClient big = WsClient.play(base, id, a.token())) {
            big.await("state");
            big.send("{\"type\":\"answer\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> big.closeReason != null);
            assertFalse(big.isOpen(), "" + big.closeReason);
        }
        // kick: the connection is closed and the token stops working
        try (WsClient victim = WsClient.play(base, id, b.token())) {
            victim.await("state");
            long pid = b.participantId();
            admin().delete("/api/contests/" + id + "/participants/" + pid).then().statusCode(204);
            victim.await("error", 0, n -> n.get("code").asText().equals("KICKED"));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> victim.closeReason != null);
            assertThrows(RuntimeException.class, () -> WsClient.play(base, id, b.token()));
            admin().get("/api/contests/" + id + "/participants").then().statusCode(200)
                    .body("find { it.participantId == " + pid + " }.kicked", equalTo(true));
        }
    }

    @Test
    void hostSocketRefusesParticipantsAnonymousAndOtherHosts() {
        long id = singleQuestions(1, Map.of());
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "curious");
        assertThrows(RuntimeException.class, () -> WsClient.host(base, id, "nobody", "wrong-password"));
        assertThrows(RuntimeException.class, () -> WsClient.host(base, id, LiveApi.HOST, LiveApi.HOST_PASSWORD),
                "host of another contest");
        LiveApi.ensureAccount("organizer-only", "organizer-password", List.of("organizer"));
        assertThrows(RuntimeException.class, () -> WsClient.host(base, id, "organizer-only", "organizer-password"));
        assertThrows(RuntimeException.class, () -> new WsClientAnonymousHost(base, id));
        assertThrows(RuntimeException.class, () -> WsClient.screen(base, "000000x"));
        try (WsClient h = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
            assertEquals(1, h.await("state").get("participants").asInt());
        }
        assertTrue(a.token() != null);
        given().get("/api/contests/" + id + "/participants").then().statusCode(401);
        given().header("Authorization", "Bearer " + a.token()).get("/api/contests/" + id).then().statusCode(401);
        act(admin(), id, "finish").statusCode(200).body("status", notNullValue());
    }

    /** Connects to the host socket without credentials. */
    static final class WsClientAnonymousHost {
        WsClientAnonymousHost(URI base, long id) {
            io.quarkus.websockets.next.BasicWebSocketConnector.create().baseUri(base).path("/ws/host/" + id)
                    .connectAndAwait();
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
