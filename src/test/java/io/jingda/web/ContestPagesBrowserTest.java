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
    static final String LIAONING_TITLE = "辽宁省强化细化深化党史学习教育 汲取全面振兴全方位振兴力量";

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
            // the source names the report by its title, from the set's reports
            assertThat(contest.getString("questions[0].source.title")).isEqualTo(LIAONING_TITLE);

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
            // the projector lists the nicknames as they join, newest first, as text
            b.until(d -> d.findElements(By.cssSelector("#screen-names li")).size() == 3, "three names on the screen");
            assertThat(b.all(By.cssSelector("#screen-names li")).stream().map(WebElement::getText).toList())
                    .containsExactly("小明", XSS, "Alice");
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
            assertThat(b.driver.findElement(By.id("source-report")).getText()).contains(LIAONING_TITLE)
                    .doesNotContain(".txt");
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
            assertThat(b.all(By.cssSelector("#my-result svg[data-icon=cross]"))).hasSize(1);
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
            // "Finish" asks first: dismissed, the contest goes on; accepted, it ends
            b.to(host).click(By.id("act-finish"));
            b.until(d -> b.alertShown(), "the finish confirmation");
            assertThat(b.driver.switchTo().alert().getText()).contains("浏览器测试赛");
            b.driver.switchTo().alert().dismiss();
            assertThat(TestAuth.admin().get("/api/contests/" + contestId).then().extract().jsonPath()
                    .getString("status")).isEqualTo("RUNNING");
            b.click(By.id("act-finish"));
            b.until(d -> b.alertShown(), "the finish confirmation again");
            b.driver.switchTo().alert().accept();

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
            // the past-contest list shows the real number of participants
            b.driver.get(b.base + "/admin#contests");
            b.desktop();
            b.until(d -> d.findElements(By.xpath("//tr[td[1][text()='浏览器测试赛']]/td[@class='people']")).size() == 1
                    && "3".equals(d.findElement(By.xpath("//tr[td[1][text()='浏览器测试赛']]/td[@class='people']")).getText()),
                    "3 participants in the past-contest list");
            b.shot("admin-contests-desktop");

            // ---- the nickname was text everywhere; no script ran
            for (String w : List.of(host, screen, alice, xss, ming, results)) {
                b.to(w);
                assertThat(b.alertShown()).isFalse();
                // the only SVG on the pages are their own icons
                assertThat(b.all(By.cssSelector("[onload], [onerror], svg:not([data-icon])"))).isEmpty();
                assertThat(b.bodyText()).doesNotContain("⌛", "★", "⚑", "▣", "❚", "＋");
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
            assertThat(b.driver.findElement(By.id("final")).getText()).contains("· 3 players");
            b.shot("play-final-phone-en");
        }
    }

    static final String FIT_REPORT_TITLE = "版面测试报告：五个很长的选项和两百字的解析在投影上不滚动";

    /** A set with a report title, a multiple-choice question with 5 long options and a 200-character explanation, and a true/false one. */
    private static long fiveLongOptionsContest() {
        TestAuth.admin().body(Map.of("id", "browser-fit", "title", "版面测试",
                        "reports", Map.of("fit-report.txt", FIT_REPORT_TITLE)))
                .post("/api/question-sets").then().statusCode(201)
                .body("reports.'fit-report.txt'", org.hamcrest.Matchers.equalTo(FIT_REPORT_TITLE));
        List<String> options = List.of(
                "在全省党员中开展党史学习教育实施方案，并由省委印发至各市县区和省直各部门单位",
                "党史学习教育宣讲提纲，由省委宣传部组织专家学者编写并面向基层党员广泛发放",
                "关于做好党史专题宣讲工作的通知，要求各地组建宣讲团深入基层开展面对面宣讲",
                "在全省党员中开展党史学习教育工作安排，细化为十个方面的具体任务和推进措施",
                "党史学习教育领导小组工作规则，明确领导小组及其办公室的职责分工和运行机制");
        String explanation = "这是一段用来测试版面的解析文字，".repeat(14).substring(0, 200);
        assertThat(explanation).hasSize(200);
        String multi = TestAuth.admin().body(Map.of("set", "browser-fit", "type", "multiple",
                        "stem", "以下哪些文件与辽宁省开展党史学习教育的组织部署直接相关？请选出所有正确的选项。",
                        "options", options, "answer", List.of(options.get(0), options.get(3)),
                        "explanation", explanation,
                        "source", Map.of("report", "fit-report.txt", "excerpt", "专题审议《在全省党员中开展党史学习教育实施方案》"),
                        "timeLimit", 120))
                .post("/api/questions").then().statusCode(201).extract().path("id");
        String tf = TestAuth.admin().body(Map.of("set", "browser-fit", "type", "true_false",
                        "stem", "辽宁省成立了19人的宣讲团。", "answer", true, "timeLimit", 120))
                .post("/api/questions").then().statusCode(201).extract().path("id");
        return TestAuth.admin().body(Map.of("title", "Layout check", "questionIds", List.of(multi, tf),
                        "scoring", Map.of("mode", "accuracy", "streakBonus", false)))
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void fiveLongOptionsFitTheProjectorAndThePhones() {
        long id = fiveLongOptionsContest();
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
        JsonPath view = TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath();
        List<String> ids = view.getList("questions[0].options.id");
        List<String> correct = view.getList("questions[0].answer");
        assertThat(ids).hasSize(5);
        List<String> picks = List.of(correct.get(0), ids.stream().filter(o -> !correct.contains(o)).findFirst().orElseThrow());
        try (Browser b = Browser.start(base.toString())) {
            b.run("fit", () -> {
                String screen = b.open("/screen/" + code);
                b.display(1920, 1080);
                b.await(By.id("screen-code"));
                String tall = join(b, code, "Tall");
                b.phone(390, 844);
                String small = join(b, code, "Small");
                b.phone(360, 640);
                b.to(screen).until(d -> d.findElements(By.cssSelector("#screen-names li")).size() == 2, "two names");

                TestAuth.admin().post("/api/contests/" + id + "/actions/start").then().statusCode(200);
                for (String p : List.of(tall, small)) {
                    b.to(p).await(By.id("submit-answer"));
                    assertThat(b.all(By.cssSelector("button.opt"))).hasSize(5);
                    // the Submit button is on screen at the top of the page and scrolled to the end
                    assertThat(b.onScreen("#submit-answer")).as("submit visible at the top").isTrue();
                    b.js("window.scrollTo(0, document.documentElement.scrollHeight)");
                    assertThat(b.onScreen("#submit-answer")).as("submit visible at the end").isTrue();
                    assertThat(b.onScreen("button.opt:last-of-type")).as("last option reachable").isTrue();
                    assertThat(b.box("button.opt:last-of-type").get("bottom").doubleValue()).as("last option above the bar")
                            .isLessThanOrEqualTo(b.box(".submit-bar").get("top").doubleValue() + 1);
                    b.js("window.scrollTo(0, 0)");
                    for (String o : picks) {
                        b.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", "button[data-option='" + o + "']");
                        b.click(By.cssSelector("button[data-option='" + o + "']"));
                        b.until(d -> "true".equals(d.findElement(By.cssSelector("button[data-option='" + o + "']"))
                                .getAttribute("aria-pressed")), "picked " + o);
                    }
                    b.js("window.scrollTo(0, 0)");
                    assertThat(b.onScreen("#submit-answer")).as("submit visible with picks").isTrue();
                }
                b.to(small).shot("play-multiple-5-360x640");
                b.to(tall).shot("play-multiple-5-390x844");
                for (String p : List.of(tall, small)) {
                    b.to(p).click(By.id("submit-answer"));
                    b.await(By.id("locked"));
                    assertThat(b.all(By.cssSelector("#my-answer li")).stream().map(e -> e.getAttribute("data-option")).toList())
                            .containsExactlyInAnyOrderElementsOf(picks);
                }
                b.to(small).shot("play-multiple-locked-360x640");

                TestAuth.admin().post("/api/contests/" + id + "/actions/close").then().statusCode(200);
                b.to(small).await(By.id("closed"));
                assertThat(b.all(By.cssSelector("#closed svg[data-icon=hourglass]"))).hasSize(1);
                assertThat(b.bodyText()).doesNotContain("⌛");
                b.to(screen).await(By.cssSelector(".state-big svg[data-icon=hourglass]"));

                TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
                b.to(screen).await(By.id("source"));
                for (int[] size : new int[][]{{1920, 1080}, {1280, 720}}) {
                    b.display(size[0], size[1]);
                    b.until(d -> b.fitsViewport() && b.onScreen("#source") && b.onScreen("#source-report")
                            && b.onScreen(".opt:last-child"), "the reveal fits " + size[0] + "x" + size[1]);
                    // scaled, not shrunk to nothing: options and explanation stay readable from the back
                    assertThat(b.fontSize(".opt")).as("option text px at " + size[0]).isGreaterThanOrEqualTo(size[1] / 60.0);
                    assertThat(b.fontSize("#source p")).as("explanation px at " + size[0]).isGreaterThanOrEqualTo(size[1] / 80.0);
                    assertThat(b.driver.findElement(By.id("source-report")).getText()).contains(FIT_REPORT_TITLE);
                    b.shot("screen-reveal-5-long-" + size[0] + "x" + size[1]);
                }
                // the phones show the pick against the answer
                for (String p : List.of(tall, small)) {
                    b.to(p).await(By.id("result"));
                    assertThat(b.driver.findElement(By.cssSelector("#my-answer li[data-option='" + picks.get(0) + "']"))
                            .getAttribute("data-correct")).isEqualTo("true");
                    assertThat(b.driver.findElement(By.cssSelector("#my-answer li[data-option='" + picks.get(1) + "']"))
                            .getAttribute("data-correct")).isEqualTo("false");
                }
                b.to(small).shot("play-reveal-multiple-360x640");

                // English mode: true/false reads True/False
                b.to(small).driver.findElement(By.cssSelector("button.lang")).click();
                TestAuth.admin().post("/api/contests/" + id + "/actions/next").then().statusCode(200);
                b.to(small).until(d -> d.findElements(By.cssSelector("button.opt")).size() == 2, "true/false options");
                assertThat(b.all(By.cssSelector("button.opt")).stream().map(WebElement::getText).toList())
                        .containsExactly("True", "False");
                b.shot("play-true-false-en");
                b.to(screen).await(By.id("stem"));
                b.display(1920, 1080);
                b.until(d -> b.fitsViewport(), "the question fits");
            });
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
            // English: one participant is "1 player"
            b.driver.findElement(By.cssSelector("button.lang")).click();
            b.awaitText(By.id("final"), "· 1 player");
            assertThat(b.driver.findElement(By.id("final")).getText()).doesNotContain("1 players");
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
        // the phone shows which option was picked
        assertThat(b.all(By.cssSelector("#my-answer li")).stream().map(e -> e.getAttribute("data-option")).toList())
                .containsExactly(pick);
    }

    private static void expectResult(Browser b, String window, boolean correct, int rank) {
        b.to(window).await(By.id("result"));
        b.until(d -> String.valueOf(correct).equals(d.findElement(By.id("result")).getAttribute("data-correct")),
                "result " + correct);
        b.awaitText(By.id("rank"), String.valueOf(rank));
        assertThat(b.all(By.cssSelector("#result svg[data-icon=" + (correct ? "check" : "cross") + "]"))).hasSize(1);
    }
}
