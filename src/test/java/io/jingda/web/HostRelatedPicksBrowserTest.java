package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A host who picks two questions that give each other away is warned, and creates the contest only on OK. */
@QuarkusTest
class HostRelatedPicksBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    private static int contests() {
        return TestAuth.admin().get("/api/contests").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void pickingARelatedPairAsksFirstAndCreatesOnlyOnceConfirmed() {
        int before = contests();
        try (Browser b = Browser.start(base.toString())) {
            b.run("related-picks", () -> {
                b.open("/host");
                b.desktop();
                b.login("/host", "admin", TestAuth.ADMIN_PASSWORD);
                b.driver.get(base + "host#new");
                b.await(By.id("new-form"));
                b.driver.findElement(By.cssSelector("#new-form input")).sendKeys("关联题");
                b.click(By.cssSelector("input[name='source'][value='pick']"));
                new Select(b.await(By.id("pick-set"))).selectByValue("liaoning");
                b.click(By.id("pick-search"));
                for (String id : List.of("liaoning-030", "liaoning-031")) {
                    b.click(By.cssSelector("input[data-qid='" + id + "']"));
                }
                b.until(d -> d.findElements(By.cssSelector("input[data-qid]:checked")).size() == 2, "two picked");
                b.click(By.id("create"));
                b.until(d -> b.alertShown(), "the related-questions warning");
                assertThat(b.driver.switchTo().alert().getText()).contains("liaoning-030").contains("liaoning-031");
                b.driver.switchTo().alert().dismiss();
                b.await(By.id("form-error"));
                assertThat(b.driver.findElement(By.id("form-error")).getText()).contains("liaoning-030");
                assertThat(contests()).as("nothing created after Cancel").isEqualTo(before);

                b.click(By.id("create"));
                b.until(d -> b.alertShown(), "the warning again");
                b.driver.switchTo().alert().accept();
                b.until(d -> d.getCurrentUrl().contains("#contest="), "the console of the new contest");
                assertThat(contests()).isEqualTo(before + 1);
                long id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*#contest=", ""));
                assertThat(TestAuth.admin().get("/api/contests/" + id).then().extract().jsonPath()
                        .getList("questions.bankId", String.class)).containsExactly("liaoning-030", "liaoning-031");
            });
        }
    }
}
