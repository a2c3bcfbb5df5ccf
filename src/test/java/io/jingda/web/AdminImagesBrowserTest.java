package io.jingda.web;

import io.jingda.TestAuth;
import io.jingda.media.TestImages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question editor's picture slots: choose a file (the keyboard's way), drop one, see the preview,
 * a refusal (SVG) shown in its slot, save, then remove.
 */
@QuarkusTest
class AdminImagesBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void needsBrowser() {
        Browser.assumeAvailable();
    }

    static JsonPath question() {
        return TestAuth.admin().get("/api/questions/t-admin-img-1").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void choosingDroppingReplacingAndRemovingPictures() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser-files"));
        Path png = Files.write(dir.resolve("stem-picture.png"), TestImages.png(300, 200, 601));
        Path jpeg = Files.write(dir.resolve("option-picture.jpg"), TestImages.jpeg(120, 120, 602));
        Path svg = Files.writeString(dir.resolve("evil.png"), "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                StandardCharsets.UTF_8);
        TestAuth.admin().delete("/api/question-sets/t-admin-img");
        TestAuth.admin().body(Map.of("id", "t-admin-img", "title", "图片编辑")).post("/api/question-sets").then().statusCode(201);
        TestAuth.admin().body(Map.of("id", "t-admin-img-1", "set", "t-admin-img", "type", "single",
                "stem", "图片编辑测试题", "options", List.of("甲", "乙", "丙"), "answer", "乙"))
                .post("/api/questions").then().statusCode(201);
        TestAuth.account("browser-img-organizer", "organizer");
        try (Browser b = Browser.start(base.toString())) {
            b.run("admin-images", () -> {
                b.open("/admin");
                b.desktop();
                b.login("/admin", "browser-img-organizer", "browser-img-organizer-password");
                b.type(By.id("bank-q"), "图片编辑测试题");
                b.click(By.id("bank-search"));
                b.until(d -> d.findElements(By.cssSelector("#bank-table tbody tr")).size() == 1, "one search hit");
                b.click(By.cssSelector("#bank-table tbody tr button"));
                b.await(By.id("edit-images"));
                assertThat(b.all(By.cssSelector("#edit-images .drop-zone"))).as("question + 3 options").hasSize(4);

                // a file input: reachable with Tab, opened with Enter or Space
                assertThat(b.driver.findElement(By.id("image-question-file")).isDisplayed()).isTrue();
                b.driver.findElement(By.id("image-question-file")).sendKeys(png.toAbsolutePath().toString());
                b.await(By.cssSelector("#image-question img.drop-preview"));
                b.driver.findElement(By.id("image-option-1-file")).sendKeys(jpeg.toAbsolutePath().toString());
                b.await(By.cssSelector("#image-option-1 img.drop-preview"));

                // a refused file: the server's reason in its slot, nothing attached
                b.driver.findElement(By.id("image-option-0-file")).sendKeys(svg.toAbsolutePath().toString());
                b.until(d -> d.findElement(By.id("image-option-0")).getText().contains("SVG"), "the SVG refusal");
                assertThat(b.all(By.cssSelector("#image-option-0 img.drop-preview"))).isEmpty();

                // drag and drop onto option 2: a file dropped on its slot
                ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('#image-question img').src).then(r => r.blob()).then(blob => {"
                        + " const dt = new DataTransfer(); dt.items.add(new File([blob], 'dropped.png', {type: blob.type}));"
                        + " document.getElementById('image-option-2').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                        + " done(); });");
                b.await(By.cssSelector("#image-option-2 img.drop-preview"));
                b.shot("admin-edit-images-desktop");

                b.click(By.id("save-question"));
                b.until(d -> d.findElements(By.id("question-form")).isEmpty(), "the editor closed after saving");
                JsonPath q = question();
                assertThat(q.getString("image")).matches("/media/[0-9a-f]{64}\\.png");
                assertThat(q.getList("optionImages")).hasSize(3);
                assertThat((Object) q.get("optionImages[0]")).isNull();
                assertThat(q.getString("optionImages[1]")).matches("/media/[0-9a-f]{64}\\.jpg");
                assertThat(q.getString("optionImages[2]")).isEqualTo(q.getString("image"));

                // remove the question's picture and save again
                b.click(By.cssSelector("#bank-table tbody tr button"));
                b.await(By.id("image-question-remove")).click();
                b.until(d -> d.findElements(By.cssSelector("#image-question img")).isEmpty(), "the preview is gone");
                b.click(By.id("save-question"));
                b.until(d -> d.findElements(By.id("question-form")).isEmpty(), "saved again");
                assertThat((Object) question().get("image")).isNull();
                assertThat(question().getString("optionImages[1]")).matches("/media/[0-9a-f]{64}\\.jpg");
            });
        }
    }
}
