package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.jingda.live.LiveApi.join;
import static io.jingda.live.LiveApi.openLobby;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: an ordering question (partial credit), a poll and a single-choice question, played end to end by
 * three phones, the host and the screen; then the results and their export, which list the poll's votes.
 */
@QuarkusTest
class OrderingAndPollContestTest {
    private static final List<String> STEPS = List.of("中共一大", "遵义会议", "七届二中全会", "十一届三中全会");

    @TestHTTPResource("/")
    URI base;
    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    private static String question(Map<String, Object> body) {
        int set = admin().body(Map.of("id", "types-live", "title", "新题型")).post("/api/question-sets").statusCode();
        assertTrue(set == 201 || set == 409, "set: " + set);
        Map<String, Object> b = new HashMap<>(body);
        b.put("set", "types-live");
        return admin().body(b).post("/api/questions").then().statusCode(201).extract().path("id");
    }

    private static List<String> texts(JsonNode options, List<String> ids) {
        Map<String, String> t = new HashMap<>();
        options.forEach(o -> t.put(o.get("id").asText(), o.get("text").asText()));
        return ids.stream().map(t::get).toList();
    }

    private static List<String> ids(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void orderingPollAndSingleWithPartialCreditAndAStreakThatPassesOverThePoll() {
        clock.freeze();
        // options stored out of order; the answer is the right order
        String ordering = question(Map.of("type", "ordering", "stem", "按时间先后排列",
                "options", List.of(STEPS.get(2), STEPS.get(0), STEPS.get(3), STEPS.get(1)), "answer", STEPS));
        String poll = question(Map.of("type", "poll", "stem", "你最喜欢哪个季节？", "options", List.of("春", "夏", "秋")));
        String single = question(Map.of("type", "single", "stem", "一加一", "options", List.of("二", "三"), "answer", "二"));
        Map<String, Object> body = LiveApi.contestBody(List.of(ordering, poll, single));
        body.put("scoring", Map.of("mode", "accuracy", "streakBonus", true, "ordering", "partial"));
        long id = create(admin(), body);
        JsonPath view = admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath();
        List<String> rightOrder = view.getList("questions[0].answer");
        assertEquals(4, rightOrder.size());
        assertEquals("partial", view.getString("settings.scoring.ordering"));

        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "Alice");
        LiveApi.Joined b = join(code, "Bob");
        LiveApi.Joined c = join(code, "Carol");
        try (WsClient alice = WsClient.play(base, id, a.token());
             WsClient bob = WsClient.play(base, id, b.token());
             WsClient carol = WsClient.play(base, id, c.token());
             WsClient screen = WsClient.screen(base, code);
             WsClient host = WsClient.host(base, id, LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)) {
            alice.await("state");
            bob.await("state");
            carol.await("state");
            screen.await("state");
            host.await("state");
            act(admin(), id, "start").statusCode(200);

            // 1. ordering
            JsonNode q0 = alice.await("question", 0, n -> n.get("index").asInt() == 0);
            String qid0 = q0.get("questionId").asText();
            assertEquals("ordering", q0.get("questionType").asText());
            assertEquals(4, q0.get("options").size());
            assertFalse(q0.has("answer") || q0.has("correct"));
            alice.answer(qid0, rightOrder, "a0");
            List<String> almost = new ArrayList<>(rightOrder);
            java.util.Collections.swap(almost, 2, 3); // 2 of 4 in place
            bob.answer(qid0, almost, "b0");
            carol.answer(qid0, rightOrder.subList(0, 3), "c0-short");
            JsonNode refused = carol.await("ack", 0, n -> n.get("requestId").asText().equals("c0-short"));
            assertFalse(refused.get("accepted").asBoolean());
            assertEquals("INVALID_ORDER", refused.get("reason").asText());
            List<String> twice = new ArrayList<>(rightOrder.subList(0, 3));
            twice.add(rightOrder.get(0));
            carol.answer(qid0, twice, "c0-twice");
            assertEquals("INVALID_ORDER", carol.await("ack", 0, n -> n.get("requestId").asText().equals("c0-twice"))
                    .get("reason").asText());
            carol.answer(qid0, rightOrder, "c0"); // a refused order did not use up the answer
            for (var p : List.of(Map.entry(alice, "a0"), Map.entry(bob, "b0"), Map.entry(carol, "c0"))) {
                assertTrue(p.getKey().await("ack", 0, n -> n.get("requestId").asText().equals(p.getValue()))
                        .get("accepted").asBoolean());
            }
            host.await("progress", 0, n -> n.get("questionId").asText().equals(qid0) && n.get("answered").asInt() == 3);
            act(admin(), id, "reveal").statusCode(200);
            JsonNode r0 = bob.await("reveal", 0, n -> n.get("questionId").asText().equals(qid0));
            assertEquals(rightOrder, ids(r0.get("correct")), "the reveal carries the right order as option ids");
            assertEquals(STEPS, texts(q0.get("options"), ids(r0.get("correct"))));
            assertFalse(r0.at("/you/correct").asBoolean());
            assertEquals(500, r0.at("/you/points").asInt(), "1000 × 2/4");
            assertEquals(1000, alice.await("reveal", 0, n -> n.get("questionId").asText().equals(qid0))
                    .at("/you/points").asInt());
            assertEquals(2, r0.get("distribution").size(), "two distinct orders");
            assertEquals(2, r0.get("distribution").get(String.join(",", rightOrder)).asInt());
            act(admin(), id, "next").statusCode(200);

            // 2. poll: Alice and Bob vote, Carol does not
            JsonNode q1 = alice.await("question", 0, n -> n.get("index").asInt() == 1);
            String qid1 = q1.get("questionId").asText();
            assertEquals("poll", q1.get("questionType").asText());
            Map<String, String> optionId = new HashMap<>();
            q1.get("options").forEach(o -> optionId.put(o.get("text").asText(), o.get("id").asText()));
            alice.answer(qid1, optionId.get("春"), "a1");
            bob.answer(qid1, optionId.get("春"), "b1");
            assertTrue(alice.await("ack", 0, n -> n.get("requestId").asText().equals("a1")).get("accepted").asBoolean());
            assertTrue(bob.await("ack", 0, n -> n.get("requestId").asText().equals("b1")).get("accepted").asBoolean());
            host.await("progress", 0, n -> n.get("questionId").asText().equals(qid1) && n.get("answered").asInt() == 2);
            act(admin(), id, "reveal").statusCode(200);
            JsonNode r1 = alice.await("reveal", 0, n -> n.get("questionId").asText().equals(qid1));
            assertFalse(r1.has("correct"), "a poll has no correct answer: " + r1);
            assertTrue(r1.at("/you/answered").asBoolean());
            assertTrue(r1.at("/you/correct").isMissingNode(), "a vote is neither right nor wrong: " + r1);
            assertEquals(0, r1.at("/you/points").asInt());
            assertEquals(1, r1.at("/you/streak").asInt(), "the streak passes over the poll");
            JsonNode s1 = screen.await("reveal", 0, n -> n.get("questionId").asText().equals(qid1));
            assertEquals(2, s1.at("/distribution/" + optionId.get("春")).asInt());
            assertEquals(0, s1.at("/distribution/" + optionId.get("夏")).asInt());
            act(admin(), id, "next").statusCode(200);

            // 3. single: Alice and Carol right (their second correct answer in a row), Bob wrong
            JsonNode q2 = carol.await("question", 0, n -> n.get("index").asInt() == 2);
            String qid2 = q2.get("questionId").asText();
            Map<String, String> sid = new HashMap<>();
            q2.get("options").forEach(o -> sid.put(o.get("text").asText(), o.get("id").asText()));
            alice.answer(qid2, sid.get("二"), "a2");
            clock.advance(2000);
            carol.answer(qid2, sid.get("二"), "c2");
            bob.answer(qid2, sid.get("三"), "b2");
            host.await("progress", 0, n -> n.get("questionId").asText().equals(qid2) && n.get("answered").asInt() == 3);
            act(admin(), id, "reveal").statusCode(200);
            JsonNode rc = carol.await("reveal", 0, n -> n.get("questionId").asText().equals(qid2));
            assertEquals(2, rc.at("/you/streak").asInt(), "an unanswered poll does not break the streak either");
            assertEquals(1000 + 100, rc.at("/you/points").asInt(), "points plus the bonus of a second in a row");
            assertEquals(2100, rc.at("/you/score").asInt());
            act(admin(), id, "next").statusCode(200);
            alice.await("finished");
        }

        JsonPath r = admin().get("/api/contests/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Alice", "Carol", "Bob"), r.getList("standings.nickname"));
        assertEquals(List.of(2100, 2100, 500), r.getList("standings.score"));
        assertEquals(List.of(2, 2, 0), r.getList("standings.correct"), "a vote is never a correct answer");
        assertEquals(66.7, r.getDouble("questions[0].correctPercent"), 0.01);
        assertEquals("poll", r.getString("questions[1].type"));
        org.junit.jupiter.api.Assertions.assertNull(r.get("questions[1].correctPercent"), "a poll is left out of the accuracy statistics");
        assertEquals(2, r.getInt("questions[1].answered"));
        Map<String, Integer> votes = new HashMap<>();
        List<String> voteTexts = r.getList("questions[1].options.text");
        List<Integer> voteCounts = r.getList("questions[1].options.count");
        for (int i = 0; i < voteTexts.size(); i++) {
            votes.put(voteTexts.get(i), voteCounts.get(i));
        }
        assertEquals(Map.of("春", 2, "夏", 0, "秋", 0), votes);
        assertEquals(List.of(false, false, false), r.getList("questions[1].options.correct"));
        assertEquals(STEPS, r.getList("questions[0].options.text"), "an ordering's options in the right order");
        assertEquals(List.of(1, 2, 3, 4), r.getList("questions[0].options.position"));
        assertEquals(List.of(3, 3, 2, 2), r.getList("questions[0].options.count"), "answers with each option in place");
        String csv = admin().queryParam("format", "csv").get("/api/contests/" + id + "/results")
                .then().statusCode(200).extract().asString();
        String pollRow = csv.lines().filter(l -> l.contains("你最喜欢哪个季节")).findFirst().orElseThrow();
        assertTrue(pollRow.contains("poll"), pollRow);
        assertTrue(pollRow.contains("春: 2") && pollRow.contains("夏: 0") && pollRow.contains("秋: 0"), pollRow);
        assertFalse(pollRow.contains("✓"), pollRow);
        String orderRow = csv.lines().filter(l -> l.contains("按时间先后排列")).findFirst().orElseThrow();
        assertTrue(orderRow.contains("1. 中共一大: 3"), orderRow);
        assertTrue(orderRow.contains(String.join(" > ", STEPS) + ": 2"), orderRow);
        assertNotEquals(-1, orderRow.indexOf("ordering"));
    }

    @Test
    void theOrderingSettingIsChecked() {
        String poll = question(Map.of("type", "poll", "stem", "热身投票", "options", List.of("是", "否")));
        Map<String, Object> body = LiveApi.contestBody(List.of(poll));
        body.put("scoring", Map.of("mode", "accuracy", "ordering", "some"));
        admin().body(body).post("/api/contests").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("scoring.ordering"));
        // a poll in a team round is played by everyone: TeamPollContestTest
    }

    @Test
    void aSelfPacedPoolRefusesThemByNameAndADrawWithoutTypesLeavesThemOut() {
        String poll = question(Map.of("type", "poll", "stem", "网络答题里的投票", "options", List.of("是", "否")));
        String single = question(Map.of("type", "single", "stem", "网络答题里的单选", "options", List.of("对", "错"),
                "answer", "对"));
        Map<String, Object> body = new HashMap<>();
        body.put("title", "网络答题");
        body.put("mode", "self-paced");
        body.put("questionIds", List.of(single, poll));
        body.put("questionsPerAttempt", 1);
        body.put("opensAt", java.time.Instant.now().plusSeconds(60).toString());
        body.put("closesAt", java.time.Instant.now().plusSeconds(3600).toString());
        String message = admin().body(body).post("/api/contests").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("questionIds"))
                .extract().path("errors.find { it.field == 'questionIds' }.message");
        assertTrue(message.contains(poll) && message.contains("poll"), message);
        body.remove("questionIds");
        body.put("draw", Map.of("sets", List.of("types-live"), "count", 1, "seed", 3));
        long id = ((Number) admin().body(body).post("/api/contests").then().statusCode(201).extract().path("id"))
                .longValue();
        JsonPath c = admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath();
        List<String> types = c.getList("questions.type");
        assertFalse(types.contains("poll") || types.contains("ordering"), types.toString());
        assertFalse(c.getList("settings.draw.types").contains("poll"));
    }
}
