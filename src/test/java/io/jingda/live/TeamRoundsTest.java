package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A four-team contest played over sockets through all four kinds of team round (mandatory, buzzer, wager,
 * tie-break), with team picks at join, false starts, two buzzes a millisecond apart, a rebound, a void
 * question, default stakes, rulings and their undo; then the scores recomputed from the database equal the
 * scores pushed, and a runtime rebuilt from the stored rows is in the same state.
 */
@QuarkusTest
class TeamRoundsTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;
    @Inject
    LiveContests registry;
    @Inject
    LiveStore store;
    @Inject
    ContestService contests;

    @AfterEach
    void release() {
        clock.release();
    }

    static List<String> singles(int from, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            ids.add(LiveApi.questionOf("single", i));
        }
        return ids;
    }

    static Map<String, Object> round(String kind, List<String> ids, Map<String, Object> settings) {
        Map<String, Object> r = new HashMap<>(settings);
        r.put("kind", kind);
        r.put("questionIds", ids);
        return r;
    }

    static Map<String, Object> plan() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "四队决赛");
        body.put("confirmRelated", true);
        body.put("teamSize", 2);
        body.put("teams", List.of(
                Map.of("name", "红队", "color", "#d32f2f", "members", List.of("A1")),
                Map.of("name", "蓝队", "members", List.of("B1")),
                Map.of("name", "绿队", "members", List.of("C1")),
                Map.of("name", "橙队", "members", List.of("D1"))));
        body.put("rounds", List.of(
                round("mandatory", singles(0, 4), Map.of("title", "必答题")),
                round("buzzer", singles(4, 2), Map.of("title", "抢答题", "rebound", true)),
                round("wager", singles(6, 4), Map.of("title", "风险题")),
                round("tiebreak", singles(10, 2), Map.of("title", "加时赛"))));
        return body;
    }

    static JsonNode act(long id, String action, Object body) {
        var spec = admin();
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        String json = spec.post("/api/contests/" + id + "/actions/" + action).then().statusCode(200).extract().asString();
        return WsClient.parse(json);
    }

    static LiveApi.Joined join(String code, String nickname, Integer teamId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nickname", nickname));
        if (teamId != null) {
            body.put("teamId", teamId);
        }
        var r = given().contentType(ContentType.JSON).body(body).post("/api/join").then().statusCode(200).extract();
        return new LiveApi.Joined(((Number) r.path("contestId")).longValue(),
                ((Number) r.path("participantId")).longValue(), r.path("token"));
    }

    static void buzz(WsClient c, String qid) {
        c.send("{\"type\":\"buzz\",\"questionId\":\"" + qid + "\",\"requestId\":\"b-" + System.nanoTime() + "\"}");
    }

    static List<String> allowed(JsonNode dto) {
        List<String> out = new ArrayList<>();
        dto.path("allowedActions").forEach(a -> out.add(a.asText()));
        return out;
    }

    /** A right or a wrong option of question {@code q} (by index) of the contest. */
    static String option(List<LiveContestTest.Q> qs, int q, boolean right) {
        return right ? LiveContestTest.rightChoice(qs.get(q)).toString()
                : LiveContestTest.wrongChoice(qs.get(q)).toString();
    }

    @Test
    void fourTeamsPlayMandatoryBuzzerWagerAndTiebreakRounds() throws Exception {
        clock.freeze();
        var created = admin().contentType(ContentType.JSON).body(plan()).post("/api/contests").then().statusCode(201)
                .body("settings.rounds[1].falseStart", equalTo("penalty"))
                .body("settings.rounds[2].stakes[2]", equalTo(30))
                .body("settings.teams[1].color", equalTo("#1976d2"))
                .extract();
        long id = ((Number) created.path("id")).longValue();
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        String code = LiveApi.openLobby(admin(), id);
        given().get("/api/join/" + code).then().statusCode(200).body("teams.size()", equalTo(4))
                .body("teamPick", equalTo("participants")).body("teams[0].full", equalTo(false));
        LiveApi.Joined a1 = join(code, "A1", 3); // listed in team 1: the pick does not move them
        LiveApi.Joined a2 = join(code, "A2", 1);
        LiveApi.Joined b1 = join(code, "B1", null);
        LiveApi.Joined c1 = join(code, "C1", null);
        LiveApi.Joined d1 = join(code, "D1", null);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "X", "teamId", 1))
                .post("/api/join").then().statusCode(409).body("code", equalTo("TEAM_FULL"));
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "Y", "teamId", 9))
                .post("/api/join").then().statusCode(400).body("errors[0].field", equalTo("teamId"));
        try (WsClient pa1 = WsClient.play(base, id, a1.token());
             WsClient pa2 = WsClient.play(base, id, a2.token());
             WsClient pb1 = WsClient.play(base, id, b1.token());
             WsClient pc1 = WsClient.play(base, id, c1.token());
             WsClient pd1 = WsClient.play(base, id, d1.token());
             WsClient screen = WsClient.screen(base, code);
             WsClient host = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
            assertThat(pa1.await("state").path("you").path("teamId").asInt()).isEqualTo(1);
            host.await("state");
            screen.await("state");

            // ---- round 0: mandatory (必答). Teams in turn 1, 2, 3, 4.
            JsonNode dto = act(id, "start", null);
            assertThat(dto.path("phase").asText()).isEqualTo("ROUND");
            JsonNode round = screen.await("round");
            assertThat(round.path("kind").asText()).isEqualTo("mandatory");
            assertThat(round.path("teams")).hasSize(4);
            assertThat(allowed(dto)).contains("next", "nextRound");

            int mark = pb1.mark();
            act(id, "next", null);
            JsonNode turn = pb1.awaitNext("turn", mark);
            assertThat(turn.path("teamId").asInt()).isEqualTo(1);
            assertThat(turn.path("participantId").asLong()).isEqualTo(a1.participantId());
            String q0 = turn.path("questionId").asText();
            pb1.answer(q0, option(qs, 0, true), "r-b1-0");
            assertThat(pb1.await("ack", mark, n -> "r-b1-0".equals(n.path("requestId").asText()))
                    .path("reason").asText()).isEqualTo("NOT_YOUR_TURN");
            pa1.answer(q0, option(qs, 0, true), "r-a1-0");
            JsonNode judged = screen.await("judged", 0, n -> q0.equals(n.path("questionId").asText()));
            assertThat(judged.path("correct").asBoolean()).isTrue();
            assertThat(judged.path("points").asInt()).isEqualTo(10);
            screen.await("closed", 0, n -> q0.equals(n.path("questionId").asText()));
            assertThat(indexOf(screen, "judged", q0)).isLessThan(indexOf(screen, "closed", q0)); // closed after judged
            // leaderboard waits for the end of the round (team rounds show it after the round by default)
            assertThat(allowed(act(id, "reveal", null))).doesNotContain("leaderboard").contains("next", "nextRound");
            act(id, "next", null);

            String q1 = pb1.await("turn", mark, n -> n.path("teamId").asInt() == 2).path("questionId").asText();
            pb1.answer(q1, option(qs, 1, false), "r-b1-1");
            screen.await("judged", 0, n -> q1.equals(n.path("questionId").asText()));
            screen.await("closed", 0, n -> q1.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            act(id, "next", null);
            String q2 = pc1.await("turn", 0, n -> n.path("teamId").asInt() == 3).path("questionId").asText();
            clock.advance(30_300); // C1 does not answer in time: 0 points
            JsonNode timeout = screen.await("judged", 0, n -> q2.equals(n.path("questionId").asText()));
            assertThat(timeout.path("reason").asText()).isEqualTo("TIMEOUT");
            assertThat(timeout.path("points").asInt()).isZero();
            screen.await("closed", 0, n -> q2.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            act(id, "next", null);
            String q3 = pd1.await("turn", 0, n -> n.path("teamId").asInt() == 4).path("questionId").asText();
            pd1.answer(q3, option(qs, 3, true), "r-d1-3");
            screen.await("closed", 0, n -> q3.equals(n.path("questionId").asText()));
            dto = act(id, "reveal", null);
            assertThat(allowed(dto)).contains("leaderboard", "next", "nextRound");
            act(id, "leaderboard", null);
            JsonNode board = screen.await("leaderboard", 0, n -> q3.equals(n.path("questionId").asText()));
            assertThat(board.path("teams").get(0).path("score").asLong()).isEqualTo(110);
            assertThat(board.path("teams").get(2).path("score").asLong()).isEqualTo(100);

            // ---- round 1: buzzer (抢答), rebound on.
            act(id, "next", null);
            assertThat(screen.await("round", 0, n -> n.path("index").asInt() == 1).path("kind").asText())
                    .isEqualTo("buzzer");
            mark = pc1.mark();
            act(id, "next", null);
            String q4 = pc1.awaitNext("question", mark).path("questionId").asText();
            clock.advance(1_000);
            buzz(pc1, q4); // a false start: −10 and team 3 is out of this question
            assertThat(pc1.awaitNext("buzzRefused", mark).path("reason").asText()).isEqualTo("FALSE_START");
            assertThat(host.await("falseStart").path("points").asInt()).isEqualTo(-10);
            clock.advance(2_000);
            JsonNode open = pb1.await("buzzOpen", mark, n -> q4.equals(n.path("questionId").asText()));
            assertThat(open.path("lockedOut").get(0).asInt()).isEqualTo(3);
            buzz(pb1, q4);
            JsonNode winner = pa1.await("buzzWinner", 0, n -> q4.equals(n.path("questionId").asText()));
            assertThat(winner.path("participantId").asLong()).isEqualTo(b1.participantId());
            assertThat(winner.path("reactionMs").asLong()).isZero();
            clock.advance(1);
            buzz(pd1, q4); // a millisecond later: the buzz is taken
            assertThat(pd1.await("buzzRefused", 0, n -> true).path("reason").asText()).isEqualTo("ALREADY_WON");
            JsonNode buzzOrder = host.await("buzzOrder", 0, n -> n.path("buzzes").size() == 2);
            assertThat(buzzOrder.path("buzzes").get(0).path("teamId").asInt()).isEqualTo(2);
            assertThat(buzzOrder.path("buzzes").get(1).path("reactionMs").asLong()).isEqualTo(1);
            buzz(pc1, q4);
            assertThat(pc1.await("buzzRefused", mark, n -> "LOCKED_OUT".equals(n.path("reason").asText()))).isNotNull();
            pb1.answer(q4, option(qs, 4, false), "r-b1-4");
            JsonNode rebound = pa2.await("buzzOpen", mark, n -> n.path("rebound").asBoolean());
            assertThat(rebound.path("lockedOut").toString()).contains("2").contains("3");
            buzz(pa2, q4);
            pa2.await("turn", mark, n -> n.path("participantId").asLong() == a2.participantId());
            pa2.answer(q4, option(qs, 4, true), "r-a2-4");
            screen.await("closed", 0, n -> q4.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            act(id, "next", null);
            String q5 = screen.await("question", 0, n -> n.path("index").asInt() == 5).path("questionId").asText();
            clock.advance(3_000);
            screen.await("buzzOpen", 0, n -> q5.equals(n.path("questionId").asText()));
            clock.advance(10_300); // nobody buzzes: void, revealed at once
            assertThat(screen.await("judged", 0, n -> q5.equals(n.path("questionId").asText())).path("reason").asText())
                    .isEqualTo("NO_BUZZ");
            screen.await("reveal", 0, n -> q5.equals(n.path("questionId").asText()));

            // ---- rulings, and an undo
            var ruling = admin().contentType(ContentType.JSON)
                    .body(Map.of("teamId", 4, "points", 5, "reason", "风度奖"))
                    .post("/api/contests/" + id + "/rulings").then().statusCode(201).extract();
            int rulingId = ruling.path("id");
            JsonNode pushed = host.await("ruling", 0, n -> n.path("id").asInt() == rulingId);
            assertThat(pushed.path("reason").asText()).isEqualTo("风度奖");
            admin().contentType(ContentType.JSON).body(Map.of("undoes", rulingId))
                    .post("/api/contests/" + id + "/rulings").then().statusCode(201).body("points", equalTo(-5));
            admin().contentType(ContentType.JSON).body(Map.of("undoes", rulingId))
                    .post("/api/contests/" + id + "/rulings").then().statusCode(409).body("code", equalTo("ALREADY_UNDONE"));
            admin().contentType(ContentType.JSON).body(Map.of("teamId", 2, "points", 3))
                    .post("/api/contests/" + id + "/rulings").then().statusCode(400).body("errors[0].field", equalTo("reason"));
            admin().contentType(ContentType.JSON).body(Map.of("participantId", c1.participantId(), "points", 2,
                    "reason", "补分")).post("/api/contests/" + id + "/rulings").then().statusCode(201);
            admin().get("/api/contests/" + id + "/rulings").then().statusCode(200).body("size()", equalTo(3))
                    .body("[1].undoes", equalTo(rulingId));

            // ---- round 2: wager (风险). Stakes at once; team 4 does not pick and gets the lowest.
            act(id, "next", null);
            JsonNode wagerOpen = pa1.await("wagerOpen");
            assertThat(wagerOpen.path("stakes").toString()).isEqualTo("[10,20,30]");
            assertThat(allowed(act(id, "pause", null))).contains("resume");
            act(id, "resume", null);
            pa1.send("{\"type\":\"wager\",\"roundIndex\":2,\"stake\":30,\"requestId\":\"w1\"}");
            pa1.await("ack", 0, n -> "w1".equals(n.path("requestId").asText())); // then a teammate tries: the first pick counts
            pa2.send("{\"type\":\"wager\",\"roundIndex\":2,\"stake\":10,\"requestId\":\"w2\"}");
            pb1.send("{\"type\":\"wager\",\"roundIndex\":2,\"stake\":25,\"requestId\":\"w3\"}");
            pc1.send("{\"type\":\"wager\",\"roundIndex\":2,\"stake\":10,\"requestId\":\"w4\"}");
            assertThat(pa1.await("ack", 0, n -> "w1".equals(n.path("requestId").asText())).path("accepted").asBoolean())
                    .isTrue();
            assertThat(pa2.await("ack", 0, n -> "w2".equals(n.path("requestId").asText())).path("reason").asText())
                    .isEqualTo("ALREADY_PICKED");
            assertThat(pb1.await("ack", 0, n -> "w3".equals(n.path("requestId").asText())).path("reason").asText())
                    .isEqualTo("INVALID_STAKE");
            pb1.send("{\"type\":\"wager\",\"roundIndex\":2,\"stake\":20,\"requestId\":\"w5\"}");
            pb1.await("ack", 0, n -> "w5".equals(n.path("requestId").asText()));
            pc1.await("ack", 0, n -> "w4".equals(n.path("requestId").asText()));
            host.await("wagers", 0, n -> n.path("picks").size() == 3);
            assertThat(pa1.ofType("wagers")).isEmpty(); // players see the picks only once all have picked
            assertThat(admin().get("/api/contests/" + id).then().extract().jsonPath().getList("allowedActions"))
                    .doesNotContain("next"); // not before every team has its stake
            clock.advance(15_300);
            JsonNode picks = screen.await("wagers", 0, n -> n.path("complete").asBoolean());
            assertThat(picks.toString()).contains("{\"teamId\":4,\"stake\":10,\"auto\":true}");
            int w = screen.mark();
            act(id, "next", null);
            // round 2 starts with the third team (the order rotates by one each round)
            String q6 = screen.await("turn", w, n -> n.path("teamId").asInt() == 3).path("questionId").asText();
            pc1.answer(q6, option(qs, 6, true), "r-c1-6");
            screen.await("closed", 0, n -> q6.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            w = screen.mark();
            act(id, "next", null);
            String q7 = screen.await("turn", w, n -> n.path("teamId").asInt() == 4).path("questionId").asText();
            pd1.answer(q7, option(qs, 7, false), "r-d1-7");
            screen.await("closed", 0, n -> q7.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            w = screen.mark();
            act(id, "next", null);
            JsonNode t8 = screen.await("turn", w, n -> n.path("teamId").asInt() == 1);
            assertThat(t8.path("participantId").asLong()).isEqualTo(a1.participantId()); // A2 answered last for team 1
            pa1.answer(t8.path("questionId").asText(), option(qs, 8, true), "r-a1-8");
            screen.await("closed", 0, n -> t8.path("questionId").asText().equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            w = screen.mark();
            act(id, "next", null);
            String q9 = screen.await("turn", w, n -> n.path("teamId").asInt() == 2).path("questionId").asText();
            act(id, "skip", null); // the host voids it
            screen.await("reveal", 0, n -> q9.equals(n.path("questionId").asText()));
            dto = act(id, "leaderboard", null);
            assertThat(allowed(dto)).contains("tiebreak", "next").doesNotContain("nextRound");
            JsonNode standings = screen.await("leaderboard", 0, n -> q9.equals(n.path("questionId").asText()));
            // 1: 100 + 10 (q0) + 10 (q4 rebound) + 30 (stake) = 150; 2: 100 − 10 (q4) = 90 (q9 skipped)
            // 3: 100 − 10 (false start) + 10 (stake) + 2 (a participant ruling) = 102; 4: 100 + 10 (q3) − 10 = 100
            Map<Integer, Long> pushedScores = new HashMap<>();
            standings.path("teams").forEach(t -> pushedScores.put(t.path("id").asInt(), t.path("score").asLong()));
            assertThat(pushedScores).isEqualTo(Map.of(1, 150L, 2, 90L, 3, 102L, 4, 100L));
            assertThat(recomputed(id)).isEqualTo(pushedScores);

            // ---- a runtime rebuilt from the stored rows is in the same state
            ContestRuntime live = registry.get(id).orElseThrow();
            Contest row = contests.openContests().stream().map(ContestService.Loaded::contest)
                    .filter(c -> c.id == id).findFirst().orElseThrow();
            ContestRuntime rebuilt = registry.restore(row, contests.questions(id), store.participants(id),
                    store.answers(id), store.rulings(id), store.events(id));
            assertThat(rebuilt.teams()).isEqualTo(live.teams());

            // ---- the tie-break: a ruling ties blue with orange at 100, then sudden death between them
            admin().contentType(ContentType.JSON).body(Map.of("teamId", 2, "points", 10, "reason", "申诉成功"))
                    .post("/api/contests/" + id + "/rulings").then().statusCode(201);
            host.await("ruling", 0, n -> n.path("reason").asText().equals("申诉成功")
                    && n.path("teams").toString().contains("\"id\":2,\"name\":\"蓝队\",\"color\":\"#1976d2\",\"score\":100"));
            admin().contentType(ContentType.JSON).body(Map.of("teams", List.of(2)))
                    .post("/api/contests/" + id + "/actions/tiebreak").then().statusCode(400)
                    .body("errors[0].field", equalTo("teams"));
            act(id, "tiebreak", Map.of("teams", List.of(2, 4)));
            JsonNode tb = screen.await("round", 0, n -> n.path("kind").asText().equals("tiebreak"));
            assertThat(tb.path("teams")).hasSize(2);
            act(id, "next", null);
            String q10 = screen.await("question", 0, n -> n.path("index").asInt() == 10).path("questionId").asText();
            clock.advance(3_000);
            pb1.await("buzzOpen", 0, n -> q10.equals(n.path("questionId").asText()));
            buzz(pa1, q10);
            assertThat(pa1.await("buzzRefused", 0, n -> q10.equals(n.path("questionId").asText())).path("reason")
                    .asText()).isEqualTo("NO_TEAM");
            buzz(pd1, q10);
            pd1.await("turn", 0, n -> q10.equals(n.path("questionId").asText()));
            pd1.answer(q10, option(qs, 10, false), "r-d1-10");
            JsonNode won = screen.await("tiebreak", 0, n -> "won".equals(n.path("event").asText()));
            assertThat(won.path("teamId").asInt()).isEqualTo(2);
            screen.await("closed", 0, n -> q10.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            act(id, "next", null); // the tie is settled: next finishes
            JsonNode finished = screen.await("finished");
            List<Integer> order = new ArrayList<>();
            finished.path("teams").forEach(t -> order.add(t.path("id").asInt()));
            assertThat(order).containsExactly(1, 3, 2, 4);
            // the results say the same from the database, the tie-break's winner ranked above the team it tied with
            var results = admin().get("/api/contests/" + id + "/results").then().statusCode(200).extract().jsonPath();
            assertThat(results.getList("teams.id", Integer.class)).containsExactly(1, 3, 2, 4);
            assertThat(results.getList("teams.rank", Integer.class)).containsExactly(1, 2, 3, 4);
            assertThat(results.getList("teams.score", Long.class)).containsExactly(150L, 102L, 100L, 100L);
        }
    }

    @Test
    void aParticipantOrScreenThatReconnectsMidBuzzOrMidWagerSeesTheTruth() throws Exception {
        clock.freeze();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "重连");
        body.put("confirmRelated", true);
        body.put("teams", List.of(Map.of("name", "甲", "members", List.of("J")), Map.of("name", "乙", "members", List.of("Y"))));
        body.put("rounds", List.of(round("buzzer", singles(12, 1), Map.of("readingSeconds", 0)),
                round("wager", singles(13, 2), Map.of())));
        long id = ((Number) admin().contentType(ContentType.JSON).body(body).post("/api/contests").then().statusCode(201)
                .body("teams[1].name", equalTo("乙")).extract().path("id")).longValue();
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        String code = LiveApi.openLobby(admin(), id);
        LiveApi.Joined j = join(code, "J", null);
        LiveApi.Joined y = join(code, "Y", null);
        try (WsClient pj = WsClient.play(base, id, j.token())) {
            act(id, "start", null);
            act(id, "next", null);
            String q = pj.await("buzzOpen").path("questionId").asText();
            buzz(pj, q);
            pj.await("buzzWinner");
            // Y was not connected when the buzz was won; the screen neither
            try (WsClient py = WsClient.play(base, id, y.token()); WsClient screen = WsClient.screen(base, code)) {
                for (WsClient c : List.of(py, screen)) {
                    JsonNode play = c.await("state").path("play");
                    assertThat(play.path("round").path("kind").asText()).isEqualTo("buzzer");
                    assertThat(play.path("step").asText()).isEqualTo("answering");
                    assertThat(play.path("buzz").path("winner").path("participantId").asLong()).isEqualTo(j.participantId());
                    assertThat(play.path("turn").path("participantId").asLong()).isEqualTo(j.participantId());
                }
                assertThat(py.await("state").path("you").path("teamId").asInt()).isEqualTo(2);
            }
            pj.answer(q, option(qs, 0, true), "a");
            pj.await("judged");
            pj.await("closed");
            act(id, "reveal", null);
            act(id, "next", null);
            pj.await("wagerOpen");
            pj.send("{\"type\":\"wager\",\"roundIndex\":1,\"stake\":20,\"requestId\":\"w\"}");
            pj.await("ack", 0, n -> "w".equals(n.path("requestId").asText()));
            try (WsClient py = WsClient.play(base, id, y.token());
                 WsClient host = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
                JsonNode wagers = py.await("state").path("play").path("wagers");
                assertThat(wagers.path("complete").asBoolean()).isFalse();
                assertThat(wagers.has("picks")).isFalse(); // picking at once: the others' stakes stay hidden
                assertThat(py.await("state").path("play").path("step").asText()).isEqualTo("staking");
                JsonNode hostWagers = host.await("state").path("play").path("wagers");
                assertThat(hostWagers.path("picks").toString()).isEqualTo("[{\"teamId\":1,\"stake\":20,\"auto\":false}]");
            }
        }
    }

    @Test
    void aHostJudgesAnAnswerGivenAloudAfterTheGo() {
        clock.freeze();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "口答");
        body.put("confirmRelated", true);
        body.put("teams", List.of(Map.of("name", "甲", "members", List.of("J")), Map.of("name", "乙", "members", List.of("Y"))));
        body.put("rounds", List.of(round("mandatory", singles(17, 2), Map.of("answerMode", "aloud", "requireGo", true))));
        long id = LiveApi.create(admin().contentType(ContentType.JSON), body);
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        String code = LiveApi.openLobby(admin(), id);
        LiveApi.Joined j = join(code, "J", null);
        try (WsClient pj = WsClient.play(base, id, j.token());
             WsClient screen = WsClient.screen(base, code)) {
            screen.await("state");
            act(id, "start", null);
            assertThat(screen.await("round").path("answerMode").asText()).isEqualTo("aloud");
            assertThat(allowed(act(id, "next", null))).contains("go", "skip").doesNotContain("judge", "close");
            JsonNode waiting = pj.await("turn");
            assertThat(waiting.has("deadline")).isFalse(); // waits for the host's go
            String q = waiting.path("questionId").asText();
            admin().contentType(ContentType.JSON).body("{}").post("/api/contests/" + id + "/actions/judge").then()
                    .statusCode(409); // nothing to judge before the go
            JsonNode dto = act(id, "go", null);
            assertThat(allowed(dto)).contains("judge", "skip").doesNotContain("go");
            assertThat(pj.await("turn", 0, n -> n.has("deadline")).path("participantId").asLong()).isEqualTo(j.participantId());
            pj.answer(q, option(qs, 0, true), "aloud-1");
            assertThat(pj.await("ack", 0, n -> "aloud-1".equals(n.path("requestId").asText())).path("reason").asText())
                    .isEqualTo("ANSWER_ALOUD");
            admin().contentType(ContentType.JSON).body("{}").post("/api/contests/" + id + "/actions/judge").then()
                    .statusCode(400).body("errors[0].field", equalTo("correct"));
            clock.advance(60_000); // answered aloud: no timeout, the host decides
            act(id, "judge", Map.of("correct", true));
            JsonNode judged = screen.await("judged", 0, n -> q.equals(n.path("questionId").asText()));
            assertThat(judged.path("reason").asText()).isEqualTo("HOST");
            assertThat(judged.path("points").asInt()).isEqualTo(10);
            screen.await("closed", 0, n -> q.equals(n.path("questionId").asText()));
            assertThat(screen.ofType("judged")).hasSize(1);
        }
    }

    @Test
    void aStoredAnswerWhoseJudgementWasNotStoredIsJudgedAfterARestart() {
        clock.freeze();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "断在判分前");
        body.put("confirmRelated", true);
        body.put("teams", List.of(Map.of("name", "甲", "members", List.of("J")), Map.of("name", "乙", "members", List.of("Y"))));
        body.put("rounds", List.of(round("mandatory", singles(19, 2), Map.of())));
        long id = LiveApi.create(admin().contentType(ContentType.JSON), body);
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        String code = LiveApi.openLobby(admin(), id);
        LiveApi.Joined j = join(code, "J", null);
        try (WsClient pj = WsClient.play(base, id, j.token())) {
            act(id, "start", null);
            act(id, "next", null);
            String q = pj.await("turn").path("questionId").asText();
            pj.answer(q, option(qs, 0, true), "r");
            pj.await("judged");
        }
        // the rows as a crash between the answer's commit and the judgement's would have left them
        List<io.jingda.live.team.RoundEvent> events = new ArrayList<>(store.events(id));
        assertThat(events.get(events.size() - 1).kind()).isEqualTo(io.jingda.live.team.RoundEvent.JUDGED);
        events.remove(events.size() - 1);
        Contest row = contests.openContests().stream().map(ContestService.Loaded::contest)
                .filter(c -> c.id == id).findFirst().orElseThrow();
        // and the question still open: it closes only once its judgement is stored
        row.phase = io.jingda.contest.QuestionPhase.OPEN;
        ContestRuntime rebuilt = registry.restore(row, contests.questions(id), store.participants(id),
                store.answers(id), store.rulings(id), events);
        List<io.jingda.live.team.RoundEvent> judged = rebuilt.judgeStoredTurn(clock.now());
        assertThat(judged).extracting(io.jingda.live.team.RoundEvent::detail).containsExactly("right:ANSWER");
        assertThat(judged.get(0).points()).isEqualTo(10);
        assertThat(rebuilt.teams().get(0).score()).isEqualTo(110);
        // with the judgement stored, there is nothing to repair
        ContestRuntime whole = registry.restore(row, contests.questions(id), store.participants(id),
                store.answers(id), store.rulings(id), store.events(id));
        assertThat(whole.judgeStoredTurn(clock.now())).isEmpty();
    }

    @Test
    void aSelfRunningPlanOfStandardRoundsMovesOnFromEachBanner() {
        clock.freeze();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "两轮自动");
        body.put("confirmRelated", true);
        body.put("autoAdvance", Map.of("revealSeconds", 2, "leaderboardSeconds", 2));
        body.put("rounds", List.of(round("standard", singles(15, 1), Map.of("title", "第一轮")),
                round("standard", singles(16, 1), Map.of("title", "第二轮"))));
        long id = LiveApi.create(admin().contentType(ContentType.JSON), body);
        String code = LiveApi.openLobby(admin(), id);
        try (WsClient screen = WsClient.screen(base, code)) {
            screen.await("state");
            act(id, "start", null);
            screen.await("round", 0, n -> n.path("index").asInt() == 0);
            clock.advance(2_000);
            JsonNode q = screen.await("question", 0, n -> n.path("index").asInt() == 0);
            clock.advance(q.path("timeLimitMs").asLong() + 300); // closes, reveals
            screen.await("reveal");
            clock.advance(2_000); // leaderboard
            screen.await("leaderboard");
            clock.advance(2_000); // the next round's banner
            screen.await("round", 0, n -> n.path("index").asInt() == 1);
            clock.advance(2_000);
            screen.await("question", 0, n -> n.path("index").asInt() == 1);
        }
    }

    static int indexOf(WsClient c, String type, String questionId) {
        List<JsonNode> all = c.all();
        for (int i = 0; i < all.size(); i++) {
            if (type.equals(all.get(i).path("type").asText()) && questionId.equals(all.get(i).path("questionId").asText())) {
                return i;
            }
        }
        return -1;
    }

    /** Team scores from the stored rows alone: base, round events, team rulings, and members' own points. */
    Map<Integer, Long> recomputed(long contestId) throws Exception {
        Map<Integer, Long> scores = new HashMap<>(Map.of(1, 100L, 2, 100L, 3, 100L, 4, 100L));
        try (Connection c = ds.getConnection()) {
            sum(c, "SELECT team_id, SUM(points) FROM round_event WHERE contest_id = ? AND team_id IS NOT NULL "
                    + "AND kind IN ('judged', 'falsestart') GROUP BY team_id", contestId, scores);
            sum(c, "SELECT team_id, SUM(points) FROM contest_ruling WHERE contest_id = ? AND team_id IS NOT NULL "
                    + "GROUP BY team_id", contestId, scores);
            sum(c, "SELECT p.team_id, SUM(r.points) FROM contest_ruling r JOIN participant p ON p.contest_id = "
                    + "r.contest_id AND p.id = r.participant_id WHERE r.contest_id = ? GROUP BY p.team_id", contestId, scores);
            sum(c, "SELECT p.team_id, SUM(a.points) FROM answer a JOIN participant p ON p.contest_id = a.contest_id "
                    + "AND p.id = a.participant_id WHERE a.contest_id = ? GROUP BY p.team_id", contestId, scores);
        }
        return scores;
    }

    private static void sum(Connection c, String sql, long contestId, Map<Integer, Long> into) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.merge(rs.getInt(1), rs.getLong(2), Long::sum);
                }
            }
        }
    }
}
