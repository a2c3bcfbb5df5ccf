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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-paced online contest on a phone (/s/{code}, docs/online.md): register with a unit from the list,
 * answer a whole attempt with right and wrong shown after each question, see the result and the review;
 * a second attempt reloaded mid-question resumes on the same question with its original deadline; a question
 * left to run out moves on by the server's clock; the certificate and the public ranking.
 */
@QuarkusTest
class OnlineAttemptBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void aParticipantRegistersAnswersAnAttemptResumesAfterAReloadAndPrintsTheCertificate() {
        Contest c = create("""
                {"title":"党史知识网络答题","mode":"self-paced","draw":{"sets":["liaoning"],"types":["single"],"count":3,"seed":11},
                 "questionsPerAttempt":3,"timeLimit":120,"attemptsAllowed":2,"showAnswers":"afterEach",
                 "units":[{"name":"机关党委"},{"name":"第一支部","parent":"机关党委","headcount":10},{"name":"第二支部","parent":"机关党委","headcount":8}],
                 "publicRanking":{"persons":10,"units":true},%s}""");
        try (Browser b = Browser.start(base.toString())) {
            b.run("online-attempt", () -> {
                b.open("/s/" + c.code);
                b.phone(360, 640);
                b.awaitText(By.id("contest-title"), "党史知识网络答题");
                assertThat(b.driver.findElement(By.id("rules")).getText()).contains("每次 3 道题", "每题限时 120 秒", "可答 2 次");
                b.shot("online-home-360x640");

                // ---- register: a name and a unit from the list
                b.await(By.id("reg-name")).sendKeys("张三");
                new Select(b.driver.findElement(By.id("reg-unit"))).selectByValue("第一支部");
                b.click(By.id("register-btn"));
                b.awaitText(By.id("me-name"), "张三 · 第一支部");
                assertThat((String) b.js("return localStorage.getItem('jingda.online.device')")).matches("[0-9a-f]{32}");
                assertThat((String) b.js("return localStorage.getItem('jingda.online." + c.code + "')")).contains("token");

                // ---- a whole attempt: right, right, wrong
                b.click(By.id("start"));
                for (int i = 0; i < 3; i++) {
                    WebElement stem = b.await(By.cssSelector("#stem[data-position='" + i + "']"));
                    assertThat(b.driver.findElement(By.id("progress")).getText()).contains((i + 1) + "/3");
                    int secs = Integer.parseInt(b.await(By.cssSelector("[data-timer] .num")).getText().trim());
                    assertThat(secs).isBetween(100, 120);
                    if (i == 0) {
                        b.shot("online-question-360x640");
                    }
                    boolean right = i < 2;
                    String pick = c.pick(stem.getAttribute("data-question"), stem.getText(), right);
                    b.click(By.cssSelector("button[data-option='" + pick + "']"));
                    b.until(d -> String.valueOf(right).equals(d.findElement(By.id("ack")).getAttribute("data-correct")),
                            "the ack of question " + (i + 1) + " says " + right);
                    assertThat(b.driver.findElement(By.id("right-answer")).getText()).isNotBlank();
                    assertThat(b.all(By.cssSelector("#my-answer li[data-option='" + pick + "']"))).hasSize(1);
                    if (i == 0) {
                        assertThat(b.driver.findElement(By.id("source")).getText()).isNotBlank();
                        b.shot("online-ack-360x640");
                    }
                    b.click(By.id("next"));
                }

                // ---- the result: score, rank of N, unit rank, the review
                b.await(By.id("result"));
                assertThat(b.driver.findElement(By.id("result-correct")).getText()).contains("2 / 3");
                b.awaitText(By.id("result-rank"), "1 / 1");
                assertThat(b.driver.findElement(By.id("result-unit-rank")).getText()).startsWith("1 / ");
                assertThat(b.all(By.cssSelector("#review .review-item"))).hasSize(3);
                assertThat(b.all(By.cssSelector("#review .review-item[data-correct=true]"))).hasSize(2);
                b.awaitText(By.id("attempts-left"), "还剩 1 次");
                String firstScore = b.driver.findElement(By.id("result-score")).getText();
                b.shot("online-result-360x640");

                // ---- the second attempt, reloaded mid-question: the same question, its deadline not restarted
                b.click(By.id("again"));
                WebElement stem = b.await(By.cssSelector("#stem[data-position='0']"));
                String question = stem.getAttribute("data-question");
                String deadline = stem.getAttribute("data-deadline");
                int before = Integer.parseInt(b.await(By.cssSelector("[data-timer] .num")).getText().trim());
                b.driver.navigate().refresh();
                WebElement again = b.await(By.cssSelector("#stem[data-position='0']"));
                assertThat(again.getAttribute("data-question")).isEqualTo(question);
                assertThat(again.getAttribute("data-deadline")).isEqualTo(deadline);
                assertThat(Integer.parseInt(b.await(By.cssSelector("[data-timer] .num")).getText().trim())).isLessThanOrEqualTo(before);
                assertThat(b.all(By.id("reg-name"))).isEmpty();
                b.shot("online-resumed-360x640");

                // the network drops as the first answer goes out: the page sends it again, with the same requestId
                b.driver.executeCdpCommand("Network.enable", Map.of());
                b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                        "downloadThroughput", -1, "uploadThroughput", -1));
                b.click(By.cssSelector("button[data-option='" + c.pick(question, again.getText(), false) + "']"));
                b.awaitText(By.id("notice"), "网络不稳，正在重新提交");
                String requestId = (String) b.js("return JSON.parse(localStorage.getItem('jingda.online.pending." + c.code
                        + "')).requestId");
                b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                        "downloadThroughput", -1, "uploadThroughput", -1));
                assertThat(b.await(By.id("ack")).getAttribute("data-request")).isEqualTo(requestId);
                assertThat(b.driver.findElement(By.id("ack")).getAttribute("data-correct")).isEqualTo("false");
                b.click(By.id("next"));
                for (int i = 1; i < 3; i++) {
                    WebElement s = b.await(By.cssSelector("#stem[data-position='" + i + "']"));
                    b.click(By.cssSelector("button[data-option='" + c.pick(s.getAttribute("data-question"), s.getText(), false) + "']"));
                    b.await(By.id("ack"));
                    b.click(By.id("next"));
                }
                b.await(By.id("result"));
                b.awaitText(By.id("attempts-left"), "还剩 0 次");
                assertThat(b.all(By.id("again"))).isEmpty();

                // ---- at 390x844, in English
                b.phone(390, 844);
                b.click(By.id("to-home"));
                b.await(By.id("me"));
                b.driver.findElement(By.cssSelector("button.lang")).click();
                b.awaitText(By.id("rule-questions"), "3 questions per attempt");
                b.awaitText(By.id("no-start"), "You have used all your attempts");
                b.shot("online-home-en-390x844");

                // ---- the certificate: the best attempt's score, printable
                b.driver.get(b.base + "/s/" + c.code + "/certificate");
                b.awaitText(By.id("cert-name"), "张三");
                assertThat(b.driver.findElement(By.id("cert-unit")).getText()).isEqualTo("第一支部");
                assertThat(b.driver.findElement(By.id("cert-text")).getText()).contains("党史知识网络答题");
                assertThat(b.driver.findElement(By.id("cert-score")).getText()).contains(firstScore.replaceAll("\\D*(\\d+).*", "$1"));
                b.js("window.__printed = false; window.print = () => { window.__printed = true; };");
                b.click(By.id("print"));
                assertThat((Boolean) b.js("return window.__printed")).isTrue();
                b.shot("online-certificate-390x844");

                // ---- the public ranking
                b.driver.get(b.base + "/s/" + c.code + "/ranking");
                b.await(By.id("persons"));
                assertThat(b.driver.findElement(By.id("persons")).getText()).contains("张三", "第一支部");
                assertThat(b.driver.findElement(By.id("units")).getText()).contains("第一支部");
                b.shot("online-ranking-390x844");
            });
        }
    }

    @Test
    void aQuestionLeftToRunOutMovesOnByTheServersClock() {
        Contest c = create("""
                {"title":"限时测试","mode":"self-paced","draw":{"sets":["liaoning"],"types":["single"],"count":2,"seed":5},
                 "questionsPerAttempt":2,"timeLimit":5,"showAnswers":"afterAttempt","units":"free",%s}""");
        try (Browser b = Browser.start(base.toString())) {
            b.run("online-timeout", () -> {
                b.open("/s/" + c.code);
                b.phone(360, 640);
                b.await(By.id("reg-name")).sendKeys("李四");
                b.driver.findElement(By.id("reg-unit")).sendKeys("第一 支部");
                b.click(By.id("register-btn"));
                b.click(By.id("start"));
                b.await(By.cssSelector("#stem[data-position='0']"));
                // nothing answered: at 0 the page shows "time's up" and, once the server has moved on, the next one
                new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.cssSelector("#stem[data-position='1']")).isEmpty());
                assertThat(b.driver.findElement(By.id("notice")).getText()).contains("第 1 题时间到");
                WebElement s = b.driver.findElement(By.id("stem"));
                b.click(By.cssSelector("button[data-option='" + c.pick(s.getAttribute("data-question"), s.getText(), true) + "']"));
                // afterAttempt: no right or wrong on the way, the review with the result
                b.await(By.id("result"));
                assertThat(b.all(By.id("ack"))).isEmpty();
                assertThat(b.driver.findElement(By.id("result-correct")).getText()).contains("1 / 2");
                assertThat(b.all(By.cssSelector("#review .review-item"))).hasSize(2);

                // this contest's ranking is not public
                b.driver.get(b.base + "/s/" + c.code + "/ranking");
                b.await(By.id("not-public"));

                // a contest whose window opens tomorrow: no form, the opening time in words
                Contest later = create("""
                        {"title":"明天开始","mode":"self-paced","draw":{"sets":["liaoning"],"types":["single"],"count":2,"seed":5},
                         "questionsPerAttempt":2,%s}""", Instant.now().plus(Duration.ofDays(1)));
                b.driver.get(b.base + "/s/" + later.code);
                b.awaitText(By.id("not-open"), "答题还没开始");
                assertThat(b.driver.findElement(By.id("window-state")).getText()).contains("开始");
                assertThat(b.all(By.id("register"))).isEmpty();
                // and an unknown code
                b.driver.get(b.base + "/s/000000");
                b.awaitText(By.id("missing"), "没有这场答题");
            });
        }
    }

    /** A self-paced contest made through the API and scheduled with its window already open. */
    private static Contest create(String json) {
        return create(json, Instant.now().minus(Duration.ofHours(1)));
    }

    private static Contest create(String json, Instant opensAt) {
        String body = json.formatted("\"opensAt\":\"" + opensAt + "\",\"closesAt\":\""
                + opensAt.plus(Duration.ofDays(2)) + "\"");
        long id = TestAuth.admin().body(body).post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
        JsonPath contest = TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath();
        return new Contest(id, code, contest.getList("questions"));
    }

    /** The contest as the host sees it: its questions with their answers, to pick a right or a wrong option. */
    private record Contest(long id, String code, List<Map<String, Object>> questions) {
        @SuppressWarnings("unchecked")
        String pick(String questionId, String stem, boolean right) {
            Map<String, Object> q = questions.stream()
                    .filter(x -> questionId.equals(x.get("questionId")) || stem.equals(x.get("stem")))
                    .findFirst().orElseThrow(() -> new AssertionError("no question " + questionId + " in " + questions));
            List<String> answer = (List<String>) q.get("answer");
            return ((List<Map<String, Object>>) q.get("options")).stream().map(o -> (String) o.get("id"))
                    .filter(o -> answer.contains(o) == right).findFirst().orElseThrow();
        }
    }
}
