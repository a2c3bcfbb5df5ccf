package io.jingda.online;

import io.jingda.TestAuth;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A client of the self-paced API as docs/online.md describes it, for the tests. */
final class SelfPaced {
    private SelfPaced() {
    }

    static Map<String, Object> contest(String title, int pool, int perAttempt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("mode", "self-paced");
        body.put("draw", Map.of("types", List.of("single"), "count", pool, "seed", 7));
        body.put("questionsPerAttempt", perAttempt);
        body.put("opensAt", Instant.now().minusSeconds(60).toString());
        body.put("closesAt", Instant.now().plusSeconds(3600).toString());
        body.put("timeLimit", 30);
        return body;
    }

    /** Creates and schedules the contest; returns {id, code}. */
    static JsonPath schedule(Map<String, Object> body) {
        long id = TestAuth.admin().body(body).post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        return TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200).extract().jsonPath();
    }

    /** The correct option id of each question of the pool, by question id (the host's view). */
    static Map<String, String> answers(long contestId) {
        JsonPath c = TestAuth.admin().get("/api/contests/" + contestId).then().statusCode(200).extract().jsonPath();
        Map<String, String> out = new HashMap<>();
        List<Map<String, Object>> qs = c.getList("questions");
        for (Map<String, Object> q : qs) {
            out.put((String) q.get("questionId"), ((List<?>) q.get("answer")).get(0).toString());
        }
        return out;
    }

    /** A question's explanation in the host's view of the contest (null if it has none). */
    static String explanation(long contestId, String questionId) {
        JsonPath c = TestAuth.admin().get("/api/contests/" + contestId).then().statusCode(200).extract().jsonPath();
        return c.getString("questions.find { it.questionId == '" + questionId + "' }.explanation");
    }

    static JsonPath register(String code, String name, String unit) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        if (unit != null) {
            b.put("unit", unit);
        }
        return RestAssured.given().contentType(ContentType.JSON).body(b).post("/api/self/" + code + "/register")
                .then().extract().jsonPath();
    }

    static io.restassured.specification.RequestSpecification as(String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    static JsonPath answer(String token, long attemptId, String questionId, String choice, String requestId) {
        return as(token).body(Map.of("questionId", questionId, "choice", choice, "requestId", requestId))
                .post("/api/self/attempts/" + attemptId + "/answers").then().statusCode(200).extract().jsonPath();
    }

    /** An attempt played: its id and the response to its last answer (with the result). */
    record Played(long attemptId, JsonPath last) {
        int getInt(String path) {
            return last.getInt(path);
        }

        boolean getBoolean(String path) {
            return last.getBoolean(path);
        }

        java.util.List<Object> getList(String path) {
            return last.getList(path);
        }
    }

    /** Answers a whole attempt: right for the first {@code right} questions, wrong after. */
    static Played play(String code, String token, Map<String, String> key, int right) {
        JsonPath a = as(token).post("/api/self/" + code + "/attempts").then().statusCode(201).extract().jsonPath();
        long attemptId = a.getLong("attemptId");
        Map<String, Object> q = a.getMap("question");
        JsonPath last = null;
        int i = 0;
        while (q != null) {
            String qid = (String) q.get("id");
            String correct = key.get(qid);
            String choice = correct;
            if (i >= right) {
                List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
                choice = options.stream().map(o -> (String) o.get("id")).filter(o -> !o.equals(correct)).findFirst().orElseThrow();
            }
            last = answer(token, attemptId, qid, choice, "r" + i);
            q = last.getMap("question");
            if (q == null && last.get("nextAt") != null) {
                // afterEach: the next question waits until it is asked for
                q = as(token).get("/api/self/attempts/" + attemptId).then().statusCode(200).extract().jsonPath()
                        .getMap("question");
            }
            i++;
        }
        return new Played(attemptId, last);
    }
}
