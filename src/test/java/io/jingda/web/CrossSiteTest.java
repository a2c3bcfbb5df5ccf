package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A page of another site may not change anything with the credentials a browser holds for this one:
 * cached Basic credentials (sent even on a form post from another site) or the session cookie.
 */
@QuarkusTest
class CrossSiteTest {
    private static final String EVIL = "https://evil.example";

    private static String own() {
        return "http://localhost:" + RestAssured.port;
    }

    private static long openContest() {
        long id = TestAuth.admin().body("{\"title\":\"xs\",\"draw\":{\"sets\":[\"liaoning\"],\"count\":1,\"seed\":1}}")
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200);
        return id;
    }

    @Test
    void aFormPostWithBasicFromAnotherSiteIsRefused() {
        long id = openContest();
        RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD).header("Origin", EVIL)
                .contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/api/contests/" + id + "/actions/start").then().statusCode(403).body("code", equalTo("CROSS_SITE"));
        // no Origin, a foreign Referer
        RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD)
                .header("Referer", EVIL + "/attack.html").contentType("application/x-www-form-urlencoded")
                .formParam("x", "1").post("/api/contests/" + id + "/actions/start").then().statusCode(403);
        TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).body("status", not(equalTo("running")));
        // from this server's own page it goes through
        RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD).header("Origin", own())
                .contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/api/contests/" + id + "/actions/start").then().statusCode(200);
    }

    @Test
    void aMultipartImportWithBasicFromAnotherSiteIsRefused() {
        RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD).header("Origin", EVIL)
                .multiPart("file", "x.csv", "stem,answer\nq,a\n".getBytes()).multiPart("mode", "commit")
                .multiPart("newSetTitle", "cross-site").post("/api/imports").then().statusCode(403)
                .body("code", equalTo("CROSS_SITE"));
        TestAuth.admin().get("/api/question-sets").then().statusCode(200)
                .body("title", not(org.hamcrest.Matchers.hasItem("cross-site")));
    }

    @Test
    void theSessionCookieFromAnotherSiteIsRefusedEvenWithTheToken() {
        String[] s = PagesTest.signIn("admin", TestAuth.ADMIN_PASSWORD);
        RestAssured.given().cookie("quarkus-credential", s[0]).cookie("jingda-csrf", s[1]).header("X-CSRF-Token", s[1])
                .header("Origin", "null").redirects().follow(false).post("/logout").then().statusCode(403)
                .body("code", equalTo("CROSS_SITE"));
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/api/session").then().statusCode(200);
    }

    @Test
    void requestsWithoutCredentialsAndApiClientsAreNotAffected() {
        // a participant's join from anywhere carries no credentials: it reaches the join rules
        RestAssured.given().header("Origin", EVIL).contentType("application/json")
                .body("{\"code\":\"000000\",\"nickname\":\"x\"}").post("/api/join").then()
                .statusCode(not(equalTo(403)));
        // an API client sends neither Origin nor Referer
        TestAuth.admin().body("{\"title\":\"api\",\"draw\":{\"sets\":[\"liaoning\"],\"count\":1,\"seed\":1}}")
                .post("/api/contests").then().statusCode(201);
        // reading is never refused
        RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD).header("Origin", EVIL)
                .get("/api/session").then().statusCode(200);
    }

    @Test
    void theHostSocketRefusesAnotherSitesPage() throws Exception {
        long id = openContest();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + TestAuth.ADMIN_PASSWORD).getBytes());
        URI uri = URI.create("ws://localhost:" + RestAssured.port + "/ws/host/" + id);
        WebSocket.Listener quiet = new WebSocket.Listener() {
        };
        CompletableFuture<WebSocket> foreign = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", basic).header("Origin", EVIL).buildAsync(uri, quiet);
        assertThatThrownBy(() -> foreign.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", basic)
                .header("Origin", own()).buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertThat(first.get(10, TimeUnit.SECONDS)).contains("\"type\":\"state\"");
        ws.abort();
    }
}
