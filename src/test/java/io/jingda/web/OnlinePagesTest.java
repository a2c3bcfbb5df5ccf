package io.jingda.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The participant's pages of a self-paced contest are served like the play page: CSP, no-store, nosniff, no cookie. */
@QuarkusTest
class OnlinePagesTest {
    @Test
    void theContestCertificateAndRankingPagesHaveThePlayPagesHeaders() {
        Response play = RestAssured.get("/join/123456");
        String[][] pages = {{"/s/123456", "/static/online.js"}, {"/s/123456/certificate", "/static/certificate.js"},
            {"/s/123456/ranking", "/static/ranking-public.js"}};
        for (String[] p : pages) {
            RestAssured.get(p[0]).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Content-Security-Policy", equalTo(play.header("Content-Security-Policy")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Cache-Control", containsString("no-store"))
                    .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                    .body(containsString(p[1])).body(containsString("/static/online.css")).body(not(containsString("<script>")));
        }
        RestAssured.get("/static/online.js").then().statusCode(200);
        RestAssured.get("/static/selfapi.js").then().statusCode(200);
    }
}
