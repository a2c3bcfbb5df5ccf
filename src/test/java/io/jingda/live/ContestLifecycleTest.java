package io.jingda.live;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The state machine over REST: every action that does not fit gets 409 with the state in the body. */
@QuarkusTest
class ContestLifecycleTest {
    static final List<String> ACTIONS = List.of("open", "start", "next", "close", "reveal", "leaderboard", "pause",
            "resume", "finish");

    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    private static void only(long id, String status, Set<String> allowed) {
        for (String a : ACTIONS) {
            if (!allowed.contains(a)) {
                act(admin(), id, a).statusCode(409).body("code", equalTo("INVALID_STATE"))
                        .body("status", equalTo(status)).body("contestId", equalTo((int) id));
            }
        }
    }

    @Test
    void everyStateRefusesWhatDoesNotFit() {
        clock.freeze();
        long id = create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0), LiveApi.questionOf("single", 1),
                LiveApi.questionOf("single", 2), LiveApi.questionOf("single", 3))));
        only(id, "DRAFT", Set.of("open"));
        act(admin(), id, "open").statusCode(200).body("status", equalTo("LOBBY")).body("code", notNullValue());
        only(id, "LOBBY", Set.of("start", "finish"));
        // a contest that is not a draft cannot be edited
        admin().body(LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0)))).put("/api/contests/" + id)
                .then().statusCode(409).body("status", equalTo("LOBBY"));
        admin().delete("/api/contests/" + id).then().statusCode(409);
        act(admin(), id, "start").statusCode(200).body("phase", equalTo("OPEN")).body("questionIndex", equalTo(0));
        only(id, "RUNNING", Set.of("close", "reveal", "leaderboard", "pause", "finish"));
        act(admin(), id, "close").statusCode(200).body("phase", equalTo("CLOSED"));
        only(id, "RUNNING", Set.of("reveal", "leaderboard", "pause", "finish"));
        act(admin(), id, "reveal").statusCode(200).body("phase", equalTo("REVEALED"));
        only(id, "RUNNING", Set.of("leaderboard", "next", "pause", "finish"));
        act(admin(), id, "leaderboard").statusCode(200).body("phase", equalTo("LEADERBOARD"));
        only(id, "RUNNING", Set.of("next", "pause", "finish"));
        act(admin(), id, "pause").statusCode(200).body("status", equalTo("PAUSED"));
        only(id, "PAUSED", Set.of("resume", "finish"));
        act(admin(), id, "resume").statusCode(200).body("status", equalTo("RUNNING"));
        act(admin(), id, "next").statusCode(200).body("questionIndex", equalTo(1)).body("phase", equalTo("OPEN"));
        // reveal straight from OPEN closes first
        act(admin(), id, "reveal").statusCode(200).body("phase", equalTo("REVEALED"));
        // the leaderboard straight from OPEN closes and reveals first; from CLOSED it reveals first
        act(admin(), id, "next").statusCode(200).body("questionIndex", equalTo(2));
        act(admin(), id, "leaderboard").statusCode(200).body("phase", equalTo("LEADERBOARD"));
        act(admin(), id, "next").statusCode(200).body("questionIndex", equalTo(3));
        act(admin(), id, "close").statusCode(200).body("phase", equalTo("CLOSED"));
        act(admin(), id, "leaderboard").statusCode(200).body("phase", equalTo("LEADERBOARD"));
        act(admin(), id, "finish").statusCode(200).body("status", equalTo("FINISHED"));
        only(id, "FINISHED", Set.of());
        act(admin(), id, "open").statusCode(409).body("allowed.size()", equalTo(0));
        act(admin(), id, "dance").statusCode(404);
        admin().delete("/api/contests/" + id).then().statusCode(204);
        admin().get("/api/contests/" + id).then().statusCode(404);
    }

    @Test
    void editOnlyWhileDraftAndValidation() {
        long id = create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0))));
        admin().body(Map.of("title", "新标题", "questionIds", List.of(LiveApi.questionOf("text", 0)), "timeLimit", 15))
                .put("/api/contests/" + id).then().statusCode(200).body("title", equalTo("新标题"))
                .body("questions[0].type", equalTo("text")).body("questions[0].timeLimit", equalTo(15));
        admin().body(Map.of("title", "x", "questionIds", List.of("nope"))).post("/api/contests").then().statusCode(400)
                .body("errors.field", hasItem("questionIds[0]"));
        admin().body(Map.of("title", "x")).post("/api/contests").then().statusCode(400);
        admin().body(Map.of("title", "x", "questionIds", List.of(LiveApi.questionOf("single", 0)),
                "scoring", Map.of("mode", "luck"))).post("/api/contests").then().statusCode(400)
                .body("errors.field", hasItem("scoring.mode"));
        admin().delete("/api/contests/" + id).then().statusCode(204);
    }

    @Test
    void drawIsReproducibleFromTheSeed() {
        Map<String, Object> draw = Map.of("title", "抽题", "draw", Map.of("sets", List.of("liaoning", "jilin"),
                "types", List.of("single", "true_false"), "count", 5, "seed", 42));
        long a = create(admin(), draw);
        long b = create(admin(), draw);
        List<String> qa = admin().get("/api/contests/" + a).then().extract().path("questions.bankId");
        List<String> qb = admin().get("/api/contests/" + b).then().extract().path("questions.bankId");
        org.junit.jupiter.api.Assertions.assertEquals(qa, qb);
        org.junit.jupiter.api.Assertions.assertEquals(5, qa.size());
        admin().body(Map.of("title", "x", "draw", Map.of("sets", List.of("liaoning"), "count", 10_000)))
                .post("/api/contests").then().statusCode(400);
    }

    @Test
    void hostEndpointsRefuseOthers() {
        long id = create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0))));
        given().get("/api/contests").then().statusCode(401);
        given().post("/api/contests/" + id + "/actions/open").then().statusCode(401);
        LiveApi.ensureAccount("organizer-only", "organizer-password", List.of("organizer"));
        given().auth().preemptive().basic("organizer-only", "organizer-password").get("/api/contests").then().statusCode(403);
        // a host may not manage another host's contest
        LiveApi.host().get("/api/contests/" + id).then().statusCode(403);
        LiveApi.host().post("/api/contests/" + id + "/actions/open").then().statusCode(403);
        long own = create(LiveApi.host(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0))));
        LiveApi.host().get("/api/contests/" + own).then().statusCode(200).body("owner", equalTo(LiveApi.HOST));
        admin().get("/api/contests/" + own).then().statusCode(200);
    }
}
