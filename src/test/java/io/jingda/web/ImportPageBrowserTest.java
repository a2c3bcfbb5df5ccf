package io.jingda.web;

import io.jingda.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer imports a CSV with one bad row, sees the error on that row, fixes the file and imports it. */
@QuarkusTest
class ImportPageBrowserTest {
    static final String HEADER = "type,stem,options,answer,explanation,tags,difficulty,timeLimit\n";
    static final String ROW1 = "single,浏览器导入第一题？,甲|乙|丙,甲,第一题解析,导入测试,1,20\n";
    /** A stem with markup: it must show as text in the preview table. */
    static final String ROW3 = "true_false,浏览器导入第三题 <img src=x onerror=alert(1)>？,,true,,导入测试,2,20\n";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    @Test
    void importWithOneBadRowThenFixed() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser-files"));
        Path csv = dir.resolve("bank-import.csv");
        // line 3: the answer 丁 is not among the options
        Files.writeString(csv, HEADER + ROW1 + "single,浏览器导入第二题？,甲|乙|丙,丁,,导入测试,1,20\n" + ROW3,
                StandardCharsets.UTF_8);
        TestAuth.account("browser-organizer", "organizer");
        try (Browser b = Browser.start(base.toString())) {
            b.open("/admin");
            b.desktop();
            b.login("/admin", "browser-organizer", "browser-organizer-password");
            b.await(By.id("bank-table"));
            b.until(d -> !d.findElements(By.cssSelector("#bank-table tbody tr")).isEmpty(), "the bank is listed");
            b.shot("admin-bank-desktop");

            // editing uses the API's validation: an answer that is not an option is refused, next to the field
            b.await(By.id("bank-q")).sendKeys("锦州市古塔区");
            b.click(By.id("bank-search"));
            b.until(d -> d.findElements(By.cssSelector("#bank-table tbody tr")).size() == 1, "one search hit");
            b.click(By.cssSelector("#bank-table tbody tr button"));
            WebElement answer = b.await(By.id("edit-answer"));
            answer.clear();
            answer.sendKeys("不是任何选项");
            b.click(By.id("save-question"));
            b.await(By.id("edit-answer-err"));
            assertThat(b.driver.findElement(By.id("edit-answer")).getAttribute("aria-invalid")).isEqualTo("true");
            b.shot("admin-edit-error-desktop");
            b.driver.findElement(By.cssSelector("#question-form button.light")).click();
            b.phone().shot("admin-bank-phone");
            b.desktop();

            b.await(By.id("tab-import")).click();
            b.await(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            b.driver.findElement(By.id("target-new")).click();
            b.await(By.id("import-new-title")).sendKeys("浏览器导入");
            b.driver.findElement(By.id("import-preview")).click();

            b.await(By.id("import-errors"));
            List<WebElement> bad = b.all(By.cssSelector("#preview-table tr.has-error"));
            assertThat(bad).hasSize(1);
            assertThat(bad.get(0).getAttribute("data-where")).isEqualTo("L3");
            assertThat(bad.get(0).getText()).contains("3").contains("answer");
            assertThat(b.all(By.cssSelector("#preview-table tbody tr"))).hasSize(3);
            assertThat(b.driver.findElement(By.id("import-commit")).isEnabled()).isFalse();
            assertThat(b.driver.findElement(By.id("preview-table")).getText()).contains("<img src=x onerror=alert(1)>");
            assertThat(b.all(By.cssSelector("img[src='x'], [onerror]"))).isEmpty();
            assertThat(b.alertShown()).isFalse();
            b.shot("admin-import-error-desktop");
            b.phone().shot("admin-import-error-phone");
            b.desktop();

            // fix the file, choose it again, preview and import
            Files.writeString(csv, HEADER + ROW1 + "single,浏览器导入第二题？,甲|乙|丙,乙,,导入测试,1,20\n" + ROW3,
                    StandardCharsets.UTF_8);
            b.driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            b.driver.findElement(By.id("import-preview")).click();
            b.until(d -> d.findElements(By.id("import-errors")).isEmpty()
                    && d.findElements(By.cssSelector("#preview-table tbody tr")).size() == 3, "a clean preview");
            assertThat(b.all(By.cssSelector("#preview-table tr.has-error"))).isEmpty();
            b.await(By.id("import-commit")).click();
            b.await(By.cssSelector("#import-report h2 svg[data-icon=check]"));
            b.await(By.id("flash"));
            b.shot("admin-import-done-desktop");
        }
        var sets = TestAuth.admin().get("/api/question-sets").then().statusCode(200).extract().jsonPath();
        String setId = sets.getList("findAll { it.title == '浏览器导入' }.id", String.class).get(0);
        TestAuth.admin().get("/api/questions?set=" + setId).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(3));
    }
}
