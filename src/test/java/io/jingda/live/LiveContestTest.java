package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.jingda.live.LiveApi.join;
import static io.jingda.live.LiveApi.openLobby;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three participants, a host socket and a screen play a whole contest (one question of each
 * type) end to end. Before every reveal, everything the participants and the screen received is
 * checked for anything that gives the answer away.
 */
@QuarkusTest
class LiveContestTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void release() {
        clock.release();
    }

    /** What the host view says about a question: its id, type, options, correct ids or values. */
    record Q(String id, String type, List<String> optionIds, List<String> correctIds, JsonNode answer, int points,
             long timeLimitMs, String explanation) {
    }

    static List<Q> hostView(long contestId) {
        JsonPath j = admin().get("/api/contests/" + contestId).then().statusCode(200).extract().jsonPath();
        List<Q> out = new ArrayList<>();
        int n = j.getList("questions").size();
        for (int i = 0; i < n; i++) {
            String p = "questions[" + i + "].";
            List<String> opts = j.getList(p + "options.id");
            JsonNode answer = WsClient.parse(admin().get("/api/contests/" + contestId).then().extract()
                    .jsonPath().prettify()).path("questions").get(i).path("answer");
            List<String> correct = new ArrayList<>();
            if (opts != null && !opts.isEmpty()) {
                answer.forEach(a -> correct.add(a.asText()));
            }
            out.add(new Q(j.getString(p + "questionId"), j.getString(p + "type"), opts, correct, answer,
                    j.getInt(p + "points"), j.getInt(p + "timeLimit") * 1000L, j.getString(p + "explanation")));
        }
        return out;
    }

    static Object rightChoice(Q q) {
        return switch (q.type()) {
            case "single", "true_false" -> q.correctIds().get(0);
            case "multiple" -> q.correctIds();
            // full-width, upper case and a trailing 。: normalised matching must still accept it
            case "text" -> toFullWidth(q.answer().get(0).asText()) + "。";
            default -> q.answer().asDouble();
        };
    }

    static Object wrongChoice(Q q) {
        return switch (q.type()) {
            case "single", "true_false" -> q.optionIds().stream().filter(o -> !q.correctIds().contains(o)).findFirst().orElseThrow();
            case "multiple" -> q.optionIds().stream().filter(o -> !q.correctIds().contains(o)).limit(1).toList();
            case "text" -> "完全不对的答案";
            default -> q.answer().asDouble() + 1_000_000;
        };
    }

    static String toFullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return sb.toString();
    }

    static long speedPoints(int points, long t, long limit, int streak) {
        long base = t < 500 ? points : Math.round(points * (1 - Math.min(1.0, (double) t / limit) / 2));
        return base + Math.min(100L * (streak - 1), 500);
    }

    @Test
    void wholeContestThreeParticipantsHostAndScreen() throws Exception {
        long t0 = clock.freeze();
        long id = create(admin(), LiveApi.contestBody(LiveApi.oneOfEachType()));
        List<Q> qs = hostView(id);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "Alice");
        LiveApi.Joined b = join(code, "<script>x</script>");
        LiveApi.Joined c = join(code, "小明");
        try (WsClient alice = WsClient.play(base, id, a.token());
             WsClient bob = WsClient.play(base, id, b.token());
             WsClient carol = WsClient.play(base, id, c.token());
             WsClient screen = WsClient.screen(base, code);
             WsClient host = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
            JsonNode state = alice.await("state");
            assertEquals("LOBBY", state.get("status").asText());
            assertEquals("Alice", state.at("/you/nickname").asText());
            assertEquals(3, screen.await("state").get("participants").asInt());
            assertEquals(3, host.await("state").get("participants").asInt());

            List<WsClient> players = List.of(alice, bob, carol);
            Map<String, Long> expectedScore = new HashMap<>(Map.of("a", 0L, "c", 0L));
            int[] streak = {0, 0};
            act(admin(), id, "start").statusCode(200).body("status", equalTo("RUNNING")).body("phase", equalTo("OPEN"));
            for (int i = 0; i < qs.size(); i++) {
                Q q = qs.get(i);
                String ra0 = "a" + i;
                String rb0 = "b" + i;
                String rc0 = "c" + i;
                int from = alice.mark();
                for (WsClient p : players) {
                    JsonNode question = p.await("question", 0, n -> n.get("questionId").asText().equals(q.id()));
                    assertEquals(i, question.get("index").asInt());
                    assertEquals(q.type(), question.get("questionType").asText());
                    assertEquals(question.get("openedAt").asLong() + q.timeLimitMs(), question.get("deadline").asLong());
                }
                screen.await("question", 0, n -> n.get("questionId").asText().equals(q.id()));
                long opened = clock.now();

                clock.advance(1000);
                alice.answer(q.id(), rightChoice(q), "a" + i);
                JsonNode ackA = alice.await("ack", 0, n -> n.get("requestId").asText().equals(ra0));
                bob.answer(q.id(), wrongChoice(q), "b" + i);
                JsonNode ackB = bob.await("ack", 0, n -> n.get("requestId").asText().equals(rb0));
                clock.advance(2000);
                carol.answer(q.id(), rightChoice(q), "c" + i);
                JsonNode ackC = carol.await("ack", 0, n -> n.get("requestId").asText().equals(rc0));
                assertTrue(ackA.get("accepted").asBoolean() && ackB.get("accepted").asBoolean()
                        && ackC.get("accepted").asBoolean(), ackA + " " + ackB + " " + ackC);
                // a right and a wrong answer get the same acknowledgement (all but the echoed requestId)
                assertEquals(((ObjectNode) ackA.deepCopy()).put("requestId", "x"),
                        ((ObjectNode) ackB.deepCopy()).put("requestId", "x"));
                JsonNode progress = host.await("progress", 0, n -> n.get("questionId").asText().equals(q.id())
                        && n.get("answered").asInt() == 3);
                assertNotNull(progress.get("distribution"));
                JsonNode screenProgress = screen.await("progress", 0, n -> n.get("questionId").asText().equals(q.id())
                        && n.get("answered").asInt() == 3);
                assertNull(screenProgress.get("distribution"), "the screen gets counts only");

                LeakCheck.assertNothingGivesAway(q, List.of(alice, bob, carol, screen));

                act(admin(), id, "close").statusCode(200).body("phase", equalTo("CLOSED"));
                act(admin(), id, "reveal").statusCode(200).body("phase", equalTo("REVEALED"));
                streak[0]++;
                streak[1]++;
                boolean speed = true;
                long pa = speedPoints(q.points(), 1000, q.timeLimitMs(), streak[0]);
                long pc = speedPoints(q.points(), 3000, q.timeLimitMs(), streak[1]);
                expectedScore.merge("a", pa, Long::sum);
                expectedScore.merge("c", pc, Long::sum);
                JsonNode ra = alice.await("reveal", from, n -> n.get("questionId").asText().equals(q.id()));
                JsonNode rb = bob.await("reveal", 0, n -> n.get("questionId").asText().equals(q.id()));
                JsonNode rc = carol.await("reveal", 0, n -> n.get("questionId").asText().equals(q.id()));
                assertTrue(speed);
                assertTrue(ra.at("/you/correct").asBoolean(), ra.toString());
                assertEquals(pa, ra.at("/you/points").asLong(), "question " + i + " " + q.type());
                assertEquals(expectedScore.get("a"), ra.at("/you/score").asLong());
                assertEquals(1, ra.at("/you/rank").asInt());
                assertEquals(i + 1, ra.at("/you/streak").asInt());
                assertFalse(rb.at("/you/correct").asBoolean());
                assertEquals(0, rb.at("/you/points").asInt());
                assertEquals(3, rb.at("/you/rank").asInt());
                assertEquals(0, rb.at("/you/streak").asInt());
                assertEquals(pc, rc.at("/you/points").asLong());
                assertEquals(2, rc.at("/you/rank").asInt());
                JsonNode sr = screen.await("reveal", 0, n -> n.get("questionId").asText().equals(q.id()));
                assertTrue(sr.get("you") == null || sr.get("you").isMissingNode());
                assertEquals(3, sr.get("answered").asInt());
                if (!q.correctIds().isEmpty()) {
                    List<String> revealed = new ArrayList<>();
                    sr.get("correct").forEach(x -> revealed.add(x.asText()));
                    assertEquals(q.correctIds(), revealed);
                }

                act(admin(), id, "leaderboard").statusCode(200).body("phase", equalTo("LEADERBOARD"));
                JsonNode lb = bob.await("leaderboard", 0, n -> n.get("questionId").asText().equals(q.id()));
                assertEquals("Alice", lb.at("/top/0/nickname").asText());
                assertEquals("小明", lb.at("/top/1/nickname").asText());
                assertEquals("<script>x</script>", lb.at("/top/2/nickname").asText());
                assertEquals(3, lb.at("/you/rank").asInt());
                assertEquals(3, lb.get("participants").asInt());
                assertTrue(lb.get("closedAt").asLong() >= opened);
                act(admin(), id, "next").statusCode(200);
            }
            // "next" after the last question finishes the contest
            JsonNode fin = alice.await("finished");
            assertEquals(1, fin.at("/you/rank").asInt());
            assertEquals(expectedScore.get("a"), fin.at("/you/score").asLong());
            assertEquals("Alice", fin.at("/podium/0/nickname").asText());
            assertEquals(3, fin.get("podium").size());
            screen.await("finished");
            host.await("finished");
            assertEquals(2, carol.await("finished").at("/you/rank").asInt());

            // results and exports
            JsonPath r = admin().get("/api/contests/" + id + "/results").then().statusCode(200).extract().jsonPath();
            assertEquals("Alice", r.getString("standings[0].nickname"));
            assertEquals(expectedScore.get("a").longValue(), r.getLong("standings[0].score"));
            assertEquals(5, r.getInt("standings[0].correct"));
            assertEquals(5 * 1000L, r.getLong("standings[0].correctTimeMs"));
            assertEquals(expectedScore.get("c").longValue(), r.getLong("standings[1].score"));
            assertEquals(0, r.getLong("standings[2].score"));
            assertEquals(3, r.getInt("questions[0].answered"));
            assertEquals(66.7, r.getDouble("questions[0].correctPercent"), 0.01);
            assertEquals((1000 + 1000 + 3000) / 3, r.getLong("questions[0].averageTimeMs"));
            String csv = admin().queryParam("format", "csv").get("/api/contests/" + id + "/results")
                    .then().statusCode(200)
                    // named after the title (测试竞赛) and date, with an ASCII fallback
                    .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                            "attachment; filename=\"contest-" + id + "-\\d{4}-\\d{2}-\\d{2}-results\\.csv\"; "
                                    + "filename\\*=UTF-8''%E6%B5%8B%E8%AF%95%E7%AB%9E%E8%B5%9B-\\d{4}-\\d{2}-\\d{2}-results\\.csv"))
                    .extract().asString();
            assertTrue(csv.startsWith("\uFEFFRank,Nickname,Score,Correct answers,"));
            assertTrue(csv.contains("小明"));
            assertTrue(csv.contains("<script>x</script>"));
            byte[] xlsx = admin().queryParam("format", "xlsx").get("/api/contests/" + id + "/results")
                    .then().statusCode(200).extract().asByteArray();
            assertEquals('P', xlsx[0]);
            assertEquals('K', xlsx[1]);
            assertEquals(15, count("SELECT COUNT(*) FROM answer WHERE contest_id = " + id));
            assertEquals("FINISHED", admin().get("/api/contests/" + id).then().extract().path("status"));
            assertTrue(t0 > 0);
        }
    }

    /**
     * Issue 13, items 3 and 4: a multiple-choice answer counts under each option it chose and under its
     * set; text and numeric answers are ranked by their normal form; the screen gets no counts before the
     * reveal; the results count the same; an answer after the question closed is LATE.
     */
    @Test
    void theChartCountsOptionsSetsAndRankedAnswersAndALateAnswerIsLate() {
        clock.freeze();
        long id = create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("multiple", 0),
                LiveApi.questionOf("text", 0), LiveApi.questionOf("numeric", 0))));
        List<Q> qs = hostView(id);
        Q multi = qs.get(0);
        List<String> o = multi.optionIds();
        assertTrue(o.size() >= 3, "needs a multiple-choice question with 3 or more options");
        String code = openLobby(admin(), id);
        List<LiveApi.Joined> joined = List.of(join(code, "甲"), join(code, "乙"), join(code, "丙"), join(code, "丁"));
        List<WsClient> players = new ArrayList<>();
        try (WsClient screen = WsClient.screen(base, code);
             WsClient host = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
            for (LiveApi.Joined j : joined) {
                players.add(WsClient.play(base, id, j.token()));
            }
            players.forEach(p -> p.await("state"));
            screen.await("state");
            host.await("state");
            act(admin(), id, "start").statusCode(200);
            players.get(0).await("question");
            clock.advance(1000);
            // B and C twice (in either order), then A
            Object[] choices = {List.of(o.get(2), o.get(1)), List.of(o.get(1), o.get(2)), List.of(o.get(0))};
            for (int i = 0; i < 3; i++) {
                players.get(i).answer(multi.id(), choices[i], "m" + i);
                assertTrue(players.get(i).await("ack").get("accepted").asBoolean());
            }
            JsonNode progress = host.await("progress", 0, n -> n.get("answered").asInt() == 3);
            assertEquals(1, progress.at("/distribution/" + o.get(0)).asInt(), progress.toString());
            assertEquals(2, progress.at("/distribution/" + o.get(1)).asInt(), progress.toString());
            assertEquals(2, progress.at("/distribution/" + o.get(2)).asInt(), progress.toString());
            assertEquals(o.size(), progress.get("distribution").size());
            String bc = o.get(1) + "," + o.get(2);
            assertEquals(WsClient.parse("{\"" + bc + "\":2,\"" + o.get(0) + "\":1}"), progress.get("combinations"));
            JsonNode screenProgress = screen.await("progress", 0, n -> n.get("answered").asInt() == 3);
            assertNull(screenProgress.get("distribution"));
            assertNull(screenProgress.get("combinations"));
            LeakCheck.assertNothingGivesAway(multi, List.of(players.get(0), players.get(3), screen));

            // the host closes early: the fourth's answer is late
            act(admin(), id, "close").statusCode(200);
            players.get(3).await("closed");
            players.get(3).answer(multi.id(), List.of(o.get(0)), "late-0");
            JsonNode late = players.get(3).await("ack", 0, n -> n.get("requestId").asText().equals("late-0"));
            assertFalse(late.get("accepted").asBoolean());
            assertEquals("LATE", late.get("reason").asText());
            act(admin(), id, "reveal").statusCode(200);
            JsonNode reveal = screen.await("reveal");
            assertEquals(progress.get("distribution"), reveal.get("distribution"));
            assertEquals(progress.get("combinations"), reveal.get("combinations"));
            assertEquals(reveal.get("combinations"), players.get(3).await("reveal").get("combinations"));

            // text: normal forms are counted together, most frequent first
            act(admin(), id, "next").statusCode(200);
            Q text = qs.get(1);
            int mark = players.get(3).mark();
            players.get(0).await("question", 0, n -> n.get("index").asInt() == 1);
            String[] texts = {"Ｚ答案。", "z答案", "另一个"};
            for (int i = 0; i < 3; i++) {
                String rid = "t" + i;
                players.get(i).answer(text.id(), texts[i], rid);
                assertTrue(players.get(i).await("ack", 0, n -> n.get("requestId").asText().equals(rid))
                        .get("accepted").asBoolean());
            }
            JsonNode textProgress = host.await("progress", 0, n -> n.get("questionId").asText().equals(text.id())
                    && n.get("answered").asInt() == 3);
            assertEquals(WsClient.parse("{\"z答案\":2,\"另一个\":1}"), textProgress.get("distribution"));
            assertNull(textProgress.get("combinations"));
            // the time runs out; once the server has closed the question, an answer is LATE (it was NOT_OPEN)
            clock.advance(text.timeLimitMs() + 251);
            players.get(3).await("closed", mark, n -> n.get("questionId").asText().equals(text.id()));
            players.get(3).answer(text.id(), "太晚了", "late-1");
            assertEquals("LATE", players.get(3).await("ack", 0, n -> n.get("requestId").asText().equals("late-1"))
                    .get("reason").asText());
            act(admin(), id, "reveal").statusCode(200);
            JsonNode textReveal = screen.await("reveal", 0, n -> n.get("questionId").asText().equals(text.id()));
            assertEquals(textProgress.get("distribution"), textReveal.get("distribution"));

            // numeric: 7 and 7.0 are one answer
            act(admin(), id, "next").statusCode(200);
            Q num = qs.get(2);
            players.get(0).await("question", 0, n -> n.get("index").asInt() == 2);
            Object[] numbers = {7, "7.0", 8.5};
            for (int i = 0; i < 3; i++) {
                String rid = "n" + i;
                players.get(i).answer(num.id(), numbers[i], rid);
                assertTrue(players.get(i).await("ack", 0, n -> n.get("requestId").asText().equals(rid))
                        .get("accepted").asBoolean());
            }
            host.await("progress", 0, n -> n.get("questionId").asText().equals(num.id()) && n.get("answered").asInt() == 3);
            act(admin(), id, "reveal").statusCode(200);
            JsonNode numReveal = screen.await("reveal", 0, n -> n.get("questionId").asText().equals(num.id()));
            assertEquals(WsClient.parse("{\"7\":2,\"8.5\":1}"), numReveal.get("distribution"));
            act(admin(), id, "finish").statusCode(200);

            // the results count as the chart did
            JsonPath r = admin().get("/api/contests/" + id + "/results").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(1, 2, 2), r.getList("questions[0].options.count").subList(0, 3));
            assertEquals(2, r.getInt("questions[0].combinations['" + bc + "']"));
            assertEquals(1, r.getInt("questions[0].combinations['" + o.get(0) + "']"));
            assertEquals(2, r.getInt("questions[0].distribution['" + o.get(1) + "']"));
            assertEquals(2, r.getInt("questions[1].distribution['z答案']"));
            assertNull(r.get("questions[1].combinations"));
        } finally {
            players.forEach(WsClient::close);
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
