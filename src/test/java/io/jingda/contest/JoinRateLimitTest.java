package io.jingda.contest;

import io.jingda.live.LiveApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Guessing codes from one address runs into 429, and then even a right code is refused for a while. */
@QuarkusTest
@TestProfile(JoinRateLimitTest.LowLimits.class)
class JoinRateLimitTest {
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jingda.contest.join.failures-per-minute", "5", "jingda.contest.join.attempts-per-minute", "50");
        }
    }

    @Test
    void bruteForceGets429() {
        long id = LiveApi.create(LiveApi.admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0))));
        String code = LiveApi.openLobby(LiveApi.admin(), id);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("code", wrong, "nickname", "guess" + i)).post("/api/join")
                    .then().statusCode(404);
        }
        given().contentType(ContentType.JSON).body(Map.of("code", wrong, "nickname", "guess")).post("/api/join")
                .then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nickname", "honest")).post("/api/join")
                .then().statusCode(429);
    }
}
