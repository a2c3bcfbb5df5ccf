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
 * The one reducer of the live frames (static/live.js) that the phone, the host console and the
 * projector share, run in the browser on frames as docs/protocol.md describes them.
 */
@QuarkusTest
class LiveModelBrowserTest {
    /** Loads live.js into the page, applies each frame in turn, and returns the change and the model after each. */
    static final String RUN = """
            const [frames, done] = arguments;
            import('/static/live.js').then(({ liveState, reduce, timeLeft }) => {
              const L = liveState();
              const steps = frames.map(m => ({ change: reduce(L, m), model: JSON.parse(JSON.stringify(L)),
                left: timeLeft(L) }));
              done(steps);
            }).catch(e => done(String(e)));""";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> run(Browser b, List<Map<String, Object>> frames) {
        Object out = b.driver.executeAsyncScript(RUN, frames);
        assertThat(out).isInstanceOf(List.class);
        return (List<Map<String, Object>>) out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> step) {
        return (Map<String, Object>) step.get("model");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> step) {
        return (Map<String, Object>) step.get("change");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> step, String name) {
        return (Map<String, Object>) model(step).get(name);
    }

    @Test
    void aContestFromTheLobbyToThePodium() {
        Map<String, Object> q1 = Map.of("type", "question", "questionId", "q1", "index", 0, "total", 2,
                "questionType", "single", "stem", "?", "timeLimitMs", 20000, "deadline", 4_000_000_000_000L);
        List<Map<String, Object>> frames = List.of(
                Map.of("type", "state", "title", "赛", "status", "LOBBY", "participants", 2,
                        "you", Map.of("nickname", "小明", "score", 0), "allowedActions", List.of("start", "finish")),
                Map.of("type", "lobby", "participants", 3, "names", List.of("a", "b", "c")),
                q1,
                Map.of("type", "progress", "questionId", "q1", "answered", 1, "participants", 3),
                Map.of("type", "ack", "questionId", "q1", "requestId", "r", "accepted", true),
                Map.of("type", "status", "status", "PAUSED", "phase", "OPEN", "questionId", "q1", "remainingMs", 12000),
                Map.of("type", "status", "status", "RUNNING", "phase", "OPEN", "questionId", "q1", "deadline", 4_000_000_000_500L),
                Map.of("type", "closed", "questionId", "other"),
                Map.of("type", "closed", "questionId", "q1"),
                Map.of("type", "reveal", "questionId", "q1", "correct", List.of("x"), "answered", 1,
                        "you", Map.of("answered", true, "correct", true, "points", 950, "score", 950, "rank", 1)),
                Map.of("type", "leaderboard", "questionId", "q1", "top", List.of(), "participants", 4,
                        "you", Map.of("score", 950, "rank", 1)),
                Map.of("type", "error", "code", "MALFORMED", "message", "…"),
                Map.of("type", "finished", "podium", List.of(), "participants", 4, "you", Map.of("score", 950, "rank", 1)));
        try (Browser b = Browser.start(base.toString())) {
            b.open("/login");
            List<Map<String, Object>> s = run(b, frames);

            assertThat(model(s.get(0))).containsEntry("stage", "lobby").containsEntry("title", "赛")
                    .containsEntry("participants", 2L).containsEntry("allowedActions", List.of("start", "finish"));
            assertThat(field(s.get(0), "you")).containsEntry("nickname", "小明");
            assertThat(model(s.get(1))).containsEntry("participants", 3L).containsEntry("names", List.of("a", "b", "c"));
            assertThat(change(s.get(1))).containsEntry("stage", false);

            assertThat(change(s.get(2))).containsEntry("stage", true).containsEntry("question", true);
            assertThat(model(s.get(2))).containsEntry("stage", "question").containsEntry("phase", "OPEN")
                    .containsEntry("answered", false).containsEntry("paused", false);
            assertThat(field(s.get(2), "question")).containsEntry("questionId", "q1");
            assertThat(field(s.get(3), "progress")).containsEntry("answered", 1L);
            assertThat(model(s.get(4))).containsEntry("answered", true).containsEntry("pending", null);

            // paused: the countdown is frozen at remainingMs; resumed: it runs to the new deadline
            assertThat(model(s.get(5))).containsEntry("paused", true).containsEntry("remainingMs", 12000L);
            assertThat(((Number) s.get(5).get("left")).longValue()).isEqualTo(12000L);
            assertThat(model(s.get(6))).containsEntry("paused", false).containsEntry("remainingMs", null);
            assertThat(field(s.get(6), "question")).containsEntry("deadline", 4_000_000_000_500L);

            // a closed frame for another question changes nothing on show
            assertThat(change(s.get(7))).containsEntry("stage", false);
            assertThat(model(s.get(7))).containsEntry("stage", "question");
            assertThat(model(s.get(8))).containsEntry("stage", "closed").containsEntry("phase", "CLOSED");

            assertThat(model(s.get(9))).containsEntry("stage", "reveal");
            assertThat(field(s.get(9), "you")).containsEntry("nickname", "小明").containsEntry("points", 950L);
            assertThat(model(s.get(10))).containsEntry("stage", "leaderboard").containsEntry("participants", 4L);
            // not a frame of the model: the page handles it
            assertThat(s.get(11).get("change")).isNull();
            assertThat(model(s.get(12))).containsEntry("stage", "finished").containsEntry("status", "FINISHED");
        }
    }

    @Test
    void aReconnectKeepsTheQuestionItAlreadyHas() {
        Map<String, Object> question = Map.of("questionId", "q1", "index", 0, "total", 1, "deadline", 4_000_000_000_000L);
        Map<String, Object> state = Map.of("type", "state", "status", "RUNNING", "phase", "OPEN", "participants", 1,
                "question", question, "answered", true);
        List<Map<String, Object>> frames = List.of(state, state,
                Map.of("type", "state", "status", "RUNNING", "phase", "CLOSED", "participants", 1,
                        "question", Map.of("questionId", "q2", "index", 1, "total", 2, "deadline", 1L)),
                Map.of("type", "state", "status", "FINISHED", "participants", 1));
        try (Browser b = Browser.start(base.toString())) {
            b.open("/login");
            List<Map<String, Object>> s = run(b, frames);
            assertThat(change(s.get(0))).containsEntry("question", true);
            assertThat(model(s.get(0))).containsEntry("stage", "question").containsEntry("answered", true);
            assertThat(change(s.get(1))).containsEntry("question", false).containsEntry("stage", true);
            assertThat(change(s.get(2))).containsEntry("question", true);
            assertThat(model(s.get(2))).containsEntry("stage", "closed").containsEntry("answered", false);
            assertThat(model(s.get(3))).containsEntry("stage", "finished").containsEntry("phase", null);
        }
    }
}
