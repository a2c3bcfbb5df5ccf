package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.jingda.live.LiveApi.join;
import static io.jingda.live.LiveApi.openLobby;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Issue 19, points per question: a practice question (x0) and a double one (x2) in a live contest, scored,
 * announced before they open and kept in the results; a team round's multiplier; the definition's limits
 * (a bad multiplier is a 400 VALIDATION_FAILED naming its field, as every definition error is).
 */
@QuarkusTest
class PointsPerQuestionTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    private static Map<String, Object> body(List<String> ids, Map<String, Object> multipliers) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "加倍题");
        body.put("questionIds", ids);
        body.put("confirmRelated", true);
        body.put("scoring", Map.of("mode", "accuracy", "streakBonus", true));
        if (multipliers != null) {
            body.put("multipliers", multipliers);
        }
        return body;
    }

    @Test
    void aPracticeQuestionEarnsNothingAndADoubleOneTwiceItsPoints() {
        clock.freeze();
        List<String> ids = TeamRoundsTest.singles(40, 3);
        long id = create(admin(), body(ids, Map.of("0", 0, "2", 2)));
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        admin().get("/api/contests/" + id).then().body("questions.multiplier", equalTo(List.of(0.0f, 1.0f, 2.0f)));
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "甲");
        LiveApi.Joined b = join(code, "乙");
        try (WsClient pa = WsClient.play(base, id, a.token());
             WsClient pb = WsClient.play(base, id, b.token());
             WsClient screen = WsClient.screen(base, code)) {
            // before the first question opens: the lobby's state tells what comes
            JsonNode lobby = screen.await("state");
            assertThat(lobby.at("/next/index").asInt()).isZero();
            assertThat(lobby.at("/next/multiplier").asDouble()).isZero();
            assertThat(lobby.at("/next/points").asInt()).isEqualTo(qs.get(0).points());
            act(admin(), id, "start").statusCode(200);
            long expectedA = 0;
            double[] multiplier = {0, 1, 2};
            for (int i = 0; i < 3; i++) {
                LiveContestTest.Q q = qs.get(i);
                JsonNode question = pa.await("question", 0, n -> n.path("questionId").asText().equals(q.id()));
                assertThat(question.path("multiplier").asDouble()).isEqualTo(multiplier[i]);
                assertThat(question.path("points").asInt()).isEqualTo(q.points());
                assertThat(screen.await("question", 0, n -> n.path("questionId").asText().equals(q.id()))
                        .path("multiplier").asDouble()).isEqualTo(multiplier[i]);
                clock.advance(1000);
                String ra0 = "a" + i;
                String rb0 = "b" + i;
                pa.answer(q.id(), TeamRoundsTest.option(qs, i, true), ra0);
                pb.answer(q.id(), TeamRoundsTest.option(qs, i, i != 1), rb0);
                assertThat(pa.await("ack", 0, n -> ra0.equals(n.path("requestId").asText()))
                        .path("accepted").asBoolean()).isTrue();
                assertThat(pb.await("ack", 0, n -> rb0.equals(n.path("requestId").asText()))
                        .path("accepted").asBoolean()).isTrue();
                act(admin(), id, "close").statusCode(200);
                act(admin(), id, "reveal").statusCode(200);
                // accuracy mode, streak bonus on: +100 per correct answer in a row after the first; the practice
                // question counts for the streak, and the bonus is multiplied with the points
                long bonus = 100L * i;
                long own = Math.round((q.points() + bonus) * multiplier[i]);
                expectedA += own;
                JsonNode ra = pa.await("reveal", 0, n -> n.path("questionId").asText().equals(q.id()));
                assertThat(ra.at("/you/correct").asBoolean()).isTrue();
                assertThat(ra.at("/you/points").asLong()).as("question %d", i).isEqualTo(own);
                assertThat(ra.at("/you/score").asLong()).isEqualTo(expectedA);
                JsonNode sr = screen.await("reveal", 0, n -> n.path("questionId").asText().equals(q.id()));
                if (i < 2) {
                    assertThat(sr.at("/next/index").asInt()).isEqualTo(i + 1);
                    assertThat(sr.at("/next/multiplier").asDouble()).isEqualTo(multiplier[i + 1]);
                } else {
                    assertThat(sr.has("next")).isFalse();
                }
                act(admin(), id, "leaderboard").statusCode(200);
                JsonNode lb = screen.await("leaderboard", 0, n -> n.path("questionId").asText().equals(q.id()));
                assertThat(lb.has("next")).isEqualTo(i < 2);
                act(admin(), id, "next").statusCode(200);
            }
            pa.await("finished");
            // 乙: right on the practice question (nothing), wrong on 1, right on the double one (no streak)
            long expectedB = Math.round(qs.get(2).points() * 2.0);
            JsonPath r = admin().get("/api/contests/" + id + "/results").then().statusCode(200).extract().jsonPath();
            assertThat(r.getLong("standings[0].score")).isEqualTo(expectedA);
            assertThat(r.getLong("standings[1].score")).isEqualTo(expectedB);
            // the practice question is not in a participant's accuracy nor in the tie-break time
            assertThat(r.getInt("standings[0].correct")).isEqualTo(2);
            assertThat(r.getLong("standings[0].correctTimeMs")).isEqualTo(2000);
            assertThat(r.getInt("standings[1].correct")).isEqualTo(1);
            // ... but in its own statistics
            assertThat(r.getDouble("questions[0].correctPercent")).isEqualTo(100.0);
            assertThat(r.getDouble("questions[0].multiplier")).isZero();
            assertThat(r.getDouble("questions[2].multiplier")).isEqualTo(2.0);
            String csv = admin().queryParam("format", "csv").get("/api/contests/" + id + "/results").then()
                    .statusCode(200).extract().asString();
            assertThat(csv).contains("No.,Question,Type,Points,Multiplier,");
            assertThat(csv).contains(",single," + qs.get(0).points() + ",0,2,");
            assertThat(csv).contains(",single," + qs.get(2).points() + ",2,2,");
        }
    }

    @Test
    void aTeamRoundsMultiplierScalesItsPointsAndAQuestionsOwnOverridesIt() {
        clock.freeze();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "必答加倍");
        body.put("confirmRelated", true);
        body.put("teams", List.of(Map.of("name", "甲", "members", List.of("J")), Map.of("name", "乙", "members", List.of("Y"))));
        body.put("rounds", List.of(TeamRoundsTest.round("mandatory", TeamRoundsTest.singles(44, 2),
                Map.of("multiplier", 2, "wrongPoints", 5))));
        body.put("multipliers", Map.of("0", 0));
        long id = create(admin(), body);
        admin().get("/api/contests/" + id).then().body("settings.rounds[0].multiplier", equalTo(2.0f))
                .body("questions.multiplier", equalTo(List.of(0.0f, 2.0f)));
        List<LiveContestTest.Q> qs = LiveContestTest.hostView(id);
        String code = openLobby(admin(), id);
        LiveApi.Joined j = TeamRoundsTest.join(code, "J", null);
        LiveApi.Joined y = TeamRoundsTest.join(code, "Y", null);
        try (WsClient pj = WsClient.play(base, id, j.token());
             WsClient py = WsClient.play(base, id, y.token());
             WsClient screen = WsClient.screen(base, code)) {
            screen.await("state");
            TeamRoundsTest.act(id, "start", null);
            JsonNode round = screen.await("round");
            assertThat(round.path("multiplier").asDouble()).isEqualTo(2.0);
            // the round's banner is up: the state of a late screen says so too, and names the next question
            try (WsClient late = WsClient.screen(base, code)) {
                JsonNode st = late.await("state");
                assertThat(st.at("/play/round/multiplier").asDouble()).isEqualTo(2.0);
                assertThat(st.at("/next/multiplier").asDouble()).isZero();
            }
            TeamRoundsTest.act(id, "next", null);
            String q0 = pj.await("turn").path("questionId").asText();
            pj.answer(q0, TeamRoundsTest.option(qs, 0, true), "j0");
            assertThat(screen.await("judged", 0, n -> q0.equals(n.path("questionId").asText())).path("points")
                    .asInt()).isZero();
            screen.await("closed", 0, n -> q0.equals(n.path("questionId").asText()));
            TeamRoundsTest.act(id, "reveal", null);
            TeamRoundsTest.act(id, "next", null);
            String q1 = py.await("turn", 0, n -> !q0.equals(n.path("questionId").asText())).path("questionId").asText();
            py.answer(q1, TeamRoundsTest.option(qs, 1, false), "y1");
            // a wrong answer's penalty is multiplied as well: 5 × 2
            assertThat(screen.await("judged", 0, n -> q1.equals(n.path("questionId").asText())).path("points")
                    .asInt()).isEqualTo(-10);
        }
    }

    @Test
    void aMultiplierOutOfRangeOrWhereNoneIsTakenIsRefusedNamingTheField() {
        List<String> ids = TeamRoundsTest.singles(40, 2);
        admin().body(body(ids, Map.of("0", 11))).post("/api/contests").then().statusCode(400)
                .body("errors.field", hasItem("multipliers.0"));
        admin().body(body(ids, Map.of("1", -0.5, "2", 2, "x", 1))).post("/api/contests").then().statusCode(400)
                .body("errors.field", hasItems("multipliers.1", "multipliers.2", "multipliers.x"));
        admin().body(body(ids, Map.of("0", 1.125))).post("/api/contests").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("2 decimals"));
        Map<String, Object> rounds = new HashMap<>();
        rounds.put("title", "风险题");
        rounds.put("confirmRelated", true);
        rounds.put("teams", List.of(Map.of("name", "甲"), Map.of("name", "乙")));
        rounds.put("rounds", List.of(TeamRoundsTest.round("standard", List.of(ids.get(0)), Map.of("multiplier", 20)),
                TeamRoundsTest.round("wager", List.of(ids.get(1)), Map.of("multiplier", 2))));
        rounds.put("multipliers", Map.of("1", 3));
        admin().body(rounds).post("/api/contests").then().statusCode(400)
                .body("errors.field", hasItems("rounds[0].multiplier", "rounds[1].multiplier", "multipliers.1"));
        Map<String, Object> online = body(ids, Map.of("0", 2));
        online.put("mode", "self-paced");
        online.put("opensAt", "2026-01-01T00:00:00Z");
        online.put("closesAt", "2026-01-02T00:00:00Z");
        admin().body(online).post("/api/contests").then().statusCode(400).body("errors.field", hasItem("multipliers"));
    }

    @Test
    void aPlanKeepsTheMultipliers() {
        List<String> ids = TeamRoundsTest.singles(40, 3);
        long id = create(admin(), body(ids, Map.of("1", 0.5)));
        String yaml = admin().accept("application/yaml").get("/api/contests/" + id + "/plan").then().statusCode(200)
                .extract().asString();
        assertThat(yaml).contains("multipliers:");
        String loaded = admin().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/contests/plan").then()
                .statusCode(201).extract().asString();
        assertThat(WsClient.parse(loaded).path("questions").findValuesAsText("multiplier"))
                .containsExactly("1.0", "0.5", "1.0");
        String bad = yaml.replace("multipliers:\n  \"1\": 0.5", "multipliers:\n  \"1\": 12");
        assertThat(bad).isNotEqualTo(yaml);
        admin().contentType("application/yaml").body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/contests/plan").then().statusCode(400)
                .body("errors[0].field", equalTo("multipliers.1"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("(line "));
    }
}
