package io.jingda.web;

import io.jingda.TestAuth;
import io.jingda.system.BehindProxyProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a TLS proxy (X-Forwarded-Proto: https under quarkus.http.proxy.*) every cookie is Secure; over HTTP not. */
@QuarkusTest
@TestProfile(BehindProxyProfile.class)
class SecureCookieTest {

    private static Response signIn(String proto) {
        Response page = RestAssured.given().header("X-Forwarded-Proto", proto).header("X-Forwarded-For", "10.9.0.1")
                .get("/login");
        String csrf = page.cookie("jingda-csrf");
        assertThat(page.getDetailedCookie("jingda-csrf").isSecured()).isEqualTo(proto.equals("https"));
        return RestAssured.given().header("X-Forwarded-Proto", proto).header("X-Forwarded-For", "10.9.0.1")
                .redirects().follow(false).cookie("jingda-csrf", csrf).header("X-CSRF-Token", csrf)
                .formParam("j_username", "admin").formParam("j_password", TestAuth.ADMIN_PASSWORD)
                .post("/j_security_check");
    }

    @Test
    void cookiesAreSecureOverHttps() {
        Response r = signIn("https");
        r.then().statusCode(302);
        assertThat(r.getDetailedCookie("quarkus-credential").isSecured()).isTrue();
        String csrf = RestAssured.given().get("/login").cookie("jingda-csrf");
        Response out = RestAssured.given().header("X-Forwarded-Proto", "https").redirects().follow(false)
                .cookie("quarkus-credential", r.cookie("quarkus-credential")).cookie("jingda-csrf", csrf)
                .header("X-CSRF-Token", csrf).post("/logout");
        out.then().statusCode(303);
        assertThat(out.getDetailedCookie("quarkus-credential").isSecured()).isTrue();
    }

    @Test
    void cookiesAreNotSecureOverHttp() {
        Response r = signIn("http");
        r.then().statusCode(302);
        assertThat(r.getDetailedCookie("quarkus-credential").isSecured()).isFalse();
    }
}
