package io.jingda.web;

import io.jingda.TestAuth;
import io.jingda.media.MediaApi;
import io.jingda.media.TestImages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures in questions on the phones (360×640 and 390×844) and the projector: a tall picture and a
 * wide one never push the answer buttons off the screen. Screenshots in target/screenshots.
 */
@QuarkusTest
class QuestionImagesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    long contest() {
        TestAuth.admin().delete("/api/question-sets/browser-img");
        TestAuth.admin().body(Map.of("id", "browser-img", "title", "看图识史")).post("/api/question-sets").then().statusCode(201);
        String tall = MediaApi.url(TestImages.jpeg(500, 2000, 401));
        String wide = MediaApi.url(TestImages.jpeg(2000, 400, 402));
        String optA = MediaApi.url(TestImages.png(800, 200, 403));
        String optB = MediaApi.url(TestImages.png(200, 800, 404));
        Map<String, Object> first = new HashMap<>(Map.of("set", "browser-img", "type", "single",
                "stem", "图中的建筑位于哪座城市？", "options", List.of("延安", "遵义", "嘉兴", "瑞金"), "answer", "延安",
                "image", tall, "timeLimit", 120));
        first.put("optionImages", Arrays.asList(optA, null, optB, null));
        String q1 = TestAuth.admin().body(first).post("/api/questions").then().statusCode(201).extract().path("id");
        String q2 = TestAuth.admin().body(Map.of("set", "browser-img", "type", "single", "stem", "这幅长卷描绘的是哪一事件？",
                        "options", List.of("长征", "抗美援朝", "开国大典", "南昌起义"), "answer", "长征", "image", wide,
                        "timeLimit", 120))
                .post("/api/questions").then().statusCode(201).extract().path("id");
        return TestAuth.admin().body(Map.of("title", "Pictures", "questionIds", List.of(q1, q2),
                        "scoring", Map.of("mode", "accuracy", "streakBonus", false)))
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Every answer button lies wholly inside the viewport, and the question's picture has loaded. */
    static void buttonsOnScreenWithThePicture(Browser b, String where) {
        b.until(d -> (Boolean) b.js("const i = document.getElementById('q-image');"
                + " return !!i && i.complete && i.naturalHeight > 0;"), "the picture loaded on " + where);
        Object off = b.js("return [...document.querySelectorAll('.opt')].filter(e => { const r = e.getBoundingClientRect();"
                + " return r.top < 0 || r.left < 0 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5; }).length;");
        assertThat(((Number) off).intValue()).as("answer buttons off the screen on " + where).isZero();
        assertThat(b.all(By.cssSelector(".opt"))).hasSize(4);
        assertThat(b.onScreen("#q-image")).as("picture on screen on " + where).isTrue();
    }

    @Test
    void tallAndWidePicturesLeaveTheAnswerButtonsOnThePhonesAndTheProjector() {
        long id = contest();
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
        try (Browser b = Browser.start(base.toString())) {
            b.run("images", () -> {
                String screen = b.open("/screen/" + code);
                b.display(1920, 1080);
                b.await(By.id("screen-code"));
                String big = join(b, code, "Big");
                b.phone(390, 844);
                String small = join(b, code, "Small");
                b.phone(360, 640);
                TestAuth.admin().post("/api/contests/" + id + "/actions/start").then().statusCode(200);
                for (String[] step : new String[][]{{"tall", "1"}, {"wide", "2"}}) {
                    for (String[] p : new String[][]{{big, "390x844"}, {small, "360x640"}}) {
                        b.to(p[0]).await(By.cssSelector("button.opt"));
                        buttonsOnScreenWithThePicture(b, "the phone " + p[1] + " (" + step[0] + ")");
                        b.shot("play-image-" + step[0] + "-" + p[1]);
                    }
                    b.to(screen).await(By.cssSelector(".opt"));
                    buttonsOnScreenWithThePicture(b, "the projector (" + step[0] + ")");
                    b.shot("screen-image-" + step[0] + "-1920x1080");
                    if (step[1].equals("1")) {
                        // the option pictures are there, each with its option's text
                        assertThat(b.all(By.cssSelector(".opt img.opt-image"))).hasSize(2);
                        b.to(small);
                        assertThat(b.all(By.cssSelector("button.opt img.opt-image"))).hasSize(2);
                        TestAuth.admin().post("/api/contests/" + id + "/actions/close").then().statusCode(200);
                        TestAuth.admin().post("/api/contests/" + id + "/actions/reveal").then().statusCode(200);
                        TestAuth.admin().post("/api/contests/" + id + "/actions/next").then().statusCode(200);
                        b.to(small).until(d -> d.findElements(By.cssSelector("button.opt img.opt-image")).isEmpty()
                                && !d.findElements(By.cssSelector("button.opt")).isEmpty(), "the second question");
                    }
                }
            });
        }
    }

    private static String join(Browser b, String code, String nickname) {
        String handle = b.open("/join/" + code);
        b.phone();
        b.await(By.id("nickname")).sendKeys(nickname);
        if (b.driver.findElement(By.id("code")).getAttribute("value").isEmpty()) {
            b.driver.findElement(By.id("code")).sendKeys(code);
        }
        b.driver.findElement(By.id("join-btn")).click();
        b.await(By.id("lobby-count"));
        return handle;
    }
}
