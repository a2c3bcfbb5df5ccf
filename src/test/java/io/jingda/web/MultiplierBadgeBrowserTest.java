package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: the phone, the projector and the host console show a question's multiplier ("练习" for x0, "x2")
 * before the question opens (the next question in the lobby and after the reveal) and while it is open.
 */
@QuarkusTest
class MultiplierBadgeBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void thePhoneTheScreenAndTheHostShowPracticeAndDouble() {
        long id = TestAuth.admin().body("""
                {"title":"加倍","draw":{"sets":["liaoning"],"types":["single"],"count":3,"seed":11},
                 "timeLimit":120,"scoring":{"mode":"accuracy"},"multipliers":{"0":0,"1":2}}""")
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
        try (Browser b = Browser.start(base.toString())) {
            b.run("multiplier-badges", () -> {
                String phone = b.open("/join/" + code);
                b.phone();
                b.await(By.id("nickname")).sendKeys("倍数");
                if (b.driver.findElement(By.id("code")).getAttribute("value").isEmpty()) {
                    b.driver.findElement(By.id("code")).sendKeys(code);
                }
                b.driver.findElement(By.id("join-btn")).click();
                b.await(By.id("lobby-count"));
                // before question 1 opens: it is practice
                b.awaitText(By.id("next-mult"), "练习");
                assertThat(b.driver.findElement(By.id("next-mult")).getText()).contains("第 1 题");
                String screen = b.open("/screen/" + code);
                b.awaitText(By.id("next-mult"), "练习");
                String host = b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#contest=" + id);
                b.awaitText(By.id("next-mult"), "练习");

                TestAuth.admin().post("/api/contests/" + id + "/actions/start").then().statusCode(200);
                b.to(phone).awaitText(By.id("q-mult"), "练习");
                assertThat(b.driver.findElement(By.id("q-mult")).getAttribute("data-multiplier")).isEqualTo("0");
                b.to(screen).awaitText(By.id("q-mult"), "练习");
                b.to(host).awaitText(By.id("q-mult"), "练习");

                TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
                // after the reveal: the next question is double
                b.to(phone).awaitText(By.id("next-mult"), "x2");
                b.shot("play-next-double-phone");
                b.to(screen).awaitText(By.id("next-mult"), "x2");
                b.shot("screen-next-double");
                TestAuth.admin().post("/api/contests/" + id + "/actions/next").then().statusCode(200);
                b.to(phone).awaitText(By.id("q-mult"), "x2");
                b.to(screen).awaitText(By.id("q-mult"), "x2");
                b.to(host).awaitText(By.id("q-mult"), "x2");

                // the third question is plain: no badge on it, and none announced after it
                TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
                b.to(phone).await(By.id("result"));
                assertThat(b.all(By.id("next-mult"))).isEmpty();
                TestAuth.admin().post("/api/contests/" + id + "/actions/next").then().statusCode(200);
                b.to(phone).until(d -> d.findElements(By.id("q-mult")).isEmpty()
                        && !d.findElements(By.id("stem")).isEmpty(), "the plain question without a badge");
            });
        }
    }

    @Test
    void theHostPicksAMultiplierForAPickedQuestion() {
        try (Browser b = Browser.start(base.toString())) {
            b.run("multiplier-pick", () -> {
                b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#new");
                b.await(By.id("new-form"));
                b.driver.findElement(By.cssSelector("#new-form input")).sendKeys("选倍数");
                b.click(By.cssSelector("input[name='source'][value='pick']"));
                new Select(b.await(By.id("pick-set"))).selectByValue("liaoning");
                b.click(By.id("pick-search"));
                for (String id : List.of("liaoning-001", "liaoning-010")) {
                    b.click(By.cssSelector("input[data-qid='" + id + "']"));
                }
                b.until(d -> d.findElements(By.cssSelector("#picked select.mult-pick")).size() == 2, "two picked");
                new Select(b.driver.findElement(By.cssSelector("#picked select[data-qid='liaoning-001']")))
                        .selectByValue("0");
                new Select(b.driver.findElement(By.cssSelector("#picked select[data-qid='liaoning-010']")))
                        .selectByValue("2");
                b.shot("host-multiplier-pick-desktop");
                b.click(By.id("create"));
                b.until(d -> {
                    if (b.alertShown()) {
                        d.switchTo().alert().accept(); // a related pair: confirmed
                    }
                    return d.getCurrentUrl().contains("#contest=");
                }, "the console of the new contest");
                long id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*#contest=", ""));
                var c = TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath();
                assertThat(c.getList("questions.bankId", String.class)).containsExactly("liaoning-001", "liaoning-010");
                assertThat(c.getList("questions.multiplier", Double.class)).containsExactly(0.0, 2.0);
                // the console names what comes first: a practice question
                b.awaitText(By.id("next-mult"), "练习");
            });
        }
    }
}
