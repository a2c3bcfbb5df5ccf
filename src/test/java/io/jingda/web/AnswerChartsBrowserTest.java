package io.jingda.web;

import io.jingda.TestAuth;
import io.jingda.live.LiveApi;
import io.jingda.live.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 3, in a real browser: the host console's bars and top combinations of a multiple-choice
 * question, and the ranked list of text answers on the screen and in the console at the reveal.
 * Participants answer over the WebSocket API; the host console and the screen are pages.
 */
@QuarkusTest
class AnswerChartsBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void hostShowsCombinationsAndBothShowRankedTextAnswersAtTheReveal() throws Exception {
        Map<String, Object> body = new HashMap<>(LiveApi.contestBody(List.of(LiveApi.questionOf("multiple", 0),
                LiveApi.questionOf("text", 0))));
        body.put("timeLimit", 120);
        long id = LiveApi.create(TestAuth.admin(), body);
        Map<String, Object> first = TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("questions[0]");
        @SuppressWarnings("unchecked")
        List<String> o = ((List<Map<String, Object>>) first.get("options")).stream().map(m -> (String) m.get("id")).toList();
        String q0 = (String) first.get("questionId");
        String q1 = TestAuth.admin().get("/api/contests/" + id).then().extract().path("questions[1].questionId");
        String code = LiveApi.openLobby(TestAuth.admin(), id);
        List<WsClient> players = new ArrayList<>();
        try (Browser b = Browser.start(base.toString())) {
            b.run("answer-charts", () -> {
                for (String nick : List.of("甲", "乙", "丙")) {
                    players.add(WsClient.play(URI.create(base.toString()), id, LiveApi.join(code, nick).token()));
                }
                String host = b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(b.base + "/host#contest=" + id);
                b.awaitText(By.id("host-count"), "3");
                String screen = b.open("/screen/" + code);
                b.desktop();
                b.await(By.id("screen-code"));

                LiveApi.act(TestAuth.admin(), id, "start").statusCode(200);
                b.to(host).await(By.id("stem"));
                // B and C twice (in either order), A once
                List<Object> choices = List.of(List.of(o.get(2), o.get(1)), List.of(o.get(1), o.get(2)), List.of(o.get(0)));
                for (int i = 0; i < 3; i++) {
                    players.get(i).answer(q0, choices.get(i), "m" + i);
                    players.get(i).await("ack");
                }
                b.to(host).awaitText(By.id("host-answered"), "3 / 3");
                b.until(d -> d.findElements(By.cssSelector("#host-combinations .ranked li")).size() == 2, "two sets listed");
                List<WebElement> sets = b.all(By.cssSelector("#host-combinations .ranked li"));
                assertThat(sets.get(0).getAttribute("data-key")).isEqualTo(o.get(1) + "," + o.get(2));
                assertThat(sets.get(0).getText()).contains("B").contains("C").contains("2");
                assertThat(sets.get(1).getAttribute("data-key")).isEqualTo(o.get(0));
                List<String> bars = b.all(By.cssSelector("#host-chart .chart .bar .n")).stream().map(WebElement::getText).toList();
                assertThat(bars.subList(0, 3)).containsExactly("1", "2", "2");
                b.shot("host-multiple-combinations-desktop");

                LiveApi.act(TestAuth.admin(), id, "reveal").statusCode(200);
                b.to(screen).await(By.cssSelector("#distribution .chart"));
                List<String> shown = b.all(By.cssSelector("#distribution .chart .bar .n")).stream().map(WebElement::getText).toList();
                assertThat(shown.subList(0, 3)).containsExactly("1", "2", "2");

                LiveApi.act(TestAuth.admin(), id, "next").statusCode(200);
                players.get(0).await("question", 0, n -> n.get("index").asInt() == 1);
                String[] texts = {"Ｚ答案。", "z答案", "另一个"};
                for (int i = 0; i < 3; i++) {
                    String rid = "t" + i;
                    players.get(i).answer(q1, texts[i], rid);
                    players.get(i).await("ack", 0, n -> n.get("requestId").asText().equals(rid));
                }
                b.to(host).awaitText(By.id("host-answered"), "3 / 3");
                // nothing ranked before the reveal: the console may be on a projector
                assertThat(b.all(By.cssSelector("#host-chart .ranked"))).isEmpty();
                LiveApi.act(TestAuth.admin(), id, "reveal").statusCode(200);
                for (String w : List.of(screen, host)) {
                    String box = w.equals(screen) ? "#distribution" : "#host-chart";
                    String list = box + " .ranked li";
                    // the screen re-renders (and re-fits) as frames arrive: read the rows in one go, again if they were replaced
                    b.to(w).until(d -> {
                        try {
                            List<WebElement> rows = d.findElements(By.cssSelector(list));
                            return rows.size() == 2 && "z答案".equals(rows.get(0).getAttribute("data-key"))
                                    && rows.get(0).getText().contains("2") && "另一个".equals(rows.get(1).getAttribute("data-key"));
                        } catch (StaleElementReferenceException e) {
                            return false;
                        }
                    }, "two answers ranked in " + list + ", z答案 (2) first, then 另一个");
                    assertThat(b.all(By.cssSelector(box + " .chart"))).as("no empty bar chart").isEmpty();
                }
                b.to(screen).shot("screen-text-reveal-desktop");
                b.to(host).shot("host-text-reveal-desktop");
            });
        } finally {
            players.forEach(WsClient::close);
            LiveApi.act(TestAuth.admin(), id, "finish");
        }
    }
}
