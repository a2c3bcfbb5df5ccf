package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** The host sees a contest's join limits on its console and changes them while the lobby is open. */
@QuarkusTest
class HostJoinLimitsBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void theHostSeesAndRaisesTheJoinRateOfAnOpenContest() {
        long id = TestAuth.admin().body("""
                {"title":"加入限制","draw":{"sets":["liaoning"],"types":["single"],"count":1,"seed":5},
                 "maxParticipants":300,"joinsPerMinute":120}""")
                .post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200);
        try (Browser b = Browser.start(base.toString())) {
            b.run("join-limits", () -> {
                b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#contest=" + id);
                b.await(By.id("limit-rate"));
                b.until(d -> "120".equals(d.findElement(By.id("limit-rate")).getAttribute("value")), "the console shows 120");
                b.until(d -> "300".equals(d.findElement(By.id("limit-max")).getAttribute("value")), "the console shows 300");
                // the console redraws on live frames (it keeps what was typed): type again if the field was replaced
                b.until(d -> {
                    try {
                        WebElement field = d.findElement(By.id("limit-rate"));
                        if (!"900".equals(field.getAttribute("value"))) {
                            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "900");
                        }
                        return "900".equals(d.findElement(By.id("limit-rate")).getAttribute("value"));
                    } catch (StaleElementReferenceException | ElementNotInteractableException e) {
                        return false;
                    }
                }, "900 typed into the join rate");
                b.shot("host-join-limits-desktop");
                b.click(By.id("limits-save"));
                b.until(d -> TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath()
                        .getInt("settings.joinsPerMinute") == 900, "the new rate stored");
                assertThat(TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath()
                        .getInt("settings.maxParticipants")).isEqualTo(300);
                b.until(d -> "900".equals(d.findElement(By.id("limit-rate")).getAttribute("value")), "the form shows it");
            });
        }
    }
}
