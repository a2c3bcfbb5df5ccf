package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a poll in a team round (mandatory), in a real browser. Both teams' phones get the options (no "your
 * turn", no "not your turn") and vote; the console shows the answer count and the standard close and reveal, and
 * none of the turn buttons; the projector counts the answers and shows the votes at the reveal. The next, scored
 * question is the first team's turn: the poll took none.
 */
@QuarkusTest
class TeamPollBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    private static String question(Map<String, Object> body) {
        TestAuth.admin().body(Map.of("id", "team-poll-browser", "title", "队赛投票页面")).post("/api/question-sets");
        Map<String, Object> b = new HashMap<>(body);
        b.put("set", "team-poll-browser");
        b.put("timeLimit", 120);
        return TestAuth.admin().body(b).post("/api/questions").then().statusCode(201).extract().path("id");
    }

    private static void action(long id, String action) {
        TestAuth.admin().post("/api/contests/" + id + "/actions/" + action).then().statusCode(200);
    }

    private static String join(Browser b, String code, String nickname, int team) {
        String handle = b.open("/join/" + code);
        b.phone(360, 640);
        b.await(By.id("nickname")).sendKeys(nickname);
        b.click(By.cssSelector("#team-pick input[name=team][value='" + team + "']"));
        b.driver.findElement(By.id("join-btn")).click();
        b.await(By.id("lobby-count"));
        return handle;
    }

    @Test
    void bothTeamsVoteOnAPollInAMandatoryRoundAndTheNextQuestionIsTheFirstTeamsTurn() {
        String poll = question(Map.of("type", "poll", "stem", "队赛热身：你最想了解哪段历史？",
                "options", List.of("建党", "长征", "改革开放")));
        String single = question(Map.of("type", "single", "stem", "队赛必答：中共一大在哪一年召开？",
                "options", List.of("1921年", "1927年"), "answer", "1921年"));
        Map<String, Object> body = new HashMap<>();
        body.put("title", "队赛投票");
        body.put("confirmRelated", true);
        body.put("teams", List.of(Map.of("name", "红队"), Map.of("name", "蓝队")));
        body.put("rounds", List.of(Map.of("kind", "mandatory", "questionIds", List.of(poll, single))));
        long id = TestAuth.admin().body(body).post("/api/contests").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().path("code");
        try (Browser b = Browser.start(base.toString())) {
            b.run("team-poll", () -> {
                String host = b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#contest=" + id);
                b.await(By.id("join-code"));
                String screen = b.open("/screen/" + code);
                b.display(1280, 720);
                b.await(By.id("screen-code"));
                List<String> phones = List.of(join(b, code, "红一", 1), join(b, code, "蓝一", 2));
                action(id, "start");
                action(id, "next");

                for (String phone : phones) {
                    b.to(phone).until(d -> d.findElements(By.cssSelector("button.opt")).size() == 3,
                            "the poll's options on every phone");
                    assertThat(b.all(By.cssSelector("#your-turn, #not-your-turn, #not-playing, #buzz"))).isEmpty();
                    WebElement vote = b.all(By.cssSelector("button.opt")).stream()
                            .filter(e -> e.getText().contains("长征")).findFirst().orElseThrow();
                    b.click(By.cssSelector("button.opt[data-option='" + vote.getAttribute("data-option") + "']"));
                    b.await(By.id("locked"));
                }
                b.to(phones.get(1)).shot("team-play-poll-locked-360x640");
                b.to(screen).until(d -> d.findElement(By.id("answer-count")).getText().contains("2"),
                        "the projector counts the votes");
                assertThat(b.all(By.cssSelector(".team-strip"))).isEmpty();
                b.to(host).until(d -> d.findElement(By.id("host-answered")).isDisplayed()
                        && d.findElement(By.id("host-answered")).getText().contains("2"), "the console counts the votes");
                b.until(d -> d.findElement(By.id("act-close")).isEnabled(), "close, as in a standard round");
                assertThat(b.all(By.cssSelector("#act-go, #act-right, #act-wrong, #act-skip"))).isEmpty();
                b.shot("team-host-poll-desktop");

                action(id, "close");
                action(id, "reveal");
                for (String phone : phones) {
                    b.to(phone).await(By.id("poll-result"));
                    assertThat(b.driver.findElement(By.id("result")).getText()).contains("感谢投票");
                }
                b.to(phones.get(0)).shot("team-play-poll-reveal-360x640");
                b.to(screen).until(d -> d.findElements(By.cssSelector("#distribution .chart .bar")).size() == 3, "the votes");
                assertThat(b.all(By.cssSelector("#distribution .chart .bar .n")).stream().map(WebElement::getText).toList())
                        .containsExactlyInAnyOrder("2", "0", "0");
                b.shot("team-screen-poll-reveal-1280x720");

                action(id, "next");
                b.to(phones.get(0)).await(By.id("your-turn"));
                b.to(phones.get(1)).await(By.id("not-your-turn"));
                assertThat(b.driver.findElement(By.id("not-your-turn")).getText()).contains("红队");
            });
        }
    }
}
