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

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 on /admin: an organizer creates an ordering question (options typed in the right order) and a poll. */
@QuarkusTest
class AdminNewTypesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    private static void create(Browser b, String id, String type, String stem, String options) {
        b.click(By.id("new-question"));
        b.type(By.id("edit-id"), id);
        new Select(b.driver.findElement(By.id("edit-type"))).selectByValue(type);
        b.type(By.id("edit-stem"), stem);
        b.type(By.id("edit-options"), options);
    }

    @Test
    void anOrganizerCreatesAnOrderingAndAPoll() {
        TestAuth.account("types-organizer", "organizer");
        try (Browser b = Browser.start(base.toString())) {
            b.run("admin-new-types", () -> {
                b.open("/admin");
                b.desktop();
                b.login("/admin", "types-organizer", "types-organizer-password");
                b.await(By.id("bank-table"));

                create(b, "browser-ordering-1", "ordering", "按时间先后排列", "中共一大\n遵义会议\n七届二中全会");
                assertThat(b.all(By.id("edit-answer"))).as("an ordering's answer is its options' order").isEmpty();
                b.shot("admin-edit-ordering-desktop");
                b.click(By.id("save-question"));
                b.until(d -> d.findElements(By.id("question-form")).isEmpty(), "saved");
                JsonPath ordering = TestAuth.admin().get("/api/questions/browser-ordering-1").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(ordering.getString("type")).isEqualTo("ordering");
                assertThat(ordering.getList("answer")).containsExactly("中共一大", "遵义会议", "七届二中全会");

                create(b, "browser-poll-1", "poll", "你最喜欢哪个季节？", "春\n夏\n秋");
                b.await(By.id("poll-hint"));
                assertThat(b.all(By.id("edit-answer"))).isEmpty();
                b.click(By.id("save-question"));
                b.until(d -> d.findElements(By.id("question-form")).isEmpty(), "saved");
                JsonPath poll = TestAuth.admin().get("/api/questions/browser-poll-1").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(poll.getString("type")).isEqualTo("poll");
                assertThat(poll.getList("options")).isEqualTo(List.of("春", "夏", "秋"));
                assertThat((Object) poll.get("answer")).isNull();

                // an ordering with one option is refused next to the options field
                create(b, "browser-ordering-2", "ordering", "只有一项", "唯一");
                b.click(By.id("save-question"));
                b.await(By.id("edit-options-err"));
                assertThat(b.driver.findElement(By.id("edit-options-err")).getText()).contains("2");
            });
        }
    }
}
