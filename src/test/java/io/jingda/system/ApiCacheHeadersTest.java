package io.jingda.system;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.jingda.TestAuth.admin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Responses that carry answers (and every other /api response, errors included) are never stored by a cache. */
@QuarkusTest
class ApiCacheHeadersTest {

    private static void noStore(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals("no-store", r.header("Cache-Control"), r.asString());
    }

    @Test
    void answersInTheApiAreNoStore() {
        admin().delete("/api/question-sets/t-cache");
        admin().body("{\"id\":\"t-cache\",\"title\":\"缓存\"}").post("/api/question-sets").then().statusCode(201);
        admin().body("{\"id\":\"t-cache-1\",\"set\":\"t-cache\",\"type\":\"true_false\",\"stem\":\"对吗？\",\"answer\":true}")
                .post("/api/questions").then().statusCode(201);
        noStore(admin().get("/api/questions?set=t-cache"), 200);
        noStore(admin().get("/api/questions/t-cache-1"), 200);
        noStore(admin().get("/api/question-sets/t-cache"), 200);
        noStore(admin().get("/api/question-sets/t-cache/export?format=csv"), 200);
        noStore(admin().get("/api/question-sets/t-cache/export?format=json"), 200);
        noStore(given().auth().preemptive().basic("admin", io.jingda.TestAuth.ADMIN_PASSWORD)
                .multiPart("file", "a.gift", "::G:: 对吗？ {T}\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/imports"), 200);
        Response created = admin().body(Map.of("title", "缓存", "questionIds", List.of("t-cache-1"))).post("/api/contests");
        noStore(created, 201);
        noStore(admin().get("/api/contests/" + created.path("id")), 200);
        noStore(admin().get("/api/contests"), 200);
        // errors too: a 404, a 400 and an unauthenticated call
        noStore(admin().get("/api/questions/t-cache-none"), 404);
        noStore(admin().get("/api/questions?page=x"), 400);
        noStore(given().get("/api/questions"), 401);
    }
}
