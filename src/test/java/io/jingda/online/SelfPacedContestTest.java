package io.jingda.online;

import io.agroal.api.AgroalDataSource;
import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The participant's flow of docs/online.md, through the REST API. */
@QuarkusTest
class SelfPacedContestTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    OnlineLifecycle lifecycle;

    @Test
    void aWholeAttemptIsTimedJudgedAndRankedByPersonAndUnit() {
        Map<String, Object> body = SelfPaced.contest("网络答题", 12, 5);
        body.put("units", List.of(Map.of("name", "机关党委", "headcount", 10),
                Map.of("name", "第一支部", "parent", "机关党委", "headcount", 4),
                Map.of("name", "第二支部", "parent", "机关党委")));
        body.put("showAnswers", "afterEach");
        JsonPath c = SelfPaced.schedule(body);
        long id = c.getLong("id");
        String code = c.getString("code");
        assertThat(c.getString("status")).isEqualTo("OPEN");
        assertThat(c.getList("allowedActions", String.class)).containsExactly("close", "extend");
        Map<String, String> key = SelfPaced.answers(id);

        JsonPath info = RestAssured.get("/api/self/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(info.getString("units")).isEqualTo("list");
        assertThat(info.getList("unitList.name", String.class)).containsExactly("机关党委", "第一支部", "第二支部");
        assertThat(info.getInt("questionsPerAttempt")).isEqualTo(5);

        JsonPath zhang = SelfPaced.register(code, "张三", "第一 支部");
        String t1 = zhang.getString("token");
        assertThat(zhang.getBoolean("returning")).isFalse();
        assertThat(zhang.getString("unit")).isEqualTo("第一支部");
        JsonPath again = SelfPaced.register(code, " 张三 ", "第一支部");
        assertThat(again.getLong("participantId")).isEqualTo(zhang.getLong("participantId"));
        assertThat(again.getBoolean("returning")).isTrue();
        assertThat(again.getString("token")).isEqualTo(t1);
        String t2 = SelfPaced.register(code, "李四", "第二支部").getString("token");
        String t3 = SelfPaced.register(code, "王五", "第一支部").getString("token");

        JsonPath r1 = SelfPaced.play(code, t1, key, 5).last();
        assertThat(r1.getInt("result.score")).isEqualTo(r1.getInt("result.maxScore"));
        assertThat(r1.getInt("result.correctCount")).isEqualTo(5);
        assertThat(r1.getBoolean("ack.correct")).isTrue();
        assertThat(r1.getList("result.review")).hasSize(5);
        JsonPath r2 = SelfPaced.play(code, t2, key, 3).last();
        assertThat(r2.getInt("result.correctCount")).isEqualTo(3);
        assertThat(r2.getBoolean("ack.correct")).isFalse();
        assertThat(r2.getInt("result.rank.rank")).isEqualTo(2);
        SelfPaced.play(code, t3, key, 1);

        JsonPath persons = TestAuth.admin().get("/api/contests/" + id + "/rankings?by=person").then().statusCode(200)
                .extract().jsonPath();
        assertThat(persons.getList("items.name", String.class)).containsExactly("张三", "李四", "王五");
        assertThat(persons.getList("items.rank", Integer.class)).containsExactly(1, 2, 3);
        assertThat(persons.getLong("total")).isEqualTo(3);

        JsonPath units = TestAuth.admin().get("/api/contests/" + id + "/rankings?by=unit").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> first = units.getMap("items.find { it.unit == '第一支部' }");
        assertThat(first.get("participants")).isEqualTo(2);
        assertThat(first.get("participationRate")).isEqualTo(0.5f);
        assertThat(first.get("fullScoreShare")).isEqualTo(0.5f);
        assertThat(units.getList("items.unit", String.class).get(0)).isIn("第一支部", "第二支部");
        JsonPath rolled = TestAuth.admin().get("/api/contests/" + id + "/rankings?by=unit&rollup=parent").then()
                .statusCode(200).extract().jsonPath();
        assertThat(rolled.getList("items.unit", String.class)).containsExactly("机关党委");
        assertThat(rolled.getInt("items[0].participants")).isEqualTo(3);
        assertThat(rolled.getInt("items[0].headcount")).isEqualTo(14);

        JsonPath me = SelfPaced.as(t2).get("/api/self/" + code + "/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getInt("attemptsLeft")).isZero();
        assertThat(me.getInt("best.rank")).isEqualTo(2);
        SelfPaced.as(t2).post("/api/self/" + code + "/attempts").then().statusCode(409)
                .body("code", equalTo("NO_ATTEMPTS_LEFT"));

        JsonPath dash = TestAuth.admin().get("/api/contests/" + id + "/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(dash.getLong("participants")).isEqualTo(3);
        assertThat(dash.getLong("attempts")).isEqualTo(3);
        assertThat(dash.getLong("answers")).isEqualTo(15);
        assertThat(dash.getList("questions.answered", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(15);
    }

    @Test
    void aQuestionIsServedOnceAndAnsweredOnceInOrder() {
        JsonPath c = SelfPaced.schedule(SelfPaced.contest("顺序", 6, 3));
        String code = c.getString("code");
        Map<String, String> key = SelfPaced.answers(c.getLong("id"));
        String token = SelfPaced.register(code, "赵六", null).getString("token");
        JsonPath a = SelfPaced.as(token).post("/api/self/" + code + "/attempts").then().statusCode(201).extract().jsonPath();
        long attemptId = a.getLong("attemptId");
        String q0 = a.getString("question.id");
        assertThat(a.getString("question")).doesNotContain("answer");
        JsonPath resumed = SelfPaced.as(token).post("/api/self/" + code + "/attempts").then().statusCode(200).extract().jsonPath();
        assertThat(resumed.getLong("attemptId")).isEqualTo(attemptId);
        assertThat(resumed.getLong("question.deadline")).isEqualTo(a.getLong("question.deadline"));
        JsonPath got = SelfPaced.as(token).get("/api/self/attempts/" + attemptId).then().statusCode(200).extract().jsonPath();
        assertThat(got.getString("question.id")).isEqualTo(q0);
        assertThat(got.getLong("question.servedAt")).isEqualTo(a.getLong("question.servedAt"));

        SelfPaced.as(token).body(Map.of("questionId", q0, "choice", "nope", "requestId", "x"))
                .post("/api/self/attempts/" + attemptId + "/answers").then().statusCode(400).body("code", equalTo("INVALID_CHOICE"));
        JsonPath ack = SelfPaced.answer(token, attemptId, q0, key.get(q0), "r0");
        assertThat(ack.getString("ack.status")).isEqualTo("ACCEPTED");
        assertThat(ack.get("ack.correct") == null).as("afterAttempt: no right or wrong yet").isTrue();
        JsonPath same = SelfPaced.answer(token, attemptId, q0, "whatever", "r0");
        assertThat(same.getLong("ack.receivedAt")).isEqualTo(ack.getLong("ack.receivedAt"));
        assertThat(same.getString("question.id")).isEqualTo(ack.getString("question.id"));
        SelfPaced.as(token).body(Map.of("questionId", q0, "choice", key.get(q0), "requestId", "r-other"))
                .post("/api/self/attempts/" + attemptId + "/answers").then().statusCode(409).body("code", equalTo("NOT_CURRENT"));
        SelfPaced.as("1.forged").get("/api/self/attempts/" + attemptId).then().statusCode(401);
        String other = SelfPaced.register(code, "钱七", null).getString("token");
        SelfPaced.as(other).get("/api/self/attempts/" + attemptId).then().statusCode(403);
    }

    @Test
    void withAnswersAfterEachTheNextQuestionWaitsWhileTheAnswerIsRead() {
        Map<String, Object> body = SelfPaced.contest("逐题解析", 6, 3);
        body.put("showAnswers", "afterEach");
        JsonPath c = SelfPaced.schedule(body);
        String code = c.getString("code");
        Map<String, String> key = SelfPaced.answers(c.getLong("id"));
        String token = SelfPaced.register(code, "读者", null).getString("token");
        JsonPath a = SelfPaced.as(token).post("/api/self/" + code + "/attempts").then().statusCode(201).extract().jsonPath();
        long attemptId = a.getLong("attemptId");
        String q0 = a.getString("question.id");
        JsonPath r = SelfPaced.answer(token, attemptId, q0, key.get(q0), "r0");
        assertThat(r.getBoolean("ack.correct")).isTrue();
        // the question's own explanation (the draw may take a question another test stored without one)
        assertThat(r.getString("ack.explanation")).isEqualTo(SelfPaced.explanation(c.getLong("id"), q0));
        assertThat(r.getMap("question")).isNull();
        assertThat(r.getLong("nextAt")).isEqualTo(r.getLong("ack.receivedAt") + 30_000);
        JsonPath served = SelfPaced.as(token).get("/api/self/attempts/" + attemptId).then().statusCode(200).extract().jsonPath();
        assertThat(served.getLong("question.servedAt")).isLessThan(r.getLong("nextAt"));
        assertThat(served.getInt("question.position")).isEqualTo(1);
        JsonPath again = SelfPaced.as(token).get("/api/self/attempts/" + attemptId).then().statusCode(200).extract().jsonPath();
        assertThat(again.getLong("question.servedAt")).isEqualTo(served.getLong("question.servedAt"));
    }

    @Test
    void aLateAnswerScoresNothingAndAnAbandonedAttemptIsFinishedByTheServer() throws Exception {
        JsonPath c = SelfPaced.schedule(SelfPaced.contest("超时", 6, 3));
        String code = c.getString("code");
        Map<String, String> key = SelfPaced.answers(c.getLong("id"));
        String token = SelfPaced.register(code, "孙八", null).getString("token");
        JsonPath a = SelfPaced.as(token).post("/api/self/" + code + "/attempts").then().statusCode(201).extract().jsonPath();
        long attemptId = a.getLong("attemptId");
        String q0 = a.getString("question.id");
        backdate(attemptId, 30_500); // past the 30 s limit, inside the 1 s grace
        JsonPath inGrace = SelfPaced.answer(token, attemptId, q0, key.get(q0), "r0");
        assertThat(inGrace.getString("ack.status")).isEqualTo("ACCEPTED");
        String q1 = inGrace.getString("question.id");
        backdate(attemptId, 40_000);
        JsonPath late = SelfPaced.answer(token, attemptId, q1, key.get(q1), "r1");
        assertThat(late.getString("ack.status")).isEqualTo("LATE");
        assertThat(late.getInt("question.position")).isEqualTo(2);

        backdate(attemptId, 3_600_000);
        lifecycle.sweep(System.currentTimeMillis());
        JsonPath over = SelfPaced.as(token).get("/api/self/attempts/" + attemptId).then().statusCode(200).extract().jsonPath();
        assertThat(over.getString("status")).isEqualTo("FINISHED");
        assertThat(over.getInt("result.correctCount")).isEqualTo(1);
        assertThat(over.getList("result.review.status", String.class)).containsExactly("ACCEPTED", "LATE", "MISSED");
    }

    @Test
    void theWindowDecidesAndTheHostClosesAndExtendsIt() {
        Map<String, Object> body = SelfPaced.contest("窗口", 6, 3);
        body.put("opensAt", Instant.now().plusSeconds(3600).toString());
        body.put("closesAt", Instant.now().plusSeconds(7200).toString());
        JsonPath c = SelfPaced.schedule(body);
        long id = c.getLong("id");
        String code = c.getString("code");
        assertThat(c.getString("status")).isEqualTo("SCHEDULED");
        assertThat(code).matches("\\d{6}");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("name", "周九")).post("/api/self/" + code + "/register")
                .then().statusCode(403).body("code", equalTo("CONTEST_NOT_OPEN"));
        TestAuth.admin().delete("/api/contests/" + id).then().statusCode(409);
        TestAuth.admin().body(Map.of("closesAt", "2020-01-01T00:00:00Z")).post("/api/contests/" + id + "/actions/extend")
                .then().statusCode(400);
        TestAuth.admin().post("/api/contests/" + id + "/actions/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("name", "周九")).post("/api/self/" + code + "/register")
                .then().statusCode(403).body("code", equalTo("CONTEST_CLOSED"));
        TestAuth.admin().body(Map.of("closesAt", Instant.now().plusSeconds(9000).toString()))
                .post("/api/contests/" + id + "/actions/extend").then().statusCode(200).body("status", equalTo("SCHEDULED"));
        RestAssured.get("/api/self/999999x").then().statusCode(404);
    }

    @Test
    void badDefinitionsNameTheirField() {
        Map<String, Object> body = SelfPaced.contest("错", 6, 10);
        body.put("closesAt", "tomorrow");
        body.put("showAnswers", "never");
        body.put("units", List.of(Map.of("name", "a", "parent", "b")));
        TestAuth.admin().body(body).post("/api/contests").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("closesAt", "showAnswers", "questionsPerAttempt",
                        "units[0].parent"));
    }

    private void backdate(long attemptId, long ms) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE online_attempt SET served_at = served_at - " + ms + ", started_at = started_at - " + ms
                    + ", expires_at = expires_at - " + ms + " WHERE id = " + attemptId);
        }
    }
}
