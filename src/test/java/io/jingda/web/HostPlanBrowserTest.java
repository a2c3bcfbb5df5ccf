package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** A host pastes a team contest's plan as YAML on the new-contest page: a bad one is named, a good one opens. */
@QuarkusTest
class HostPlanBrowserTest {
    static final String PLAN = """
            teams:
              - name: 红队
              - name: 蓝队
            rounds:
              - kind: mandatory
                title: 必答题
                questionIds: [liaoning-001, jilin-001]
              - kind: buzzer
                title: 抢答题
                questionIds: [liaoning-002]
                stakes: [10, 20]
            """;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void aPlanPastedAsYamlCreatesAndOpensTheTeamContest() {
        try (Browser b = Browser.start(base.toString())) {
            b.run("host-plan", () -> {
                b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#new");
                b.await(By.id("new-form"));
                b.driver.findElement(By.cssSelector("#new-form input")).sendKeys("方案团队赛");
                b.click(By.cssSelector("input[name='source'][value='plan']"));
                WebElement text = b.await(By.cssSelector("#plan-text textarea, textarea#plan-text, #new-form textarea"));
                text.sendKeys(PLAN);
                b.click(By.id("create"));
                // stakes belong to wager rounds: the error names the round and the field
                b.await(By.id("form-error"));
                assertThat(b.driver.findElement(By.id("form-error")).getText()).contains("rounds[1]");
                text = b.driver.findElement(By.cssSelector("#new-form textarea"));
                text.clear();
                text.sendKeys(PLAN.replace("    stakes: [10, 20]\n", ""));
                b.click(By.id("create"));
                b.until(d -> d.getCurrentUrl().contains("#contest="), "the console of the new contest");
                long id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*#contest=", ""));
                JsonPath c = TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath();
                assertThat(c.getString("title")).isEqualTo("方案团队赛");
                assertThat(c.getString("status")).isEqualTo("LOBBY");
                assertThat(c.getList("teams.name", String.class)).containsExactly("红队", "蓝队");
                assertThat(c.getList("settings.rounds.kind", String.class)).containsExactly("mandatory", "buzzer");
            });
        }
    }
}
