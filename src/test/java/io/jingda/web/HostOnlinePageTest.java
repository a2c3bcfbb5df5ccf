package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/** The console's online view, /host/online/{id}: the same sign-in rule and headers as /host. */
@QuarkusTest
class HostOnlinePageTest {
    @Test
    void anAnonymousBrowserIsSentToSignInAndBack() {
        RestAssured.given().redirects().follow(false).get("/host/online/42").then().statusCode(303)
                .header("Location", containsString("/login?next=/host/online/42"));
    }

    @Test
    void aHostGetsTheShellWithItsHeaders() {
        TestAuth.account("online-page-host", "host").redirects().follow(false).get("/host/online/42").then()
                .statusCode(200)
                .body(containsString("/static/host-online.js"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Cache-Control", containsString("no-store"));
    }

    @Test
    void anOrganizerWithoutTheHostRoleGetsTheForbiddenPage() {
        TestAuth.account("online-page-organizer", "organizer").redirects().follow(false).get("/host/online/42").then()
                .statusCode(403);
    }

    @Test
    void theQrCodeOfALinkIsAnSvgAndOtherTextIsRefused() {
        RestAssured.given().queryParam("text", "http://localhost:8080/s/123456").get("/qr").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).body(containsString("<svg"));
        RestAssured.given().queryParam("text", "javascript:alert(1)").get("/qr").then().statusCode(400);
        RestAssured.given().queryParam("text", "https://x/" + "a".repeat(600)).get("/qr").then().statusCode(400);
        RestAssured.given().get("/qr").then().statusCode(400);
    }
}
