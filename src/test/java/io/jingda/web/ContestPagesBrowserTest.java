package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole contest in a real browser: the host signs in and runs it from the console, three
 * participants play on phone-sized pages, the big screen follows. Also: a reload mid-contest.
 */
@QuarkusTest
class ContestPagesBrowserTest {
    /** Markup that would run a script if it were ever inserted as HTML (20 characters, the nickname limit). */
    static final String XSS = "<svg onload=alert()>";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void wholeContestWithHostScreenAndThreeParticipants() {
        try (Browser b = Browser.start(base.toString())) {
            b.run("contest", () -> wholeContest(b));
        }
    }

    private void wholeContest(Browser b) {
        {
            // ---- the host signs in and creates a contest from the seeded bank
            String host = b.open("/host");
            b.desktop();
            b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
            b.click(By.id("new-contest"));
            b.await(By.id("title")).sendKeys("浏览器测试赛");
            b.await(By.cssSelector("input[name=draw-set][value=liaoning]")).click();
            b.driver.findElement(By.cssSelector("input[name=draw-type][value=single]")).click();
            WebElement count = b.driver.findElement(By.id("draw-count"));
            count.clear();
            count.sendKeys("2");
            b.driver.findElement(By.id("draw-seed")).sendKeys("7");
            b.driver.findElement(By.id("time-limit")).sendKeys("90");
            new Select(b.driver.findElement(By.id("scoring-mode"))).selectByValue("accuracy");
            b.shot("host-new-desktop");
            b.driver.findElement(By.id("create")).click();
            String code = b.await(By.id("join-code")).getText();
            assertThat(code).matches("\\d{6}");
            long contestId = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*#contest=(\\d+).*", "$1"));
            JsonPath contest = TestAuth.admin().get("/api/contests/" + contestId).then().statusCode(200).extract().jsonPath();
            assertThat(contest.getString("status")).isEqualTo("LOBBY");
            List<Map<String, Object>> questions = contest.getList("questions");
            assertThat(questions).hasSize(2);

            // ---- the big screen and three participants
            String screen = b.open("/screen/" + code);
            b.desktop();
            b.await(By.id("screen-code"));
            String alice = join(b, code, "Alice");
            String xss = join(b, code, XSS);
            String ming = join(b, code, "小明");
            List<String> players = List.of(alice, xss, ming);

            for (String p : players) {
                b.to(p).awaitText(By.id("lobby-count"), "3");
            }
            b.to(screen).awaitText(By.id("screen-count"), "3");
            b.shot("screen-lobby-desktop");
            b.to(alice).shot("play-lobby-phone");
            b.to(host).awaitText(By.id("host-count"), "3");
            b.await(By.id("people"));
            assertThat(b.driver.findElement(By.id("people")).getText()).contains(XSS, "Alice", "小明");
            b.shot("host-lobby-desktop");

            // ---- question 1: Alice and XSS right, Ming wrong
            b.to(host).click(By.id("act-start"));
            for (String p : players) {
                b.to(p).await(By.id("stem"));
                assertThat(secondsLeft(b)).isBetween(1, 90);
            }
            b.to(screen).await(By.id("stem"));
            assertThat(secondsLeft(b)).isBetween(1, 90);
            b.to(host).await(By.id("stem"));
            b.to(alice).shot("play-question-phone");
            b.to(screen).shot("screen-question-desktop");
            answer(b, alice, questions.get(0), true);
            answer(b, xss, questions.get(0), true);
            answer(b, ming, questions.get(0), false);
            b.to(alice).shot("play-locked-phone");
            b.to(host).awaitText(By.id("host-answered"), "3 / 3");
            b.shot("host-question-desktop");

            b.to(host).click(By.id("act-reveal"));
            expectResult(b, alice, true, 1);
            expectResult(b, xss, true, 2);
            expectResult(b, ming, false, 3);
            b.to(alice).shot("play-reveal-right-phone");
            b.to(ming).shot("play-reveal-wrong-phone");
            b.to(screen).await(By.id("distribution"));
            assertThat(b.all(By.cssSelector("#distribution .chart .bar"))).isNotEmpty();
            assertThat(b.all(By.cssSelector(".opt[data-correct=true]"))).hasSize(1);
            b.shot("screen-reveal-desktop");

            b.to(host).click(By.id("act-leaderboard"));
            b.to(screen).await(By.id("screen-board"));
            b.until(d -> d.findElements(By.cssSelector("#screen-board li")).size() == 3, "three on the screen's board");
            List<String> order = b.all(By.cssSelector("#screen-board li .name")).stream().map(WebElement::getText).toList();
            assertThat(order).containsExactly("Alice", XSS, "小明");
            b.shot("screen-leaderboard-desktop");
            b.to(ming).await(By.cssSelector(".board li.me"));
            assertThat(b.driver.findElement(By.cssSelector(".board li.me .name")).getText()).isEqualTo("小明");
            // the leaderboard repeats the participant's result of the question
            assertThat(b.driver.findElement(By.id("my-result")).getAttribute("data-correct")).isEqualTo("false");
            assertThat(b.driver.findElement(By.id("my-result")).getText()).contains("✗");
            b.shot("play-leaderboard-phone");

            // ---- question 2: Alice and XSS right again, Ming wrong
            b.to(host).click(By.id("act-next"));
            for (String p : players) {
                b.to(p).awaitText(By.cssSelector(".topline"), "2");
                b.await(By.id("stem"));
            }
            answer(b, alice, questions.get(1), true);
            answer(b, xss, questions.get(1), true);
            answer(b, ming, questions.get(1), false);
            b.to(host).awaitText(By.id("host-answered"), "3 / 3");
            b.click(By.id("act-reveal"));
            expectResult(b, alice, true, 1);
            b.to(host).click(By.id("act-finish"));

            // ---- the podium everywhere
            b.to(alice).awaitText(By.id("final-rank"), "1");
            b.to(xss).awaitText(By.id("final-rank"), "2");
            b.to(ming).awaitText(By.id("final-rank"), "3");
            b.to(alice).shot("play-final-phone");
            b.to(screen).await(By.id("screen-podium"));
            assertThat(b.driver.findElement(By.cssSelector("#screen-podium [data-rank='1'] .who")).getText()).isEqualTo("Alice");
            assertThat(b.driver.findElement(By.cssSelector("#screen-podium [data-rank='2'] .who")).getText()).isEqualTo(XSS);
            assertThat(b.driver.findElement(By.cssSelector("#screen-podium [data-rank='3'] .who")).getText()).isEqualTo("小明");
            b.shot("screen-podium-desktop");
            b.to(host).await(By.id("results"));
            b.shot("host-finished-desktop");

            // ---- the organizer page's past contest: standings and per-question charts
            String results = b.open("/admin#contest=" + contestId);
            b.desktop();
            b.await(By.id("standings"));
            List<String> names = b.all(By.cssSelector("#standings tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList();
            assertThat(names).containsExactly("Alice", XSS, "小明");
            assertThat(b.all(By.cssSelector(".hbar"))).isNotEmpty();
            b.shot("admin-results-desktop");
            b.phone().shot("admin-results-phone");

            // ---- the nickname was text everywhere; no script ran
            for (String w : List.of(host, screen, alice, xss, ming, results)) {
                b.to(w);
                assertThat(b.alertShown()).isFalse();
                assertThat(b.all(By.cssSelector("[onload], [onerror], svg"))).isEmpty();
            }
            b.to(xss);
            assertThat(b.driver.findElement(By.cssSelector(".topline .pill")).getText()).isEqualTo(XSS);

            // ---- the same pages at the other size, and in English
            b.to(alice).desktop().shot("play-final-desktop");
            b.to(screen).phone().shot("screen-podium-phone");
            b.to(host).phone().shot("host-finished-phone");
            b.to(alice).phone();
            b.driver.findElement(By.cssSelector("button.lang")).click();
            b.awaitText(By.id("final-rank"), "You finished #1");
            b.shot("play-final-phone-en");
        }
    }

    @Test
    void aReloadedParticipantPageResumesWhereTheContestIs() {
        JsonPath c = TestAuth.admin().body("""
                {"title":"重连测试","draw":{"sets":["liaoning"],"types":["single"],"count":2,"seed":3},
                 "timeLimit":120,"scoring":{"mode":"accuracy","streakBonus":false}}""")
                .post("/api/contests").then().statusCode(201).extract().jsonPath();
        long id = c.getLong("id");
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
        List<Map<String, Object>> questions = TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath()
                .getList("questions");
        try (Browser b = Browser.start(base.toString())) {
            String p = join(b, code, "Reloader");
            b.awaitText(By.id("lobby-count"), "1");
            b.driver.navigate().refresh();
            b.awaitText(By.id("lobby-count"), "1");
            assertThat(b.all(By.id("nickname"))).isEmpty();

            TestAuth.admin().post("/api/contests/" + id + "/actions/start").then().statusCode(200);
            answer(b, p, questions.get(0), true);
            b.driver.navigate().refresh();
            // resumes on the same question, still locked in, without asking for the nickname
            b.await(By.id("locked"));
            assertThat(b.driver.findElement(By.id("stem")).getText()).isEqualTo(questions.get(0).get("stem"));
            assertThat(b.all(By.id("nickname"))).isEmpty();
            b.shot("play-resumed-phone");

            TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
            expectResult(b, p, true, 1);
            b.driver.navigate().refresh();
            b.await(By.id("result"));
            assertThat(b.driver.findElement(By.id("result")).getAttribute("data-correct")).isEqualTo("true");
            TestAuth.admin().post("/api/contests/" + id + "/actions/finish").then().statusCode(200);
            b.awaitText(By.id("final-rank"), "1");
        }
    }

    private static String join(Browser b, String code, String nickname) {
        String handle = b.open("/join/" + code);
        b.phone();
        b.await(By.id("nickname")).sendKeys(nickname);
        if (handle != null && b.driver.findElement(By.id("code")).getAttribute("value").isEmpty()) {
            b.driver.findElement(By.id("code")).sendKeys(code);
        }
        b.shot("play-join-phone");
        b.driver.findElement(By.id("join-btn")).click();
        b.await(By.id("lobby-count"));
        return handle;
    }

    private static int secondsLeft(Browser b) {
        return Integer.parseInt(b.await(By.cssSelector("[data-timer] .num")).getText().trim());
    }

    /** Clicks the right (or a wrong) option of a single-choice question and waits for the lock. */
    @SuppressWarnings("unchecked")
    private static void answer(Browser b, String window, Map<String, Object> question, boolean right) {
        List<String> correct = (List<String>) question.get("answer");
        List<Map<String, Object>> options = (List<Map<String, Object>>) question.get("options");
        String pick = options.stream().map(o -> (String) o.get("id")).filter(id -> correct.contains(id) == right)
                .findFirst().orElseThrow();
        b.to(window).click(By.cssSelector("button[data-option='" + pick + "']"));
        b.await(By.id("locked"));
    }

    private static void expectResult(Browser b, String window, boolean correct, int rank) {
        b.to(window).await(By.id("result"));
        b.until(d -> String.valueOf(correct).equals(d.findElement(By.id("result")).getAttribute("data-correct")),
                "result " + correct);
        b.awaitText(By.id("rank"), String.valueOf(rank));
        assertThat(b.driver.findElement(By.id("result")).getText()).contains(correct ? "✓" : "✗");
    }
}
