package io.jingda.live;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Guessing codes from one address runs into 429 (with Retry-After), and then even a right code is
 * refused for a while; but an address that has already reached a contest keeps joining it.
 */
@QuarkusTest
@TestProfile(JoinRateLimitTest.LowLimits.class)
class JoinRateLimitTest {
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jingda.contest.join.failures-per-minute", "5");
        }
    }

    /** Each test starts ten minutes after the one before on the limiter's clock: every address's failures refilled. */
    private static long shift;

    @Inject
    TestClock clock;

    @BeforeEach
    void laterThanTheTestBefore() {
        clock.freeze();
        shift += 10 * 60_000;
        clock.advance(shift);
    }

    @AfterEach
    void release() {
        clock.release();
    }

    private static io.restassured.response.ValidatableResponse join(String code, String nickname) {
        return LiveApi.tryJoin(code, nickname);
    }

    @Test
    void bruteForceGets429() {
        long id = LiveApi.create(LiveApi.admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0))));
        String code = LiveApi.openLobby(LiveApi.admin(), id);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            join(wrong, "guess" + i).statusCode(404);
        }
        join(wrong, "guess").statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", equalTo("12"));
        join(code, "honest").statusCode(429).header("Retry-After", matchesPattern("[0-9]+"));
        join("12345", "malformed").statusCode(429);
        clock.advance(12_000);
        join(code, "honest").statusCode(200);
    }

    @Test
    void anAddressThatReachedTheContestKeepsJoiningItAfterItsFailuresAreUsedUp() {
        long id = LiveApi.create(LiveApi.admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0))));
        String code = LiveApi.openLobby(LiveApi.admin(), id);
        String wrong = code.equals("000000") ? "000001" : "000000";
        join(code, "first").statusCode(200);
        for (int i = 0; i < 5; i++) {
            join(wrong, "typo" + i).statusCode(404);
        }
        join(wrong, "typo").statusCode(429);
        for (int i = 0; i < 20; i++) {
            join(code, "classmate" + i).statusCode(200);
        }
    }

    @Test
    void malformedCodesCountAsFailures() {
        for (int i = 0; i < 5; i++) {
            join("12a456", "x" + i).statusCode(400).body("errors[0].field", equalTo("code"));
        }
        join("12a456", "x").statusCode(429).header("Retry-After", equalTo("12"));
    }
}
