package io.jingda.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames of team contests in rounds (issue 16) through the one reducer of live frames (static/live.js):
 * rounds, a false start, the buzz, the winner's turn, the judgement, the stakes, a ruling, a reconnect mid-buzz.
 */
@QuarkusTest
class TeamLiveModelBrowserTest {
    static final long FAR = 4_000_000_000_000L;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> run(Browser b, List<Map<String, Object>> frames) {
        Object out = b.driver.executeAsyncScript(LiveModelBrowserTest.RUN, frames);
        assertThat(out).isInstanceOf(List.class);
        return (List<Map<String, Object>>) out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> step) {
        return (Map<String, Object>) step.get("model");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> step, String name) {
        return (Map<String, Object>) model(step).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> step, String name) {
        return (List<Map<String, Object>>) model(step).get(name);
    }

    /** A frame with more fields than Map.of takes. */
    private static Map<String, Object> frame(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> team(long id, String name, long score) {
        return Map.of("id", id, "name", name, "color", "#d32f2f", "score", score);
    }

    private static Map<String, Object> ranked(long rank, long id, String name, long score) {
        return Map.of("rank", rank, "id", id, "name", name, "color", "#1976d2", "score", score);
    }

    @Test
    void aPollInABuzzerRoundHasNoStepAndItsRevealLeavesItEmpty() {
        List<Map<String, Object>> two = List.of(team(1, "一队", 100), team(2, "二队", 100));
        List<Map<String, Object>> frames = List.of(
                Map.of("type", "state", "title", "团体赛", "status", "LOBBY", "participants", 2, "teams", two),
                Map.of("type", "round", "index", 0, "kind", "buzzer", "title", "抢答题", "total", 2, "first", 0, "teams", two),
                Map.of("type", "question", "questionId", "p1", "index", 0, "total", 2, "questionType", "poll",
                        "stem", "?", "timeLimitMs", 20000, "deadline", FAR),
                Map.of("type", "reveal", "questionId", "p1", "questionType", "poll", "answered", 2,
                        "distribution", Map.of("a", 2, "b", 0)),
                Map.of("type", "question", "questionId", "q2", "index", 1, "total", 2, "questionType", "single",
                        "stem", "?", "timeLimitMs", 20000, "deadline", FAR));
        try (Browser b = Browser.start(base.toString())) {
            b.open("/login");
            List<Map<String, Object>> s = run(b, frames);
            // a poll is the crowd's: no reading, no buzz, no turn
            assertThat(model(s.get(2))).containsEntry("stage", "question").containsEntry("step", null);
            assertThat(field(s.get(2), "round")).containsEntry("kind", "buzzer");
            assertThat(model(s.get(3))).containsEntry("stage", "reveal").containsEntry("step", null);
            // the next, scored question of the round is read before the buzz opens, as usual
            assertThat(model(s.get(4))).containsEntry("step", "reading");
        }
    }

    @Test
    void aBuzzerRoundAWagerRoundARulingAndAReconnect() {
        List<Map<String, Object>> two = List.of(team(1, "一队", 100), team(2, "二队", 100));
        Map<String, Object> q1 = Map.of("type", "question", "questionId", "q1", "index", 0, "total", 3,
                "questionType", "single", "stem", "?", "timeLimitMs", 20000, "deadline", FAR);
        Map<String, Object> winner = Map.of("teamId", 2, "participantId", 7, "nickname", "小明", "reactionMs", 120);
        List<Map<String, Object>> frames = List.of(
                Map.of("type", "state", "title", "团体赛", "status", "LOBBY", "participants", 4, "teams", two,
                        "you", Map.of("participantId", 7, "nickname", "小明", "teamId", 2)),
                Map.of("type", "round", "index", 0, "kind", "buzzer", "title", "抢答题", "total", 2, "first", 0, "teams", two),
                q1,
                Map.of("type", "falseStart", "questionId", "q1", "teamId", 1, "participantId", 3, "nickname", "张三", "points", -10),
                Map.of("type", "buzzOpen", "questionId", "q1", "openedAt", FAR - 10_000, "deadline", FAR, "rebound", false,
                        "lockedOut", List.of(1)),
                Map.of("type", "buzzRefused", "questionId", "q1", "reason", "LOCKED_OUT"),
                Map.of("type", "buzzWinner", "questionId", "q1", "teamId", 2, "participantId", 7, "nickname", "小明",
                        "reactionMs", 120),
                Map.of("type", "turn", "questionId", "q1", "teamId", 2, "participantId", 7, "nickname", "小明",
                        "deadline", FAR + 500),
                Map.of("type", "ack", "questionId", "q1", "requestId", "r", "accepted", true),
                Map.of("type", "judged", "questionId", "q1", "teamId", 2, "participantId", 7, "correct", true, "points", 10,
                        "reason", "ANSWER"),
                Map.of("type", "reveal", "questionId", "q1", "correct", List.of("x"), "answered", 1,
                        "teams", List.of(ranked(1, 2, "二队", 110), ranked(2, 1, "一队", 90))),
                Map.of("type", "round", "index", 1, "kind", "wager", "title", "风险题", "total", 1, "first", 2,
                        "teams", List.of(team(1, "一队", 90), team(2, "二队", 110))),
                Map.of("type", "wagerOpen", "roundIndex", 1, "stakes", List.of(10, 20, 30), "deadline", FAR),
                Map.of("type", "ack", "requestId", "w", "accepted", true),
                Map.of("type", "wagers", "roundIndex", 1, "complete", true, "picks", List.of(
                        Map.of("teamId", 1, "stake", 30, "auto", false), Map.of("teamId", 2, "stake", 10, "auto", true))),
                Map.of("type", "ruling", "id", 1, "teamId", 1, "points", -5, "reason", "提示",
                        "teams", List.of(ranked(1, 2, "二队", 110), ranked(2, 1, "一队", 85))),
                frame("type", "state", "title", "团体赛", "status", "RUNNING", "phase", "OPEN", "participants", 4,
                        "question", Map.of("questionId", "q3", "index", 2, "total", 3, "deadline", FAR),
                        "round", Map.of("index", 2, "kind", "tiebreak", "title", "加时赛", "total", 1, "first", 2),
                        "step", "answering",
                        "turn", Map.of("questionId", "q3", "teamId", 1, "participantId", 3, "nickname", "张三", "deadline", FAR),
                        "buzz", Map.of("openedAt", FAR - 5000, "deadline", FAR, "winner", Map.of("teamId", 1, "participantId", 3,
                                "nickname", "张三", "reactionMs", 80), "lockedOut", List.of(), "rebound", false),
                        "teams", List.of(ranked(1, 1, "一队", 110), ranked(1, 2, "二队", 110))),
                Map.of("type", "finished", "podium", List.of(), "participants", 4,
                        "teams", List.of(ranked(1, 1, "一队", 120), ranked(2, 2, "二队", 110))));
        try (Browser b = Browser.start(base.toString())) {
            b.open("/login");
            List<Map<String, Object>> s = run(b, frames);

            assertThat(field(s.get(0), "you")).containsEntry("teamId", 2L).containsEntry("participantId", 7L);
            // standings without ranks get them: equal scores share one
            assertThat(list(s.get(0), "teams")).extracting(t -> t.get("rank")).containsExactly(1L, 1L);

            assertThat(model(s.get(1))).containsEntry("stage", "round").containsEntry("phase", "ROUND");
            assertThat(field(s.get(1), "round")).containsEntry("kind", "buzzer").containsEntry("title", "抢答题")
                    .containsEntry("total", 2L);

            assertThat(model(s.get(2))).containsEntry("stage", "question").containsEntry("step", "reading");
            assertThat(field(s.get(3), "buzz")).containsEntry("lockedOut", List.of(1L));
            assertThat(model(s.get(4))).containsEntry("step", "buzzing");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> order = (List<Map<String, Object>>) field(s.get(4), "buzz").get("order");
            assertThat(order).hasSize(1).first().satisfies(e -> assertThat(e).containsEntry("kind", "falseStart")
                    .containsEntry("points", -10L));
            assertThat(field(s.get(5), "refused")).containsEntry("reason", "LOCKED_OUT");

            assertThat(model(s.get(6))).containsEntry("step", "answering");
            assertThat(field(s.get(6), "buzz")).containsEntry("winner", Map.of("teamId", 2L, "participantId", 7L,
                    "nickname", "小明", "reactionMs", 120L));
            assertThat(field(s.get(7), "turn")).containsEntry("participantId", 7L).containsEntry("deadline", FAR + 500);
            assertThat(((Number) s.get(7).get("left")).longValue()).isPositive();
            assertThat(model(s.get(8))).containsEntry("answered", true);

            assertThat(model(s.get(9))).containsEntry("step", "over").containsEntry("turn", null);
            assertThat(list(s.get(9), "judged")).hasSize(1).first().satisfies(j -> assertThat(j).containsEntry("correct", true));
            assertThat(list(s.get(10), "teams")).extracting(t -> t.get("id")).containsExactly(2L, 1L);

            // a new round clears the buzz, the turn and the judgements
            assertThat(model(s.get(11))).containsEntry("stage", "round").containsEntry("buzz", null)
                    .containsEntry("question", null);
            assertThat(list(s.get(11), "judged")).isEmpty();
            assertThat(model(s.get(12))).containsEntry("step", "staking");
            assertThat(field(s.get(12), "wagers")).containsEntry("stakes", List.of(10L, 20L, 30L)).containsEntry("complete", false);
            // a wager's ack (no question) is the page's, and leaves the answer state alone
            assertThat(s.get(13).get("change")).isNull();
            assertThat(field(s.get(14), "wagers")).containsEntry("complete", true).containsEntry("stakes", List.of(10L, 20L, 30L));
            assertThat(model(s.get(14))).containsEntry("step", null);

            assertThat(list(s.get(15), "rulings")).hasSize(1);
            assertThat(list(s.get(15), "teams")).extracting(t -> t.get("score")).containsExactly(110L, 85L);

            // a reconnect mid-buzz: the state says who holds the buzz and whose turn it is
            assertThat(model(s.get(16))).containsEntry("stage", "question").containsEntry("step", "answering");
            assertThat(field(s.get(16), "round")).containsEntry("kind", "tiebreak");
            assertThat(field(s.get(16), "turn")).containsEntry("participantId", 3L);
            assertThat(field(s.get(16), "buzz")).containsEntry("questionId", "q3");
            @SuppressWarnings("unchecked")
            Map<String, Object> held = (Map<String, Object>) field(s.get(16), "buzz").get("winner");
            assertThat(held).containsEntry("reactionMs", 80L);

            assertThat(model(s.get(17))).containsEntry("stage", "finished");
            assertThat(list(s.get(17), "teams")).extracting(t -> t.get("name")).containsExactly("一队", "二队");
        }
    }

    @Test
    void aMandatoryTurnWaitsForGoAndAStateInTheRoundBannerShowsIt() {
        List<Map<String, Object>> frames = List.of(
                Map.of("type", "state", "status", "RUNNING", "phase", "ROUND", "participants", 2,
                        "round", Map.of("index", 0, "kind", "mandatory", "title", "必答题", "total", 4, "first", 0),
                        "teams", List.of(team(1, "一队", 100), team(2, "二队", 100))),
                Map.of("type", "question", "questionId", "q1", "index", 0, "total", 4, "questionType", "single",
                        "stem", "?", "timeLimitMs", 30000, "deadline", FAR),
                Map.of("type", "turn", "questionId", "q1", "teamId", 1, "participantId", 3, "nickname", "张三"),
                Map.of("type", "turn", "questionId", "q1", "teamId", 1, "participantId", 3, "nickname", "张三", "deadline", FAR),
                Map.of("type", "judged", "questionId", "other", "teamId", 1, "correct", false, "points", 0),
                Map.of("type", "judged", "questionId", "q1", "teamId", 1, "participantId", 3, "correct", false, "points", 0,
                        "reason", "TIMEOUT"));
        try (Browser b = Browser.start(base.toString())) {
            b.open("/login");
            List<Map<String, Object>> s = run(b, frames);
            assertThat(model(s.get(0))).containsEntry("stage", "round").containsEntry("phase", "ROUND");
            assertThat(field(s.get(0), "round")).containsEntry("kind", "mandatory");
            assertThat(model(s.get(1))).containsEntry("step", "ready");
            assertThat(model(s.get(2))).containsEntry("step", "ready");
            assertThat(model(s.get(3))).containsEntry("step", "answering");
            // a judgement of another question changes nothing
            assertThat(model(s.get(4))).containsEntry("step", "answering");
            assertThat(list(s.get(4), "judged")).isEmpty();
            assertThat(model(s.get(5))).containsEntry("step", "over");
        }
    }

    @Test
    void theHostsBuzzOrderAndATieBreakWinner() {
        List<Map<String, Object>> frames = List.of(
                Map.of("type", "round", "index", 3, "kind", "tiebreak", "title", "加时赛", "total", 1, "first", 9,
                        "teams", List.of(team(2, "二队", 120), team(3, "三队", 120))),
                Map.of("type", "question", "questionId", "q9", "index", 9, "total", 10, "questionType", "single",
                        "stem", "?", "timeLimitMs", 20000, "deadline", FAR),
                Map.of("type", "buzzWinner", "questionId", "q9", "teamId", 2, "participantId", 7, "nickname", "小明",
                        "reactionMs", 412),
                Map.of("type", "buzzOrder", "questionId", "q9", "buzzes", List.of(
                        Map.of("teamId", 2, "participantId", 7, "nickname", "小明", "reactionMs", 412),
                        Map.of("teamId", 3, "participantId", 9, "nickname", "小红", "reactionMs", 418))),
                Map.of("type", "tiebreak", "event", "won", "teamId", 2));
        try (Browser b = Browser.start(base.toString())) {
            b.open("/login");
            List<Map<String, Object>> s = run(b, frames);
            // a tie-break's round names the tied teams: they play it
            assertThat(model(s.get(0))).containsEntry("playing", List.of(2L, 3L));
            assertThat(model(s.get(1))).containsEntry("step", "reading");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> buzzes = (List<Map<String, Object>>) field(s.get(3), "buzz").get("buzzes");
            assertThat(buzzes).extracting(e -> e.get("reactionMs")).containsExactly(412L, 418L);
            assertThat(field(s.get(4), "tiebreak")).containsEntry("winner", 2L).containsEntry("out", List.of());
        }
    }
}
