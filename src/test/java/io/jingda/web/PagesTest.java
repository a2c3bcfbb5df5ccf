package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Page routes, form login with the session cookie, the CSRF guard, logout; API clients unaffected. */
@QuarkusTest
class PagesTest {

    /** Signs in through the login form; returns {session cookie, csrf token}. */
    static String[] signIn(String user, String password) {
        String csrf = RestAssured.given().get("/login").then().statusCode(200).extract().cookie("jingda-csrf");
        Response r = RestAssured.given().redirects().follow(false).cookie("jingda-csrf", csrf).header("X-CSRF-Token", csrf)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
        r.then().statusCode(302);
        String session = r.cookie("quarkus-credential");
        org.assertj.core.api.Assertions.assertThat(session).isNotBlank();
        return new String[]{session, csrf};
    }

    @Test
    void publicPagesAreServed() {
        RestAssured.get("/").then().statusCode(200).body(containsString("/static/play.js"));
        RestAssured.get("/join/123456").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'")).body(containsString("/static/play.js"));
        RestAssured.get("/screen/123456").then().statusCode(200).body(containsString("/static/screen.js"));
        RestAssured.get("/static/i18n/zh-CN.json").then().statusCode(200).body("'app.name'", equalTo("竞答"));
        RestAssured.get("/qr/join/123456.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .body(startsWith("<svg"));
        RestAssured.get("/qr/join/abc.svg").then().statusCode(404);
    }

    @Test
    void theEntryPageHasTheSameHeadersAndBodyAsTheJoinPage() {
        Response join = RestAssured.get("/join/123456");
        for (String path : new String[]{"/", "/index.html"}) {
            Response r = RestAssured.get(path);
            r.then().statusCode(200).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", equalTo(join.header("Content-Security-Policy")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Cache-Control", containsString("no-store"))
                    .body(equalTo(join.body().asString()));
        }
    }

    @Test
    void staffPagesSendAnonymousBrowsersToTheLoginPage() {
        RestAssured.given().redirects().follow(false).get("/host").then().statusCode(303)
                .header("Location", containsString("/login?next=/host"));
        RestAssured.given().redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", containsString("/login?next=/admin"));
    }

    @Test
    void formLoginGivesASessionForPagesAndTheirRestCalls() {
        String[] s = signIn("admin", TestAuth.ADMIN_PASSWORD);
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/host").then().statusCode(200)
                .body(containsString("/static/host.js"));
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/admin").then().statusCode(200);
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/api/session").then().statusCode(200)
                .body("username", equalTo("admin"));
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/api/catalog/sets").then().statusCode(200);
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() {
        String csrf = RestAssured.given().get("/login").then().extract().cookie("jingda-csrf");
        Response r = RestAssured.given().redirects().follow(false).cookie("jingda-csrf", csrf).header("X-CSRF-Token", csrf)
                .formParam("j_username", "admin").formParam("j_password", "nope").post("/j_security_check");
        // the login page shows the error either way (it reads the status or the error page's address)
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).isIn(302, 401);
        org.assertj.core.api.Assertions.assertThat(r.cookie("quarkus-credential")).isNull();
        // never a Basic challenge here: Chromium would put its own login prompt in front of the page's error
        org.assertj.core.api.Assertions.assertThat(r.header("WWW-Authenticate")).isNull();
    }

    @Test
    void aWrongRoleGetsTheForbiddenPage() {
        TestAuth.account("pages-organizer", "organizer");
        String[] s = signIn("pages-organizer", "pages-organizer-password");
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/host").then().statusCode(403)
                .body(containsString("forbidden.js"));
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/admin").then().statusCode(200);
    }

    @Test
    void sessionRequestsThatChangeStateNeedTheCsrfToken() {
        String[] s = signIn("admin", TestAuth.ADMIN_PASSWORD);
        String body = "{\"title\":\"csrf\",\"draw\":{\"sets\":[\"liaoning\"],\"count\":1,\"seed\":1}}";
        // no token: refused before anything happens
        RestAssured.given().cookie("quarkus-credential", s[0]).contentType("application/json").body(body)
                .post("/api/contests").then().statusCode(403).body("code", equalTo("CSRF"));
        // a token that does not match the cookie
        RestAssured.given().cookie("quarkus-credential", s[0]).cookie("jingda-csrf", s[1]).header("X-CSRF-Token", "forged")
                .contentType("application/json").body(body).post("/api/contests").then().statusCode(403);
        // the page's token
        RestAssured.given().cookie("quarkus-credential", s[0]).cookie("jingda-csrf", s[1]).header("X-CSRF-Token", s[1])
                .contentType("application/json").body(body).post("/api/contests").then().statusCode(201);
        // a forged sign-in (no token) never reaches the login mechanism
        RestAssured.given().redirects().follow(false).formParam("j_username", "admin")
                .formParam("j_password", TestAuth.ADMIN_PASSWORD).post("/j_security_check").then().statusCode(403);
    }

    @Test
    void apiClientsWithBasicAuthNeedNoToken() {
        TestAuth.admin().body("{\"title\":\"basic\",\"draw\":{\"sets\":[\"liaoning\"],\"count\":1,\"seed\":1}}")
                .post("/api/contests").then().statusCode(201);
        RestAssured.given().contentType("application/json").body("{}").post("/api/contests").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic")).body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void theHostSocketAcceptsTheBrowserSession() throws Exception {
        long id = TestAuth.admin().body("{\"title\":\"ws\",\"draw\":{\"sets\":[\"liaoning\"],\"count\":1,\"seed\":1}}")
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200);
        String[] s = signIn("admin", TestAuth.ADMIN_PASSWORD);
        java.util.concurrent.CompletableFuture<String> first = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "quarkus-credential=" + s[0])
                .buildAsync(java.net.URI.create("ws://localhost:" + RestAssured.port + "/ws/host/" + id),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                                first.complete(data.toString());
                                return null;
                            }
                        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        org.assertj.core.api.Assertions.assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("\"type\":\"state\"");
        ws.abort();
    }

    @Test
    void logoutEndsTheSession() {
        String[] s = signIn("admin", TestAuth.ADMIN_PASSWORD);
        Response r = RestAssured.given().redirects().follow(false).cookie("quarkus-credential", s[0])
                .cookie("jingda-csrf", s[1]).header("X-CSRF-Token", s[1]).post("/logout");
        r.then().statusCode(303).header("Location", containsString("/login"));
        org.assertj.core.api.Assertions.assertThat(r.getDetailedCookie("quarkus-credential").getMaxAge()).isZero();
    }

    @Test
    void logoutRevokesTheSessionOnTheServerForGetAndPost() {
        String[] saved = signIn("admin", TestAuth.ADMIN_PASSWORD);
        String[] other = signIn("admin", TestAuth.ADMIN_PASSWORD);
        RestAssured.given().cookie("quarkus-credential", saved[0]).get("/api/session").then().statusCode(200);
        RestAssured.given().redirects().follow(false).cookie("quarkus-credential", saved[0])
                .cookie("jingda-csrf", saved[1]).header("X-CSRF-Token", saved[1]).post("/logout").then().statusCode(303);
        // the saved cookie, replayed: refused, and never with a Basic challenge (it rides on a session)
        Response replayed = RestAssured.given().cookie("quarkus-credential", saved[0]).get("/api/session");
        replayed.then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.nullValue())
                .body("code", equalTo("UNAUTHORIZED")).body("message", containsString("session has ended"));
        // and the browser is told to drop it
        org.assertj.core.api.Assertions.assertThat(replayed.getDetailedCookie("quarkus-credential").getMaxAge()).isZero();
        RestAssured.given().cookie("quarkus-credential", saved[0]).cookie("jingda-csrf", saved[1])
                .header("X-CSRF-Token", saved[1]).contentType("application/json")
                .body("{\"title\":\"after logout\",\"draw\":{\"sets\":[\"liaoning\"],\"count\":1,\"seed\":1}}")
                .post("/api/contests").then().statusCode(401);
        RestAssured.given().redirects().follow(false).cookie("quarkus-credential", saved[0]).get("/host").then()
                .statusCode(303).header("Location", containsString("/login"));
        // signing out ends the account's other sessions too
        RestAssured.given().cookie("quarkus-credential", other[0]).get("/api/session").then().statusCode(401);
        // and a new sign-in works
        String[] again = signIn("admin", TestAuth.ADMIN_PASSWORD);
        RestAssured.given().cookie("quarkus-credential", again[0]).get("/api/session").then().statusCode(200);
    }

    @Test
    void aPasswordResetRevokesTheAccountsSessions() {
        TestAuth.account("pages-reset", "host");
        String[] s = signIn("pages-reset", "pages-reset-password");
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/api/session").then().statusCode(200);
        TestAuth.admin().body("{\"password\":\"a-new-password\"}").put("/api/accounts/pages-reset/password")
                .then().statusCode(204);
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/api/session").then().statusCode(401);
        TestAuth.as("pages-reset", "pages-reset-password").get("/api/session").then().statusCode(401);
        TestAuth.as("pages-reset", "a-new-password").get("/api/session").then().statusCode(200);
        TestAuth.admin().body("{\"password\":\"short\"}").put("/api/accounts/pages-reset/password")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        TestAuth.admin().body("{\"password\":\"a-new-password\"}").put("/api/accounts/nobody-here/password")
                .then().statusCode(404);
        TestAuth.admin().body("{\"password\":\"pages-reset-password\"}").put("/api/accounts/pages-reset/password")
                .then().statusCode(204);
    }

    @Test
    void changingOnesOwnPasswordRevokesTheAccountsSessions() {
        TestAuth.account("pages-change", "host");
        String[] s = signIn("pages-change", "pages-change-password");
        RestAssured.given().cookie("quarkus-credential", s[0]).cookie("jingda-csrf", s[1]).header("X-CSRF-Token", s[1])
                .contentType("application/json").body("{\"currentPassword\":\"not-it-at-all\",\"password\":\"changed-password\"}")
                .put("/api/session/password").then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        RestAssured.given().cookie("quarkus-credential", s[0]).cookie("jingda-csrf", s[1]).header("X-CSRF-Token", s[1])
                .contentType("application/json")
                .body("{\"currentPassword\":\"pages-change-password\",\"password\":\"changed-password\"}")
                .put("/api/session/password").then().statusCode(204);
        RestAssured.given().cookie("quarkus-credential", s[0]).get("/api/session").then().statusCode(401);
        TestAuth.as("pages-change", "changed-password").get("/api/session").then().statusCode(200);
        TestAuth.as("pages-change", "changed-password")
                .body("{\"currentPassword\":\"changed-password\",\"password\":\"pages-change-password\"}")
                .put("/api/session/password").then().statusCode(204);
    }

    @Test
    void thePagesCallsNeverGetABasicChallenge() {
        // the pages' fetches send X-Requested-With; a stale session cookie counts too
        RestAssured.given().header("X-Requested-With", "XMLHttpRequest").get("/api/session").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        RestAssured.given().cookie("quarkus-credential", "stale").get("/api/session").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        RestAssured.given().header("X-Requested-With", "XMLHttpRequest").contentType("application/json").body("{}")
                .post("/api/contests").then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        String csrf = RestAssured.given().get("/login").then().extract().cookie("jingda-csrf");
        Response wrong = RestAssured.given().redirects().follow(false).cookie("jingda-csrf", csrf).header("X-CSRF-Token", csrf)
                .header("X-Requested-With", "XMLHttpRequest")
                .formParam("j_username", "admin").formParam("j_password", "nope").post("/j_security_check");
        org.assertj.core.api.Assertions.assertThat(wrong.header("WWW-Authenticate")).isNull();
        // API clients keep the challenge
        RestAssured.given().get("/api/session").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
    }
}
