package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestService;
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

import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.TeamRoundsTest.act;
import static io.jingda.live.TeamRoundsTest.allowed;
import static io.jingda.live.TeamRoundsTest.buzz;
import static io.jingda.live.TeamRoundsTest.join;
import static io.jingda.live.TeamRoundsTest.round;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a poll is allowed in every round. In a team round it is a crowd question: no turn, no buzz, no
 * judgement; every member of every team votes, the host closes and reveals it as in a standard round, the reveal
 * shows the votes, nobody (person or team) gets points, and the team rotation goes on as if it were not there.
 * Played over sockets by two teams of two through a mandatory round (scored, poll, scored) and a buzzer round
 * (poll, scored), with a rebuild from the stored rows while a poll is open.
 */
@QuarkusTest
class TeamPollContestTest {
    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;
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

    private static String question(Map<String, Object> body) {
        int set = admin().body(Map.of("id", "team-polls", "title", "队赛投票")).post("/api/question-sets").statusCode();
        assertThat(set).isIn(201, 409);
        Map<String, Object> b = new HashMap<>(body);
        b.put("set", "team-polls");
        return admin().body(b).post("/api/questions").then().statusCode(201).extract().path("id");
    }

    private static String single(String stem) {
        return question(Map.of("type", "single", "stem", stem, "options", List.of("对的", "错的"), "answer", "对的"));
    }

    private static String poll(String stem) {
        return question(Map.of("type", "poll", "stem", stem, "options", List.of("是", "否")));
    }

    /** The id of the option with this text in a question frame. */
    private static String option(JsonNode question, String text) {
        for (JsonNode o : question.path("options")) {
            if (text.equals(o.path("text").asText())) {
                return o.path("id").asText();
            }
        }
        throw new AssertionError("no option '" + text + "' in " + question);
    }

    private static boolean acked(WsClient c, String requestId) {
        return c.await("ack", 0, n -> requestId.equals(n.path("requestId").asText())).path("accepted").asBoolean();
    }

    @Test
    void everyMemberVotesOnAPollInAMandatoryAndABuzzerRoundAndItScoresNothingAndTakesNoTurn() {
        clock.freeze();
        long stamp = System.nanoTime();
        String s0 = single("必答一 " + stamp);
        String p0 = poll("必答间的投票 " + stamp);
        String s1 = single("必答二 " + stamp);
        String p1 = poll("抢答前的投票 " + stamp);
        String s2 = single("抢答一 " + stamp);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "投票队赛");
        body.put("confirmRelated", true);
        body.put("teamSize", 2);
        body.put("teams", List.of(Map.of("name", "红队", "members", List.of("R1", "R2")),
                Map.of("name", "蓝队", "members", List.of("B1", "B2"))));
        body.put("rounds", List.of(round("mandatory", List.of(s0, p0, s1), Map.of()),
                round("buzzer", List.of(p1, s2), Map.of())));
        var created = admin().contentType(ContentType.JSON).body(body).post("/api/contests").then().statusCode(201)
                .extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getList("warnings")).as("2 scored questions for 2 teams: equal turns").isNullOrEmpty();
        String code = LiveApi.openLobby(admin(), id);
        LiveApi.Joined r1 = join(code, "R1", null);
        LiveApi.Joined r2 = join(code, "R2", null);
        LiveApi.Joined b1 = join(code, "B1", null);
        LiveApi.Joined b2 = join(code, "B2", null);
        try (WsClient pr1 = WsClient.play(base, id, r1.token());
             WsClient pr2 = WsClient.play(base, id, r2.token());
             WsClient pb1 = WsClient.play(base, id, b1.token());
             WsClient pb2 = WsClient.play(base, id, b2.token());
             WsClient screen = WsClient.screen(base, code);
             WsClient host = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
            List<WsClient> phones = List.of(pr1, pr2, pb1, pb2);
            phones.forEach(p -> p.await("state"));
            screen.await("state");
            host.await("state");

            // ---- mandatory: question 0 is red's turn
            act(id, "start", null);
            act(id, "next", null);
            JsonNode q0 = pr1.await("question", 0, n -> n.path("index").asInt() == 0);
            JsonNode turn0 = screen.await("turn", 0, n -> q0.path("questionId").equals(n.path("questionId")));
            assertThat(turn0.path("teamId").asInt()).isEqualTo(1);
            pr1.answer(q0.path("questionId").asText(), option(q0, "对的"), "r1-0");
            screen.await("closed", 0, n -> q0.path("questionId").equals(n.path("questionId")));
            act(id, "reveal", null);

            // ---- the poll between two turns: everyone votes, the host closes it
            int mark = screen.mark();
            JsonNode dto = act(id, "next", null);
            assertThat(allowed(dto)).contains("close", "reveal").doesNotContain("go", "judge", "skip");
            JsonNode q1 = pb1.await("question", 0, n -> n.path("index").asInt() == 1);
            String qid1 = q1.path("questionId").asText();
            assertThat(q1.path("questionType").asText()).isEqualTo("poll");
            try (WsClient late = WsClient.screen(base, code)) {
                JsonNode state = late.await("state").path("play");
                assertThat(state.path("round").path("kind").asText()).isEqualTo("mandatory");
                assertThat(state.path("step").isMissingNode() || state.path("step").isNull()).as("no turn: %s", state).isTrue();
                assertThat(state.path("turn").isMissingNode() || state.path("turn").isNull()).isTrue();
            }
            pr1.answer(qid1, option(q1, "是"), "r1-1");
            pr2.answer(qid1, option(q1, "是"), "r2-1");
            pb1.answer(qid1, option(q1, "否"), "b1-1");
            assertThat(acked(pr1, "r1-1") && acked(pr2, "r2-1") && acked(pb1, "b1-1")).isTrue();

            // a rebuild from the stored rows while the poll is open: no turn left over from question 0
            Contest row = contests.openContests().stream().map(ContestService.Loaded::contest)
                    .filter(c -> c.id == id).findFirst().orElseThrow();
            ContestRuntime rebuilt = registry.restore(row, contests.questions(id), store.participants(id),
                    store.answers(id), store.rulings(id), store.events(id));
            assertThat(rebuilt.allowedActions()).contains("close").doesNotContain("skip", "go");
            assertThat(rebuilt.stateFor(null, false, true, clock.now()).play().step()).isNull();
            ContestRuntime.Submission vote = rebuilt.submit(b2.participantId(), qid1, TextNode.valueOf(option(q1, "是")),
                    "rebuilt", clock.now(), 250);
            assertThat(vote).isInstanceOfSatisfying(ContestRuntime.Accepted.class, a -> assertThat(a.events()).isEmpty());
            assertThat(rebuilt.teams()).isEqualTo(registry.get(id).orElseThrow().teams());

            pb2.answer(qid1, option(q1, "是"), "b2-1");
            assertThat(acked(pb2, "b2-1")).as("every member of every team votes").isTrue();
            host.await("progress", 0, n -> qid1.equals(n.path("questionId").asText()) && n.path("answered").asInt() == 4);
            act(id, "close", null);
            act(id, "reveal", null);
            JsonNode reveal = pb2.await("reveal", 0, n -> qid1.equals(n.path("questionId").asText()));
            assertThat(reveal.has("correct")).isFalse();
            assertThat(reveal.path("answered").asInt()).isEqualTo(4);
            assertThat(reveal.path("distribution").path(option(q1, "是")).asInt()).isEqualTo(3);
            assertThat(reveal.path("distribution").path(option(q1, "否")).asInt()).isEqualTo(1);
            assertThat(reveal.path("you").path("points").asInt()).isZero();
            assertThat(reveal.path("you").has("correct")).isFalse();
            assertThat(screen.all().subList(mark, screen.all().size())).extracting(n -> n.path("type").asText())
                    .doesNotContain("turn", "judged", "buzzOpen");

            // ---- question 2: blue's turn (the poll took none)
            act(id, "next", null);
            JsonNode turn2 = screen.await("turn", mark, n -> true);
            assertThat(turn2.path("teamId").asInt()).isEqualTo(2);
            assertThat(turn2.path("participantId").asLong()).isEqualTo(b1.participantId());
            JsonNode q2 = pb1.await("question", 0, n -> n.path("index").asInt() == 2);
            pr2.answer(q2.path("questionId").asText(), option(q2, "对的"), "r2-2");
            assertThat(pr2.await("ack", 0, n -> "r2-2".equals(n.path("requestId").asText())).path("reason").asText())
                    .isEqualTo("NOT_YOUR_TURN");
            pb1.answer(q2.path("questionId").asText(), option(q2, "对的"), "b1-2");
            assertThat(screen.await("judged", 0, n -> q2.path("questionId").equals(n.path("questionId")))
                    .path("points").asInt()).isEqualTo(10);
            screen.await("closed", 0, n -> q2.path("questionId").equals(n.path("questionId")));
            act(id, "reveal", null);
            act(id, "leaderboard", null);
            JsonNode board = screen.await("leaderboard", 0, n -> q2.path("questionId").equals(n.path("questionId")));
            assertThat(board.path("teams").findValuesAsText("score")).containsExactly("110", "110");

            // ---- buzzer: the poll opens no buzz; then question 4 is buzzed as usual
            act(id, "next", null);
            screen.await("round", 0, n -> n.path("index").asInt() == 1);
            mark = screen.mark();
            act(id, "next", null);
            JsonNode q3 = pr1.await("question", 0, n -> n.path("index").asInt() == 3);
            String qid3 = q3.path("questionId").asText();
            buzz(pr1, qid3);
            assertThat(pr1.await("buzzRefused", 0, n -> true).path("reason").asText()).isEqualTo("NOT_OPEN");
            clock.advance(3_500); // past the reading time: still no buzz, only votes
            for (WsClient p : phones) {
                p.answer(qid3, option(q3, "否"), "v3-" + phones.indexOf(p));
            }
            for (WsClient p : phones) {
                assertThat(acked(p, "v3-" + phones.indexOf(p))).isTrue();
            }
            act(id, "close", null);
            act(id, "reveal", null);
            assertThat(screen.await("reveal", 0, n -> qid3.equals(n.path("questionId").asText()))
                    .path("distribution").path(option(q3, "否")).asInt()).isEqualTo(4);
            assertThat(screen.all().subList(mark, screen.all().size())).extracting(n -> n.path("type").asText())
                    .doesNotContain("buzzOpen", "falseStart", "turn", "judged");
            act(id, "next", null);
            JsonNode q4 = pb2.await("question", 0, n -> n.path("index").asInt() == 4);
            String qid4 = q4.path("questionId").asText();
            clock.advance(3_000);
            screen.await("buzzOpen", 0, n -> qid4.equals(n.path("questionId").asText()));
            buzz(pb2, qid4);
            pb2.await("turn", 0, n -> qid4.equals(n.path("questionId").asText()));
            pb2.answer(qid4, option(q4, "对的"), "b2-4");
            screen.await("closed", 0, n -> qid4.equals(n.path("questionId").asText()));
            act(id, "reveal", null);
            act(id, "next", null);
            screen.await("finished");
        }

        JsonPath results = admin().get("/api/contests/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(results.getList("teams.id", Integer.class)).containsExactly(2, 1);
        assertThat(results.getList("teams.roundPoints", Long.class)).containsExactly(20L, 10L);
        assertThat(results.getList("teams.score", Long.class)).containsExactly(120L, 110L);
        assertThat(results.getList("standings.score", Long.class)).as("the person gets nothing in team rounds, nor for a vote")
                .containsOnly(0L);
        assertThat(results.getString("questions[1].type")).isEqualTo("poll");
        assertThat((Object) results.get("questions[1].correctPercent")).isNull();
        assertThat(results.getInt("questions[1].answered")).isEqualTo(4);
        assertThat((Object) results.get("questions[3].correctPercent")).isNull();
        assertThat(results.getInt("questions[3].answered")).isEqualTo(4);
    }
}
