package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 on a 360×640 phone: an ordering question answered with the keyboard only (Tab to an option,
 * Enter or Space to give it the next place, again to take it back, then Submit), the reveal of the right
 * order, and a poll's reveal with the votes.
 */
@QuarkusTest
class OrderingBrowserTest {
    private static final List<String> STEPS = List.of("中共一大", "遵义会议", "七届二中全会", "十一届三中全会", "十八大");

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    private static String question(Map<String, Object> body) {
        TestAuth.admin().body(Map.of("id", "types-browser", "title", "新题型页面")).post("/api/question-sets");
        Map<String, Object> b = new java.util.HashMap<>(body);
        b.put("set", "types-browser");
        b.put("timeLimit", 120);
        return TestAuth.admin().body(b).post("/api/questions").then().statusCode(201).extract().path("id");
    }

    /** The places the phone shows, option id → place ("" when none). */
    private static List<String> places(Browser b, List<String> ids) {
        return ids.stream().map(id -> {
            String p = b.driver.findElement(By.cssSelector("#options [data-option='" + id + "']")).getAttribute("data-place");
            return p == null ? "" : p;
        }).toList();
    }

    private static String focusedOption(Browser b) {
        return (String) b.js("return document.activeElement && document.activeElement.getAttribute('data-option')");
    }

    @Test
    void aKeyboardPutsTheOptionsInOrderOnASmallPhoneAndThePollShowsTheVotes() {
        String ordering = question(Map.of("type", "ordering", "stem", "按时间先后排列下列会议", "options", STEPS,
                "answer", STEPS));
        String poll = question(Map.of("type", "poll", "stem", "你最想了解哪段历史？", "options", List.of("建党", "长征", "改革开放")));
        long id = TestAuth.admin().body(Map.of("title", "排序题", "questionIds", List.of(ordering, poll),
                        "scoring", Map.of("mode", "accuracy", "streakBonus", false, "ordering", "partial")))
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath view = TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath();
        List<String> right = view.getList("questions[0].answer");
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().path("code");
        try (Browser b = Browser.start(base.toString())) {
            b.run("ordering", () -> {
                String screen = b.open("/screen/" + code);
                b.display(1280, 720);
                b.await(By.id("screen-code"));
                String phone = b.open("/join/" + code);
                b.phone(360, 640);
                b.await(By.id("nickname")).sendKeys("键盘");
                if (b.driver.findElement(By.id("code")).getAttribute("value").isEmpty()) {
                    b.driver.findElement(By.id("code")).sendKeys(code);
                }
                b.driver.findElement(By.id("join-btn")).click();
                b.await(By.id("lobby-count"));
                TestAuth.admin().post("/api/contests/" + id + "/actions/start").then().statusCode(200);
                b.await(By.id("order-hint"));
                List<WebElement> buttons = b.all(By.cssSelector("#options button.opt"));
                assertThat(buttons).hasSize(5);
                List<String> shown = buttons.stream().map(e -> e.getAttribute("data-option")).toList();
                assertThat(shown).containsExactlyInAnyOrderElementsOf(right);
                assertThat(b.driver.findElement(By.id("submit-answer")).isEnabled()).as("nothing placed yet").isFalse();
                assertThat(b.onScreen("#submit-answer")).as("submit on screen at 360x640").isTrue();

                // the keyboard: focus the first right option, Enter; then the others with Space, each by focus
                List<String> order = new ArrayList<>(right);
                java.util.Collections.swap(order, 3, 4); // the last two the wrong way round: 3 of 5 placed
                for (int k = 0; k < order.size(); k++) {
                    String oid = order.get(k);
                    b.js("document.querySelector(arguments[0]).focus()", "#options [data-option='" + oid + "']");
                    b.driver.switchTo().activeElement().sendKeys(k % 2 == 0 ? Keys.ENTER : Keys.SPACE);
                    int place = k + 1;
                    b.until(d -> String.valueOf(place).equals(d.findElement(By.cssSelector("#options [data-option='"
                            + oid + "']")).getAttribute("data-place")), oid + " placed " + place);
                    assertThat(focusedOption(b)).as("focus stays on the option pressed").isEqualTo(oid);
                }
                b.shot("play-ordering-placed-360x640");
                // take the third back: it and those after it lose their places
                b.js("document.querySelector(arguments[0]).focus()", "#options [data-option='" + order.get(2) + "']");
                b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
                b.until(d -> d.findElement(By.cssSelector("#options [data-option='" + order.get(2) + "']"))
                        .getAttribute("data-place") == null, "taken back");
                assertThat(places(b, order)).containsExactly("1", "2", "", "", "");
                assertThat(b.driver.findElement(By.id("submit-answer")).isEnabled()).isFalse();
                assertThat(b.driver.findElement(By.id("submit-answer")).getText()).contains("3");
                for (int k = 2; k < order.size(); k++) {
                    String oid = order.get(k);
                    b.js("document.querySelector(arguments[0]).focus()", "#options [data-option='" + oid + "']");
                    b.driver.switchTo().activeElement().sendKeys(Keys.SPACE);
                    int place = k + 1;
                    b.until(d -> String.valueOf(place).equals(d.findElement(By.cssSelector("#options [data-option='"
                            + oid + "']")).getAttribute("data-place")), oid + " placed " + place);
                }
                assertThat(places(b, order)).containsExactly("1", "2", "3", "4", "5");
                // Tab from the last option on the page reaches Submit, and Enter sends the order
                b.js("document.querySelector('#options button.opt:last-of-type').focus()");
                b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
                assertThat((String) b.js("return document.activeElement.id")).isEqualTo("submit-answer");
                assertThat(b.onScreen("#submit-answer")).isTrue();
                b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
                b.await(By.id("locked"));
                assertThat(b.all(By.cssSelector("#my-answer li")).stream().map(e -> e.getAttribute("data-option")).toList())
                        .as("your order, as given").containsExactlyElementsOf(order);
                b.shot("play-ordering-locked-360x640");

                TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
                b.await(By.id("result"));
                b.until(d -> d.findElement(By.id("points")).getText().contains("600"), "1000 × 3/5 = 600 points");
                assertThat(b.driver.findElement(By.id("result")).getText()).contains("部分正确");
                assertThat(b.driver.findElement(By.id("correct-answer")).getText())
                        .isEqualTo(String.join(" → ", STEPS));
                assertThat(b.all(By.cssSelector("#my-answer li")).stream().map(e -> e.getAttribute("data-correct")).toList())
                        .containsExactly("true", "true", "true", "false", "false");
                b.shot("play-ordering-reveal-360x640");
                // the projector: the options in the right order, and the order given ranked (not the right one)
                b.to(screen).until(d -> d.findElements(By.cssSelector("#correct-answer li")).size() == 5, "the right order");
                assertThat(b.all(By.cssSelector("#correct-answer li")).stream().map(e -> e.getAttribute("data-option"))
                        .toList()).containsExactlyElementsOf(right);
                assertThat(b.all(By.cssSelector("#distribution .ranked li")).stream().map(e -> e.getAttribute("data-key"))
                        .toList()).containsExactly(String.join(",", order));
                assertThat(b.all(By.cssSelector("#distribution .ranked li .fill.ok"))).as("not the right order").isEmpty();
                b.shot("screen-ordering-reveal-1280x720");
                b.to(phone);

                TestAuth.admin().post("/api/contests/" + id + "/actions/next").then().statusCode(200);
                b.until(d -> !d.findElements(By.cssSelector("button.opt")).isEmpty()
                        && d.findElements(By.id("order-hint")).isEmpty(), "the poll's options");
                WebElement vote = b.all(By.cssSelector("button.opt")).stream().filter(e -> e.getText().contains("长征"))
                        .findFirst().orElseThrow();
                String voteId = vote.getAttribute("data-option");
                b.click(By.cssSelector("button.opt[data-option='" + voteId + "']"));
                b.await(By.id("locked"));
                TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
                b.await(By.id("poll-result"));
                assertThat(b.driver.findElement(By.id("result")).getText()).contains("感谢投票");
                assertThat(b.driver.findElement(By.cssSelector("#poll-result li[data-option='" + voteId + "'] b"))
                        .getText()).isEqualTo("1");
                assertThat(b.bodyText()).doesNotContain("回答错误");
                b.shot("play-poll-reveal-360x640");
                b.to(screen).until(d -> d.findElements(By.cssSelector("#distribution .chart .bar")).size() == 3, "the votes");
                assertThat(b.all(By.cssSelector("#distribution .chart .bar .n")).stream().map(WebElement::getText).toList())
                        .containsExactlyInAnyOrder("1", "0", "0");
                assertThat(b.all(By.cssSelector("[data-correct]"))).as("no option marked right or wrong").isEmpty();
                b.shot("screen-poll-reveal-1280x720");
            });
        }
    }
}
