package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The console enables exactly the actions the server allows (allowedActions), through each step of a contest. */
@QuarkusTest
class HostAllowedActionsBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    private static Set<String> allowed(long id) {
        return new TreeSet<>(TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath()
                .getList("allowedActions", String.class));
    }

    /** The actions whose buttons are enabled on the console. */
    private static Set<String> enabled(Browser b) {
        Set<String> on = new TreeSet<>();
        for (WebElement e : b.all(By.cssSelector(".controls button[id^='act-']"))) {
            if (e.isEnabled()) {
                on.add(e.getAttribute("id").substring("act-".length()));
            }
        }
        return on;
    }

    private static void expect(Browser b, long id, String... actions) {
        Set<String> want = new TreeSet<>(List.of(actions));
        b.until(d -> allowed(id).equals(want) && enabled(b).equals(want),
                "the server allows and the console enables " + want + " (server: " + allowed(id) + ")");
    }

    @Test
    void theButtonsFollowTheServersAllowedActions() {
        long id = TestAuth.admin().body("""
                {"title":"允许的操作","draw":{"sets":["liaoning"],"types":["single"],"count":2,"seed":5},"timeLimit":300}""")
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        try (Browser b = Browser.start(base.toString())) {
            b.run("allowed-actions", () -> {
                b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#contest=" + id);
                expect(b, id, "open");
                b.click(By.id("act-open"));
                expect(b, id, "start", "finish");
                b.click(By.id("act-start"));
                expect(b, id, "close", "reveal", "leaderboard", "pause", "finish");
                b.click(By.id("act-pause"));
                expect(b, id, "resume", "finish");
                b.click(By.id("act-resume"));
                expect(b, id, "close", "reveal", "leaderboard", "pause", "finish");
                b.click(By.id("act-close"));
                expect(b, id, "reveal", "leaderboard", "pause", "finish");
                b.click(By.id("act-reveal"));
                expect(b, id, "leaderboard", "next", "pause", "finish");
                b.click(By.id("act-leaderboard"));
                expect(b, id, "next", "pause", "finish");
                b.click(By.id("act-next"));
                expect(b, id, "close", "reveal", "leaderboard", "pause", "finish");
                b.click(By.id("act-finish"));
                b.until(d -> b.alertShown(), "the finish confirmation");
                b.driver.switchTo().alert().accept();
                expect(b, id);
                b.await(By.id("results"));
            });
        }
    }
}
