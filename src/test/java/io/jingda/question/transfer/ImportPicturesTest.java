package io.jingda.question.transfer;

import io.jingda.media.MediaApi;
import io.jingda.media.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The native format keeps picture URLs: accepted when they name pictures stored here, refused (naming where) otherwise. */
@QuarkusTest
class ImportPicturesTest {
    static String file(String setId, String image, String optionImage) {
        return """
                {"set":{"id":"%s","title":"图片导入"},
                 "questions":[{"type":"single","stem":"哪一幅？","options":["甲","乙"],"answer":"甲",
                               "image":"%s","optionImages":[null,"%s"]}]}""".formatted(setId, image, optionImage);
    }

    static io.restassured.response.ValidatableResponse upload(String json) {
        return given().auth().preemptive().basic("admin", "admin-test-password")
                .multiPart("file", "set.json", json.getBytes(StandardCharsets.UTF_8), "application/json")
                .multiPart("mode", "commit").post("/api/imports").then();
    }

    @Test
    void storedPictureUrlsAreImportedAndUnknownOnesAreRefusedNamingTheQuestion() {
        String stem = MediaApi.url(TestImages.png(50, 50, 501));
        String option = MediaApi.url(TestImages.png(50, 50, 502));
        String missing = "/media/" + "cd".repeat(32) + ".png";
        upload(file("t-imp-missing", stem, missing)).statusCode(422)
                .body("errors.field", hasItem(containsString("optionImages[1]")))
                .body("errors.message", hasItem(containsString("attach the picture in the question editor")));
        upload(file("t-imp-ok", stem, option)).statusCode(200).body("committed", equalTo(true));
        given().auth().preemptive().basic("admin", "admin-test-password").queryParam("set", "t-imp-ok")
                .get("/api/questions").then().statusCode(200)
                .body("items[0].image", equalTo(stem)).body("items[0].optionImages[1]", equalTo(option));
    }
}
