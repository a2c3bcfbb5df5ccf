package io.jingda.live;

import io.jingda.contest.ContestSettings;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What limits joins to an open contest: not the client address (a hall behind one NAT address), but
 * the contest's capacity and its own join rate, which the host sees and sets.
 */
@QuarkusTest
class JoinLimitsTest {
    private static final Logger LOG = Logger.getLogger(JoinLimitsTest.class);

    @Inject
    TestClock clock;

    @TestHTTPResource("/api/join")
    URI joinUri;

    @AfterEach
    void release() {
        clock.release();
    }

    private static io.restassured.response.ValidatableResponse join(String code, String nickname) {
        return LiveApi.tryJoin(code, nickname);
    }

    private static Map<String, Object> body() {
        return LiveApi.contestBody(List.of(LiveApi.questionOf("single", 0)));
    }

    @Test
    void twoThousandJoinsFromOneAddressToAnOpenContestAllSucceed() throws Exception {
        long id = LiveApi.create(LiveApi.admin(), body());
        String code = LiveApi.openLobby(LiveApi.admin(), id);
        // 32 in flight over keep-alive connections from 127.0.0.1, as a hall's phones behind one NAT address
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(32);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            inFlight.acquire();
            HttpRequest r = HttpRequest.newBuilder(joinUri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"nickname\":\"p" + i + "\"}"))
                    .build();
            all.add(http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, e) -> {
                statuses.merge(e != null ? -1 : resp.statusCode(), 1, Integer::sum);
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(5, TimeUnit.MINUTES);
        LOG.warnf("2000 joins from one address in %d ms: %s", (System.nanoTime() - start) / 1_000_000,
                new TreeMap<>(statuses));
        assertEquals(Map.of(200, 2000), statuses, "every join admitted, none refused with 429");
        LiveApi.admin().get("/api/contests/" + id + "/participants").then().statusCode(200).body("size()", equalTo(2000));
    }

    @Test
    void aFullContestSaysSo() {
        Map<String, Object> b = body();
        b.put("maxParticipants", 2);
        String code = LiveApi.openLobby(LiveApi.admin(), LiveApi.create(LiveApi.admin(), b));
        join(code, "one").statusCode(200);
        join(code, "two").statusCode(200);
        join(code, "three").statusCode(403).body("code", equalTo("CONTEST_FULL"))
                .body("message", equalTo("the contest is full: it admits 2 participants"));
    }

    @Test
    void theJoinRateIsSeenAndSetByTheHostAndRefusesWithRetryAfter() {
        Map<String, Object> b = body();
        long defaults = LiveApi.create(LiveApi.admin(), b);
        LiveApi.admin().get("/api/contests/" + defaults).then().statusCode(200)
                .body("settings.joinsPerMinute", equalTo(ContestSettings.DEFAULT_JOINS_PER_MINUTE));
        b.put("joinsPerMinute", 2);
        long id = LiveApi.create(LiveApi.admin(), b);
        LiveApi.admin().get("/api/contests/" + id).then().body("settings.joinsPerMinute", equalTo(2));
        String code = LiveApi.openLobby(LiveApi.admin(), id);
        clock.freeze();
        join(code, "one").statusCode(200);
        join(code, "two").statusCode(200);
        join(code, "three").statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", equalTo("30"));

        LiveApi.admin().body(Map.of("joinsPerMinute", 600)).patch("/api/contests/" + id).then().statusCode(200)
                .body("settings.joinsPerMinute", equalTo(600)).body("status", equalTo("LOBBY"));
        LiveApi.admin().get("/api/contests/" + id).then().body("settings.joinsPerMinute", equalTo(600));
        clock.advance(100); // 600 a minute: one join every 100 ms
        join(code, "three").statusCode(200);
        join(code, "four").statusCode(429).header("Retry-After", equalTo("1"));
    }

    @Test
    void joinLimitsAreCheckedAndCapacityChangesWhileTheLobbyIsOpen() {
        Map<String, Object> b = body();
        b.put("maxParticipants", 1);
        long id = LiveApi.create(LiveApi.admin(), b);
        String code = LiveApi.openLobby(LiveApi.admin(), id);
        join(code, "one").statusCode(200);
        join(code, "two").statusCode(403).body("code", equalTo("CONTEST_FULL"));
        LiveApi.admin().body(Map.of("maxParticipants", 3)).patch("/api/contests/" + id).then().statusCode(200)
                .body("settings.maxParticipants", equalTo(3));
        join(code, "two").statusCode(200);

        LiveApi.admin().body(Map.of("maxParticipants", 1)).patch("/api/contests/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("maxParticipants"))
                .body("errors[0].message", equalTo("must be at least 2, the participants who have joined"));
        LiveApi.admin().body(Map.of("joinsPerMinute", 0)).patch("/api/contests/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("joinsPerMinute"))
                .body("errors[0].message", equalTo("must be between 1 and 60000"));
        LiveApi.admin().body(Map.of()).patch("/api/contests/" + id).then().statusCode(400)
                .body("errors[0].message", equalTo("give maxParticipants, joinsPerMinute or both"));
        LiveApi.admin().body(Map.of("title", "x")).patch("/api/contests/" + id).then().statusCode(400)
                .body("code", equalTo("INVALID_JSON"));
        b.put("joinsPerMinute", 60_001);
        LiveApi.admin().body(b).post("/api/contests").then().statusCode(400)
                .body("errors[0].field", equalTo("joinsPerMinute"));

        LiveApi.act(LiveApi.admin(), id, "finish").statusCode(200);
        LiveApi.admin().body(Map.of("joinsPerMinute", 10)).patch("/api/contests/" + id).then().statusCode(409)
                .body("code", equalTo("INVALID_STATE"));
    }

    @Test
    void invisibleVariantsOfANicknameAreTaken() {
        String code = LiveApi.openLobby(LiveApi.admin(), LiveApi.create(LiveApi.admin(), body()));
        join(code, "Alice").statusCode(200);
        join(code, "\u00A0Alice\u00A0").statusCode(409).body("code", equalTo("NICKNAME_TAKEN"));
        join(code, "a").statusCode(200);
        join(code, "a\uFE0F").statusCode(409).body("code", equalTo("NICKNAME_TAKEN"));
        join(code, "\u3000Bob\u202F").statusCode(200).body("nickname", equalTo("Bob"));
        join(code, "\uFE0F").statusCode(400).body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", equalTo("must contain at least one visible character"));
    }
}
