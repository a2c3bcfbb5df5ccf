package io.jingda.online;

import io.jingda.TestAuth;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Self-paced contests through the REST API of docs/online.md, for the organizer's tests: create one,
 * schedule it, and play a participant's attempt to its end.
 */
public final class OnlineFixture {
    private OnlineFixture() {
    }

    /** A self-paced contest of {@code pool} questions of the seeded bank, open from a minute ago for a day. */
    public static long create(String title, int pool, int perAttempt, String unitsJson) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"title":"%s","mode":"self-paced","draw":{"sets":["liaoning"],"types":["single"],"count":%d,"seed":7},
                 "opensAt":"%s","closesAt":"%s","questionsPerAttempt":%d,"attemptsAllowed":2,
                 "timeLimit":60%s}""".formatted(title, pool, now.minus(1, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS),
                perAttempt, unitsJson == null ? "" : ",\"units\":" + unitsJson);
        return TestAuth.admin().body(body).post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Schedules the contest (POST …/actions/open); its participant code. */
    public static String schedule(long id) {
        return TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
    }

    /** Registers a participant; their bearer token. */
    public static String register(String code, String name, String unit) {
        Map<String, Object> body = unit == null ? Map.of("name", name) : Map.of("name", name, "unit", unit);
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/self/" + code + "/register")
                .then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(201)).or(org.hamcrest.Matchers.is(200)))
                .extract().jsonPath().getString("token");
    }

    /** Starts an attempt; the Attempt. */
    public static JsonPath start(String code, String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .post("/api/self/" + code + "/attempts").then().statusCode(org.hamcrest.Matchers.either(
                        org.hamcrest.Matchers.is(201)).or(org.hamcrest.Matchers.is(200))).extract().jsonPath();
    }

    /** Answers the question being served with its first option; the response ({ack, question, result}). */
    public static JsonPath answerFirstOption(String token, long attemptId, String questionId, String optionId, String requestId) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("questionId", questionId, "choice", optionId, "requestId", requestId))
                .post("/api/self/attempts/" + attemptId + "/answers").then().statusCode(200).extract().jsonPath();
    }

    /** Registers, starts an attempt and answers every question at once (fast answers: the attempt is flagged). */
    public static long playThrough(String code, String name, String unit) {
        String token = register(code, name, unit);
        JsonPath attempt = start(code, token);
        long attemptId = attempt.getLong("attemptId");
        Map<String, Object> q = attempt.getMap("question");
        int i = 0;
        while (q != null) {
            @SuppressWarnings("unchecked")
            var options = (java.util.List<Map<String, Object>>) q.get("options");
            JsonPath r = answerFirstOption(token, attemptId, (String) q.get("id"), (String) options.get(0).get("id"),
                    name + "-" + i++);
            q = r.getMap("question");
        }
        return attemptId;
    }
}
