package io.jingda.live;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** REST helpers shared by the live-contest tests. */
public final class LiveApi {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String HOST = "host-one";
    public static final String HOST_PASSWORD = "host-one-password";

    private LiveApi() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    public static RequestSpecification host() {
        ensureAccount(HOST, HOST_PASSWORD, List.of("host"));
        return given().auth().preemptive().basic(HOST, HOST_PASSWORD).contentType(ContentType.JSON);
    }

    public static void ensureAccount(String user, String password, List<String> roles) {
        int status = admin().body(Map.of("username", user, "password", password, "roles", roles))
                .post("/api/accounts").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("cannot create account " + user + ": " + status);
        }
    }

    /** The id of the n-th bank question of a type. */
    public static String questionOf(String type, int n) {
        return admin().queryParam("type", type).queryParam("size", n + 1).get("/api/questions")
                .then().statusCode(200).extract().path("items[" + n + "].id");
    }

    /** One question of each type, in this order: single, multiple, true_false, text, numeric. */
    public static List<String> oneOfEachType() {
        List<String> ids = new ArrayList<>();
        for (String t : List.of("single", "multiple", "true_false", "text", "numeric")) {
            ids.add(questionOf(t, 0));
        }
        return ids;
    }

    public static Map<String, Object> contestBody(List<String> questionIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "测试竞赛");
        body.put("questionIds", questionIds);
        body.put("scoring", Map.of("mode", "speed", "streakBonus", true));
        return body;
    }

    public static long create(RequestSpecification as, Map<String, Object> body) {
        return ((Number) as.body(body).post("/api/contests").then().statusCode(201).extract().path("id")).longValue();
    }

    public static ValidatableResponse act(RequestSpecification as, long id, String action) {
        return as.post("/api/contests/" + id + "/actions/" + action).then();
    }

    public static String openLobby(RequestSpecification as, long id) {
        return act(as, id, "open").statusCode(200).extract().path("code");
    }

    public record Joined(long contestId, long participantId, String token) {
    }

    /** A join attempt, whatever its answer. */
    public static io.restassured.response.ValidatableResponse tryJoin(String code, String nickname) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", nickname))
                .post("/api/join").then();
    }

    public static Joined join(String code, String nickname) {
        var r = tryJoin(code, nickname).statusCode(200).extract();
        return new Joined(((Number) r.path("contestId")).longValue(), ((Number) r.path("participantId")).longValue(),
                r.path("token"));
    }
}
