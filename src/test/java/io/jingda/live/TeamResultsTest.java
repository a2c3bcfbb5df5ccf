package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.admin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results of a team contest ({@code GET /api/contests/{id}/results}, CSV, XLSX): team standings computed
 * from the stored rows equal the ones the engine pushed at the end, with their parts (base, round points,
 * rulings, members' average); standings carry each participant's team and their rulings; the rulings are
 * listed. (In this package to play the contest with {@link TeamRoundsTest}'s helpers.)
 */
@QuarkusTest
class TeamResultsTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    static Map<String, Object> plan() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "两队赛");
        body.put("confirmRelated", true);
        body.put("teamSize", 2);
        body.put("teamScoring", "average");
        body.put("scoring", Map.of("mode", "accuracy"));
        body.put("teams", List.of(
                Map.of("name", "红队", "color", "#d32f2f", "members", List.of("A1", "A2")),
                Map.of("name", "蓝队", "members", List.of("B1"))));
        body.put("rounds", List.of(
                TeamRoundsTest.round("mandatory", TeamRoundsTest.singles(20, 2), Map.of("title", "必答题")),
                TeamRoundsTest.round("standard", TeamRoundsTest.singles(22, 1), Map.of("title", "观众题"))));
        return body;
    }

    static void rule(long id, Map<String, Object> ruling) {
        admin().contentType(ContentType.JSON).body(ruling).post("/api/contests/" + id + "/rulings").then()
                .statusCode(201);
    }

    @Test
    void teamStandingsFromTheStoredRowsEqualThePushedOnesAndListTheirParts() throws Exception {
        clock.freeze();
        long id = LiveApi.create(admin(), plan());
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        String code = LiveApi.openLobby(admin(), id);
        LiveApi.Joined a1 = TeamRoundsTest.join(code, "A1", null);
        LiveApi.Joined a2 = TeamRoundsTest.join(code, "A2", null);
        LiveApi.Joined b1 = TeamRoundsTest.join(code, "B1", null);
        LiveApi.Joined x = TeamRoundsTest.join(code, "X", null); // in no team: standard rounds only
        JsonNode finished;
        try (WsClient pa1 = WsClient.play(base, id, a1.token());
             WsClient pa2 = WsClient.play(base, id, a2.token());
             WsClient pb1 = WsClient.play(base, id, b1.token());
             WsClient px = WsClient.play(base, id, x.token());
             WsClient screen = WsClient.screen(base, code)) {
            pa1.await("state");
            pa2.await("state");
            pb1.await("state");
            px.await("state");
            screen.await("state");

            // mandatory: team 1 right (+10), team 2 wrong (0)
            TeamRoundsTest.act(id, "start", null);
            TeamRoundsTest.act(id, "next", null);
            String q0 = screen.await("turn", 0, n -> n.path("teamId").asInt() == 1).path("questionId").asText();
            pa1.answer(q0, TeamRoundsTest.option(qs, 0, true), "r0");
            screen.await("closed", 0, n -> q0.equals(n.path("questionId").asText()));
            TeamRoundsTest.act(id, "reveal", null);
            TeamRoundsTest.act(id, "next", null);
            String q1 = screen.await("turn", 0, n -> n.path("teamId").asInt() == 2).path("questionId").asText();
            pb1.answer(q1, TeamRoundsTest.option(qs, 1, false), "r1");
            screen.await("closed", 0, n -> q1.equals(n.path("questionId").asText()));
            TeamRoundsTest.act(id, "reveal", null);

            // standard: everyone answers; A2 is wrong
            TeamRoundsTest.act(id, "next", null);
            screen.await("round", 0, n -> n.path("index").asInt() == 1);
            TeamRoundsTest.act(id, "next", null);
            String q2 = screen.await("question", 0, n -> n.path("index").asInt() == 2).path("questionId").asText();
            pa1.answer(q2, TeamRoundsTest.option(qs, 2, true), "s1");
            pa2.answer(q2, TeamRoundsTest.option(qs, 2, false), "s2");
            pb1.answer(q2, TeamRoundsTest.option(qs, 2, true), "s3");
            px.answer(q2, TeamRoundsTest.option(qs, 2, true), "s4");
            for (var c : List.of(pa1, pa2, pb1, px)) {
                c.await("ack", 0, n -> n.path("requestId").asText().startsWith("s"));
            }
            TeamRoundsTest.act(id, "reveal", null);

            // rulings: on a team, on a participant, and one undone
            rule(id, Map.of("teamId", 2, "points", 5, "reason", "风度奖"));
            rule(id, Map.of("participantId", a2.participantId(), "points", 3, "reason", "=补分"));
            rule(id, Map.of("teamId", 1, "points", -2, "reason", "违规"));
            rule(id, Map.of("undoes", 3));
            TeamRoundsTest.act(id, "next", null); // after the last question: finished
            finished = screen.await("finished");
        }

        int p = qs.get(2).points();
        JsonNode r = WsClient.parse(admin().get("/api/contests/" + id + "/results").then().statusCode(200)
                .extract().asString());
        Map<Integer, Long> pushed = new HashMap<>();
        finished.path("teams").forEach(t -> pushed.put(t.path("id").asInt(), t.path("score").asLong()));
        Map<Integer, Long> computed = new HashMap<>();
        r.path("teams").forEach(t -> computed.put(t.path("id").asInt(), t.path("score").asLong()));
        assertThat(computed).isEqualTo(pushed);

        JsonNode red = team(r, 1);
        assertThat(red.path("name").asText()).isEqualTo("红队");
        assertThat(red.path("color").asText()).isEqualTo("#d32f2f");
        assertThat(red.path("baseScore").asLong()).isEqualTo(100);
        assertThat(red.path("roundPoints").asLong()).isEqualTo(10);
        assertThat(red.path("rulings").asLong()).isZero(); // −2, then its undo
        assertThat(red.path("memberPoints").asLong()).isEqualTo(Math.round((p + 3) / 2.0)); // average of p and 0 + 3
        assertThat(red.path("score").asLong()).isEqualTo(110 + Math.round((p + 3) / 2.0));
        JsonNode blue = team(r, 2);
        assertThat(blue.path("roundPoints").asLong()).isZero();
        assertThat(blue.path("rulings").asLong()).isEqualTo(5);
        assertThat(blue.path("memberPoints").asLong()).isEqualTo(p);
        assertThat(blue.path("score").asLong()).isEqualTo(105 + p);
        assertThat(r.path("teams").get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(r.path("teams").get(1).path("rank").asInt()).isEqualTo(2);

        Map<Long, JsonNode> standings = new HashMap<>();
        r.path("standings").forEach(s -> standings.put(s.path("participantId").asLong(), s));
        assertThat(standings.get(a2.participantId()).path("score").asLong()).isEqualTo(3); // 0 + a ruling
        assertThat(standings.get(a2.participantId()).path("teamId").asInt()).isEqualTo(1);
        assertThat(standings.get(b1.participantId()).path("teamId").asInt()).isEqualTo(2);
        assertThat(standings.get(a1.participantId()).path("score").asLong()).isEqualTo(p); // team rounds: 0 for the person
        assertThat(standings.get(x.participantId()).has("teamId")).isTrue();
        assertThat(standings.get(x.participantId()).path("teamId").isNull()).isTrue();

        JsonNode rulings = r.path("rulings");
        assertThat(rulings).hasSize(4);
        assertThat(rulings.get(3).path("undoes").asLong()).isEqualTo(3);
        assertThat(rulings.get(3).path("points").asInt()).isEqualTo(2);
        assertThat(rulings.get(1).path("participantId").asLong()).isEqualTo(a2.participantId());
        assertThat(rulings.get(0).path("by").asText()).isEqualTo(LiveApi.ADMIN);

        String csv = new String(admin().queryParam("format", "csv").get("/api/contests/" + id + "/results").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFRank,Team,Colour,Score,Base score,Round points,Rulings,Member points,Members\r\n")
                .contains("\r\n" + (blue.path("rank").asInt()) + ",蓝队,\"#1976d2\"," + (105 + p) + ",100,0,5," + p + ",B1\r\n")
                .contains("Rank,Nickname,Score,Correct answers,Time on correct answers (ms),Team\r\n")
                .contains(",A2,3,0,0,红队\r\n")
                .contains("No.,Team,Participant,Points,Reason,Undoes,By,At (UTC)\r\n")
                .contains("1,蓝队,,5,风度奖,,admin,")
                .contains("2,,A2,3,'=补分,,admin,") // the formula guard
                .contains("4,红队,,2,undo of #3,3,admin,");
        admin().queryParam("format", "xlsx").get("/api/contests/" + id + "/results").then().statusCode(200);

        // a contest without teams: no team table, and no rulings
        long plain = LiveApi.create(admin(), LiveApi.contestBody(LiveApi.oneOfEachType()));
        JsonNode none = WsClient.parse(admin().get("/api/contests/" + plain + "/results").then().statusCode(200)
                .extract().asString());
        assertThat(none.has("teams")).isFalse();
        assertThat(none.path("rulings")).isEmpty();
        assertThat(new String(admin().queryParam("format", "csv").get("/api/contests/" + plain + "/results").then()
                .extract().asByteArray(), StandardCharsets.UTF_8)).doesNotContain("Team", "Rulings");
    }

    private static JsonNode team(JsonNode results, int id) {
        for (JsonNode t : results.path("teams")) {
            if (t.path("id").asInt() == id) {
                return t;
            }
        }
        throw new AssertionError("no team " + id + " in " + results);
    }
}
