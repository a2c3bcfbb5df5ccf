package io.jingda.web;

import io.jingda.TestAuth;
import io.jingda.online.OnlineFixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's side of a self-paced contest: created in the console with a unit list (CSV), scheduled from its
 * view, played by two participants through the REST API, and watched on the view: the dashboard over its socket,
 * the unit and person rankings, and a flagged attempt voided with a reason.
 */
@QuarkusTest
class OnlineHostBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void theHostCreatesSchedulesAndWatchesASelfPacedContest() throws IOException {
        Path units = Files.createTempFile("units", ".csv");
        Files.writeString(units, "name,parent,headcount\n机关党委,,\n第一支部,机关党委,10\n第二支部,机关党委,8\n第三支部,,5\n",
                StandardCharsets.UTF_8);
        try (Browser b = Browser.start(base.toString())) {
            b.run("online-host", () -> {
                b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.click(By.id("new-contest"));
                b.await(By.id("title")).sendKeys("网络答题 · 浏览器");
                b.click(By.id("kind-self-paced"));
                b.await(By.id("online-settings"));
                b.click(By.cssSelector("input[name='draw-set'][value='liaoning']"));
                b.click(By.cssSelector("input[name='draw-type'][value='single']"));
                WebElement count = b.await(By.id("draw-count"));
                count.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
                WebElement perAttempt = b.await(By.id("online-per-attempt"));
                perAttempt.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
                b.click(By.id("online-units-upload"));
                b.await(By.id("online-units-file")).sendKeys(units.toAbsolutePath().toString());
                b.shot("host-online-new-desktop");
                b.click(By.id("create"));

                b.until(d -> d.getCurrentUrl().matches(".*/host/online/\\d+$"), "the contest's online view");
                long id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*/host/online/(\\d+)$", "$1"));
                b.awaitText(By.id("online-window"), "至");
                var contest = TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath();
                assertThat(contest.getString("status")).isEqualTo("DRAFT");
                assertThat(contest.getString("settings.mode")).isEqualTo("self-paced");
                assertThat(contest.getInt("settings.online.questionsPerAttempt")).isEqualTo(2);
                b.awaitText(By.id("online-status"), "草稿");
                assertThat(b.all(By.id("online-error"))).as("no error on the view: %s", b.bodyText()).isEmpty();
                assertThat(contest.getString("settings.online.units")).isEqualTo("list");

                b.click(By.id("act-open"));
                b.until(d -> !d.findElements(By.id("online-code")).isEmpty(), "the participants' code");
                String code = b.await(By.id("online-code")).getText();
                assertThat(code).matches("\\d{6}");
                b.awaitText(By.id("participant-link"), "/s/" + code);
                assertThat(b.await(By.id("participant-qr")).getAttribute("src")).contains("/qr?text=");
                b.awaitText(By.id("online-status"), "进行中");
                b.awaitText(By.id("dash-conn"), "实时");

                long first = OnlineFixture.playThrough(code, "张三", "第一支部");
                OnlineFixture.playThrough(code, "李四", "第二支部");

                // the dashboard over the socket, and the rankings that follow it
                b.awaitText(By.id("dash-participants"), "2");
                b.awaitText(By.id("dash-attempts"), "2");
                b.awaitText(By.id("dash-idle"), "第三支部");
                b.until(d -> d.findElements(By.cssSelector("#dash-questions tbody tr")).size() >= 2, "the questions' correct rates");
                b.awaitText(By.id("unit-ranking"), "第一支部");
                b.until(d -> unitParticipants(d, "第一支部").equals("1") && unitParticipants(d, "第二支部").equals("1")
                        && unitParticipants(d, "第三支部").equals("0"), "one participant in each of the first two units");
                b.awaitText(By.id("person-ranking"), "张三");
                b.awaitText(By.id("person-ranking"), "李四");
                b.shot("host-online-desktop");

                // roll the units up to their parent: 机关党委 has both participants
                b.click(By.id("unit-rollup"));
                b.until(d -> unitParticipants(d, "机关党委").equals("2"), "the parent unit with both participants");

                // both attempts answered at once: flagged; void the first with a reason
                b.awaitText(By.id("flagged"), "张三");
                // the seed, a 64-bit number, exactly as stored (JSON.parse alone would round it)
                String seed = TestAuth.admin().get("/api/contests/" + id + "/attempts?flagged=true").then().extract()
                        .jsonPath().getString("items.find { it.attemptId == " + first + " }.seed");
                assertThat(b.await(By.cssSelector("#flagged tr[data-attempt='" + first + "'] .seed")).getText()).isEqualTo(seed);
                b.click(By.id("void-" + first));
                b.until(d -> b.alertShown(), "the reason prompt");
                b.driver.switchTo().alert().sendKeys("代答");
                b.driver.switchTo().alert().accept();
                b.awaitText(By.id("flagged"), "代答");
                b.until(d -> TestAuth.admin().get("/api/contests/" + id + "/rankings?by=person").then().extract()
                        .jsonPath().getList("items.name").equals(java.util.List.of("李四")), "the voided attempt no longer ranks");
                b.until(d -> !b.all(By.cssSelector("#person-ranking")).isEmpty()
                        && !d.findElement(By.id("person-ranking")).getText().contains("张三"), "the page ranks 李四 alone");

                // move the end a day later
                b.js("const e = document.getElementById('extend-at'); e.value = arguments[0];"
                        + " e.dispatchEvent(new Event('input', {bubbles: true}));", "2030-01-02T03:04");
                b.click(By.id("act-extend"));
                b.awaitText(By.id("online-flash"), "结束时间已修改");
                long closesAt = java.time.Instant.parse(TestAuth.admin().get("/api/contests/" + id).then().extract()
                        .jsonPath().getString("settings.online.closesAt")).toEpochMilli();
                Object local = b.js("return new Date('2030-01-02T03:04').getTime();");
                assertThat(closesAt).isEqualTo(((Number) local).longValue());

                // English
                b.click(By.cssSelector("button.lang"));
                b.awaitText(By.id("units-h"), "Unit ranking");
                b.awaitText(By.id("flagged-h"), "Flagged attempts");
                b.shot("host-online-en-desktop");
                b.phone();
                b.shot("host-online-phone");
                assertThat(b.alertShown()).isFalse();

                // the console's list and its old address both lead a self-paced contest to this view
                b.desktop();
                b.driver.get(base + "host");
                b.click(By.cssSelector("a[href='/host/online/" + id + "']"));
                b.until(d -> d.getCurrentUrl().endsWith("/host/online/" + id), "the list opens the online view");
                b.driver.get(base + "host#contest=" + id);
                b.until(d -> d.getCurrentUrl().endsWith("/host/online/" + id), "#contest= is sent to the online view");
            });
        } finally {
            Files.deleteIfExists(units);
        }
    }

    /** The participants column of a unit's row in the unit ranking, or "" while it is not shown. */
    private static String unitParticipants(org.openqa.selenium.WebDriver d, String unit) {
        for (WebElement row : d.findElements(By.cssSelector("#unit-ranking tbody tr"))) {
            if (row.findElement(By.cssSelector(".unit-name")).getText().equals(unit)) {
                return row.findElement(By.cssSelector(".unit-participants")).getText();
            }
        }
        return "";
    }
}
