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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team contest in rounds (issue 16) played in a real browser: four teams of one phone each pick their team at
 * join; the host runs a mandatory round, a buzzer round (a false start, the host's go, a winner judged aloud with
 * the right and wrong buttons), a wager round (stakes picked on the phones, revealed on the projector, a ruling
 * and its undo) and the tie-break between the two tied teams, from the console; the projector follows, down to
 * the team podium.
 */
@QuarkusTest
class TeamContestBrowserTest {
    static final List<String> NAMES = List.of("红队", "蓝队", "绿队", "金队");
    static final List<String> COLORS = List.of("#d32f2f", "#1976d2", "#388e3c", "#f9a825");
    static final List<String> PLAYERS = List.of("阿红", "阿蓝", "阿绿", "阿金");

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    /** Distinct single-choice questions of the seeded bank, n of them. */
    private static List<String> questionIds(int n) {
        List<String> ids = TestAuth.admin().get("/api/catalog/questions?set=liaoning&size=50").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.type == 'single' }.id", String.class);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(n);
        return ids.subList(0, n);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static long createContest() {
        List<String> q = questionIds(12);
        List<Map<String, Object>> teams = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            teams.add(Map.of("name", NAMES.get(i), "color", COLORS.get(i)));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("title", "四队团体赛");
        body.put("teams", teams);
        body.put("teamPick", "participants");
        body.put("baseScore", 100);
        body.put("rounds", List.of(
                map("kind", "mandatory", "title", "必答题", "questionIds", q.subList(0, 4), "answerSeconds", 60,
                        "leaderboard", "question"),
                map("kind", "buzzer", "title", "抢答题", "questionIds", q.subList(4, 6), "readingSeconds", 30,
                        "buzzSeconds", 60, "answerSeconds", 60, "answerStartSeconds", 30, "answerMode", "aloud",
                        "falseStart", "penalty", "falseStartPoints", 10, "rightPoints", 10, "wrongPoints", 10,
                        "leaderboard", "question"),
                map("kind", "wager", "title", "风险题", "questionIds", q.subList(6, 10), "stakes", List.of(10, 20, 30),
                        "stakeSeconds", 120, "answerSeconds", 60, "leaderboard", "question"),
                map("kind", "tiebreak", "title", "加时赛", "questionIds", q.subList(10, 12), "readingSeconds", 30,
                        "buzzSeconds", 60, "answerSeconds", 60, "answerMode", "client", "leaderboard", "question")));
        return TestAuth.admin().body(body).post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void fourTeamsPlayAMandatoryABuzzerAWagerRoundAndATieBreak() {
        long id = createContest();
        try (Browser b = Browser.start(base.toString())) {
            b.run("team-contest", () -> play(b, id));
        }
    }

    /** The window of each team's phone, by team id (1..4). */
    private final Map<Integer, String> phones = new HashMap<>();
    private String host;
    private String screen;
    private long contestId;
    private List<Map<String, Object>> questions;

    private void play(Browser b, long id) {
        contestId = id;
        host = b.open("/host");
        b.desktop();
        b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
        b.driver.get(base + "host#contest=" + id);
        b.click(By.id("act-open"));
        String code = b.await(By.id("join-code")).getText();
        questions = TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath()
                .getList("questions");
        assertThat(questions).hasSize(12);

        screen = b.open("/screen/" + code);
        b.desktop();
        b.await(By.id("screen-code"));

        // ---- each phone picks its team at join
        for (int team = 1; team <= 4; team++) {
            phones.put(team, join(b, code, PLAYERS.get(team - 1), team));
        }
        for (int team = 1; team <= 4; team++) {
            b.to(phones.get(team)).awaitText(By.id("my-team"), NAMES.get(team - 1));
        }
        b.to(phones.get(1)).shot("team-play-lobby-phone");
        b.to(screen).awaitText(By.id("screen-count"), "4");
        b.until(d -> d.findElements(By.cssSelector("#team-cards li")).size() == 4, "four team cards in the lobby");
        b.shot("team-screen-lobby-desktop");
        b.to(host).awaitText(By.id("host-count"), "4");
        b.until(d -> d.findElement(By.id("people")).getText().contains(NAMES.get(3)), "the people list names the teams");

        mandatoryRound(b);
        buzzerRound(b);
        wagerRound(b);
        tieBreak(b);

        // ---- nothing was inserted as HTML; every SVG is the pages' own
        for (String w : List.of(host, screen, phones.get(1), phones.get(2), phones.get(3), phones.get(4))) {
            b.to(w);
            assertThat(b.alertShown()).isFalse();
            assertThat(b.all(By.cssSelector("svg:not([data-icon])"))).isEmpty();
        }
    }

    // ---------------------------------------------------------------- round 1: mandatory

    private void mandatoryRound(Browser b) {
        act(b, "start");
        banner(b, "第 1 轮 · 必答题", "必答题");
        b.to(screen).shot("team-screen-round-banner-desktop");
        b.to(phones.get(1)).awaitText(By.id("round-banner"), "必答题");
        act(b, "next");
        // teams 1 and 2 answer right, 3 and 4 wrong, whoever's turn comes first
        for (int i = 0; i < 4; i++) {
            int team = turnTeam(b);
            Map<String, Object> q = questions.get(i);
            String mine = phones.get(team);
            b.to(mine).await(By.id("your-turn"));
            for (int other = 1; other <= 4; other++) {
                if (other != team) {
                    b.to(phones.get(other)).await(By.id("not-your-turn"));
                    assertThat(text(b, By.id("not-your-turn"))).contains(NAMES.get(team - 1));
                }
            }
            if (i == 0) {
                b.to(mine).shot("team-play-your-turn-phone");
                b.to(phones.get(team == 1 ? 2 : 1)).shot("team-play-not-your-turn-phone");
                b.to(host).shot("team-host-mandatory-desktop");
            }
            answer(b, mine, q, team <= 2);
            b.to(host).await(By.cssSelector("#host-judged li[data-correct='" + (team <= 2) + "']"));
            act(b, "reveal");
            if (i < 3) {
                act(b, "next");
            }
        }
        teamScores(b, 110, 110, 100, 100);
        b.to(screen).shot("team-screen-mandatory-reveal-desktop");
    }

    // ---------------------------------------------------------------- round 2: buzzer, answered aloud

    private void buzzerRound(Browser b) {
        act(b, "nextRound");
        banner(b, "第 2 轮 · 抢答题", "抢答题");
        act(b, "next");
        // question 1: team 4 presses while the question is read (a false start: -10 and locked out)
        b.to(phones.get(4)).click(By.cssSelector("#buzz.waiting"));
        b.to(host).await(By.cssSelector("#host-buzz li.falseStart[data-team='4']"));
        b.to(phones.get(4)).await(By.id("buzz-locked"));
        b.shot("team-play-locked-out-phone");
        // nothing to scroll sideways on a 360 px phone, with the team in the header
        assertThat(b.fitsViewport()).isTrue();
        act(b, "go");
        b.to(phones.get(1)).await(By.cssSelector("#buzz.armed"));
        b.shot("team-play-buzz-phone");
        // the buzz button is whole on screen, under the thumb
        assertThat(b.onScreen("#buzz")).isTrue();
        b.to(phones.get(4)).await(By.id("buzz-locked"));
        // a reload while the buzz is open: still locked out
        b.driver.navigate().refresh();
        b.await(By.id("buzz-locked"));
        b.to(phones.get(1)).click(By.cssSelector("#buzz.armed"));
        // the projector's buzz-winner animation, the console's buzz order with the reaction time
        b.to(screen).awaitText(By.cssSelector("#buzz-winner .team"), NAMES.get(0));
        b.shot("team-screen-buzz-winner-desktop");
        b.to(host).await(By.cssSelector("#host-buzz li.winner[data-team='1'] .ms"));
        assertThat(text(b, By.cssSelector("#host-buzz li.winner .ms"))).matches("\\d+ 毫秒");
        b.awaitText(By.id("host-turn"), NAMES.get(0));
        b.shot("team-host-buzz-desktop");
        b.to(phones.get(2)).await(By.id("not-your-turn"));
        b.to(phones.get(1)).await(By.id("your-turn"));
        b.shot("team-play-buzz-won-phone");
        // a reload mid-buzz: the state frame says who holds the buzz and who is locked out
        b.driver.navigate().refresh();
        b.await(By.id("your-turn"));
        b.to(phones.get(4)).driver.navigate().refresh();
        b.await(By.id("not-your-turn"));
        b.to(screen).driver.navigate().refresh();
        b.await(By.cssSelector(".team-card.holder[data-team='1']"));
        b.await(By.cssSelector(".team-card.locked[data-team='4']"));
        b.to(host).click(By.id("act-right"));
        b.await(By.cssSelector("#host-judged li[data-correct='true']"));
        revealIfAllowed(b);
        act(b, "next");
        // question 2: team 3 wins the buzz and the host rules it wrong (-10)
        act(b, "go");
        b.to(phones.get(3)).click(By.cssSelector("#buzz.armed"));
        b.to(screen).awaitText(By.cssSelector("#buzz-winner .team"), NAMES.get(2));
        b.to(host).await(By.cssSelector("#host-buzz li.winner[data-team='3']"));
        b.click(By.id("act-wrong"));
        b.await(By.cssSelector("#host-judged li[data-correct='false']"));
        revealIfAllowed(b);
        teamScores(b, 120, 110, 90, 90);
    }

    // ---------------------------------------------------------------- round 3: wager

    private void wagerRound(Browser b) {
        act(b, "next");
        banner(b, "第 3 轮 · 风险题", "风险题");
        int[] stakes = {30, 10, 30, 10};
        for (int team = 1; team <= 4; team++) {
            b.to(phones.get(team)).await(By.id("stake-picker"));
            if (team == 1) {
                b.shot("team-play-stake-picker-phone");
            }
            b.click(By.id("stake-" + stakes[team - 1]));
            b.await(By.id("stake-picked"));
            // the host sees each pick as it comes
            int t = team;
            b.to(host).until(d -> d.findElement(By.cssSelector("#host-stakes li[data-team='" + t + "'] .stake")).getText()
                    .startsWith(String.valueOf(stakes[t - 1])), "the host sees team " + t + "'s stake");
        }
        // all picked: the projector reveals the stakes
        for (int team = 1; team <= 4; team++) {
            b.to(screen).await(By.cssSelector(".team-card[data-team='" + team + "'] .stake[data-stake='" + stakes[team - 1] + "']"));
        }
        b.shot("team-screen-stakes-desktop");
        b.to(host).shot("team-host-stakes-desktop");

        // a ruling, then its undo
        ruling(b);

        act(b, "next");
        // every team answers its own question: 1 wrong (-30), 2 right (+10), 3 right (+30), 4 wrong (-10)
        for (int i = 0; i < 4; i++) {
            int team = turnTeam(b);
            boolean right = team == 2 || team == 3;
            answer(b, phones.get(team), questions.get(6 + i), right);
            b.to(host).await(By.cssSelector("#host-judged li[data-correct='" + right + "']"));
            act(b, "reveal");
            if (i < 3) {
                act(b, "next");
            }
        }
        teamScores(b, 90, 120, 120, 80);
    }

    private void ruling(Browser b) {
        b.to(host);
        new Select(b.await(By.cssSelector("#ruling-target select, select#ruling-target"))).selectByValue("team:4");
        b.driver.findElement(By.id("ruling-points")).sendKeys("-5");
        b.driver.findElement(By.id("ruling-reason")).sendKeys("提示场外");
        b.click(By.id("ruling-add"));
        String rulingId = b.until(d -> {
            List<WebElement> e = d.findElements(By.cssSelector("#ruling-list li[data-ruling]"));
            return e.isEmpty() ? null : e.get(0).getAttribute("data-ruling");
        }, "the ruling listed");
        b.until(d -> d.findElement(By.id("ruling-list")).getText().contains("提示场外"), "the ruling's reason listed");
        assertThat(text(b, By.id("ruling-list"))).contains("提示场外", "-5", NAMES.get(3));
        b.to(screen).await(By.cssSelector(".team-card[data-team='4']"));
        b.until(d -> d.findElement(By.cssSelector(".team-card[data-team='4'] .score")).getText().equals("85"),
                "the ruling on the projector's card");
        b.to(host).click(By.id("undo-" + rulingId));
        b.until(d -> d.findElements(By.cssSelector("#ruling-list li[data-ruling]")).size() == 2, "the undo listed");
        assertThat(text(b, By.id("ruling-list"))).contains("撤销 #" + rulingId);
        // a ruling is undone once: its button is gone
        assertThat(b.all(By.id("undo-" + rulingId))).isEmpty();
        b.shot("team-host-rulings-desktop");
        JsonPath list = TestAuth.admin().get("/api/contests/" + contestId + "/rulings").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("points", Integer.class)).containsExactlyInAnyOrder(-5, 5);
        b.to(screen).until(d -> d.findElement(By.cssSelector(".team-card[data-team='4'] .score")).getText().equals("90"),
                "the undo on the projector's card");
    }

    // ---------------------------------------------------------------- the tie-break

    private void tieBreak(Browser b) {
        // 蓝队 and 绿队 tie for first: the console offers them for the tie-break, pre-checked
        b.to(host).await(By.id("tiebreak"));
        b.until(d -> d.findElement(By.cssSelector("input[name=tiebreak-team][value='2']")).isSelected()
                && d.findElement(By.cssSelector("input[name=tiebreak-team][value='3']")).isSelected()
                && !d.findElement(By.cssSelector("input[name=tiebreak-team][value='1']")).isSelected(), "the tied teams checked");
        b.shot("team-host-tiebreak-desktop");
        b.click(By.id("act-tiebreak"));
        banner(b, "第 4 轮 · 加时赛", "加时赛");
        b.to(screen).until(d -> d.findElements(By.cssSelector("#team-cards li")).size() == 2, "only the tied teams on the banner");
        // a team not in the tie-break watches
        act(b, "next");
        b.to(phones.get(1)).await(By.id("not-playing"));
        assertThat(b.all(By.id("buzz"))).isEmpty();
        act(b, "go");
        b.to(phones.get(2)).click(By.cssSelector("#buzz.armed"));
        b.to(screen).awaitText(By.cssSelector("#buzz-winner .team"), NAMES.get(1));
        answer(b, phones.get(2), questions.get(10), true);
        b.to(host).await(By.cssSelector("#host-judged li[data-correct='true']"));
        revealIfAllowed(b);
        act(b, "next");

        // the team podium everywhere
        b.to(screen).await(By.id("screen-team-podium"));
        assertThat(text(b, By.cssSelector("#screen-team-podium [data-rank='1'] .who")))
                .isEqualTo(NAMES.get(1));
        assertThat(text(b, By.cssSelector("#screen-team-podium [data-rank='2'] .who")))
                .isEqualTo(NAMES.get(2));
        b.shot("team-screen-podium-desktop");
        b.to(phones.get(2)).await(By.id("team-podium"));
        b.shot("team-play-final-phone");
        b.to(host).await(By.id("results"));
        b.shot("team-host-finished-desktop");
    }

    // ---------------------------------------------------------------- helpers

    private static String join(Browser b, String code, String nickname, int team) {
        String handle = b.open("/join/" + code);
        b.phone();
        b.await(By.id("nickname")).sendKeys(nickname);
        b.click(By.cssSelector("#team-pick input[name=team][value='" + team + "']"));
        if (team == 1) {
            b.shot("team-play-join-phone");
        }
        b.driver.findElement(By.id("join-btn")).click();
        b.await(By.id("lobby-count"));
        return handle;
    }

    /** The element's text, read again if the page redrew it meanwhile (every live frame redraws). */
    private static String text(Browser b, By by) {
        return b.until(d -> d.findElement(by).getText(), "the text of " + by);
    }

    /** Clicks the host's button for action once the server allows it. */
    private void act(Browser b, String action) {
        b.to(host);
        b.until(d -> {
            List<String> ok = TestAuth.admin().get("/api/contests/" + contestId).then().extract().jsonPath()
                    .getList("allowedActions", String.class);
            return ok.contains(action);
        }, "the server allows " + action);
        b.click(By.id("act-" + action));
    }

    private void revealIfAllowed(Browser b) {
        List<String> ok = TestAuth.admin().get("/api/contests/" + contestId).then().extract().jsonPath()
                .getList("allowedActions", String.class);
        if (ok.contains("reveal")) {
            act(b, "reveal");
        }
    }

    /** The round's banner on the projector, the phones and the console. */
    private void banner(Browser b, String line, String kind) {
        b.to(screen).awaitText(By.cssSelector("#round-banner .kind"), line);
        b.to(host).awaitText(By.id("round-h"), kind);
    }

    /** The team whose turn it is, as the console shows it. */
    private int turnTeam(Browser b) {
        b.to(host);
        // read inside the wait: the console redraws on every frame
        String team = b.until(d -> {
            List<WebElement> e = d.findElements(By.cssSelector("#host-turn .team-tag[data-team]"));
            return e.isEmpty() ? null : e.get(0).getAttribute("data-team");
        }, "whose turn, on the console");
        return Integer.parseInt(team);
    }

    /** Answers the single-choice question on the phone whose turn it is: right or wrong. */
    @SuppressWarnings("unchecked")
    private static void answer(Browser b, String window, Map<String, Object> question, boolean right) {
        List<String> correct = (List<String>) question.get("answer");
        List<Map<String, Object>> options = (List<Map<String, Object>>) question.get("options");
        String pick = options.stream().map(o -> (String) o.get("id")).filter(i -> correct.contains(i) == right)
                .findFirst().orElseThrow();
        b.to(window).await(By.id("your-turn"));
        b.click(By.cssSelector("button[data-option='" + pick + "']"));
        b.await(By.cssSelector("#locked, #judged"));
    }

    /** The console's team board and the projector's cards show these scores for teams 1..4. */
    private void teamScores(Browser b, long... scores) {
        for (String w : List.of(host, screen)) {
            b.to(w);
            for (int team = 1; team <= 4; team++) {
                String css = w.equals(host) ? "#team-board li[data-team='" + team + "'] .score"
                        : ".team-card[data-team='" + team + "'] .score";
                String want = String.valueOf(scores[team - 1]);
                int t = team;
                b.until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().equals(want)),
                        "team " + t + " has " + want + " on " + (w.equals(host) ? "the console" : "the projector"));
            }
        }
    }
}
