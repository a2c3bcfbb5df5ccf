package io.jingda.question.rest;

import io.jingda.media.MediaApi;
import io.jingda.media.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jingda.TestAuth.admin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class QuestionImagesTest {

    @BeforeEach
    void freshSet() {
        admin().delete("/api/question-sets/t-img");
        admin().body("{\"id\":\"t-img\",\"title\":\"看图识史\"}").post("/api/question-sets").then().statusCode(201);
    }

    static String single(String id, String image, String optionImages) {
        return """
                {"id":"%s","set":"t-img","type":"single","stem":"图中是哪座建筑？","options":["嘉兴南湖红船","遵义会议会址","延安宝塔"],
                 "answer":"延安宝塔","image":%s,"optionImages":%s}""".formatted(id, image, optionImages);
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void aQuestionAndItsOptionsCarryPicturesThroughCreateReadAndUpdate() {
        String stem = MediaApi.url(TestImages.jpeg(300, 200, 301));
        String a = MediaApi.url(TestImages.png(60, 60, 302));
        String c = MediaApi.url(TestImages.png(60, 60, 303));
        admin().body(single("t-img-1", q(stem), "[" + q(a) + ",null," + q(c) + "]")).post("/api/questions")
                .then().statusCode(201).body("image", equalTo(stem)).body("optionImages", contains(a, null, c));
        admin().get("/api/questions/t-img-1").then().statusCode(200)
                .body("image", equalTo(stem)).body("optionImages[0]", equalTo(a)).body("optionImages[1]", nullValue());
        // removing every picture: the fields are left out
        admin().body(single("t-img-1", "null", "[null,null,null]")).put("/api/questions/t-img-1")
                .then().statusCode(200).body("image", nullValue()).body("optionImages", nullValue());
        // a true/false question may carry a picture of its own
        admin().body("""
                {"id":"t-img-2","set":"t-img","type":"true_false","stem":"图中是天安门。","answer":true,"image":"%s"}"""
                .formatted(stem)).post("/api/questions").then().statusCode(201).body("image", equalTo(stem));
    }

    @Test
    void onlyUrlsOfStoredPicturesAreAccepted() {
        String a = MediaApi.url(TestImages.png(61, 60, 304));
        String missing = "/media/" + "ab".repeat(32) + ".png";
        admin().body(single("t-img-3", q(missing), "[" + q(a) + ",null," + q(missing) + "]")).post("/api/questions")
                .then().statusCode(422).body("code", equalTo("MEDIA_NOT_FOUND"))
                .body("errors.field", contains("image", "optionImages[2]"));
        admin().body(single("t-img-3", q("https://example.org/a.png"), "null")).post("/api/questions")
                .then().statusCode(400).body("errors[0].field", equalTo("image"))
                .body("errors[0].message", containsString("/media/"));
        admin().body(single("t-img-3", "null", "[" + q(a) + "]")).post("/api/questions")
                .then().statusCode(400).body("errors[0].field", equalTo("optionImages"))
                .body("errors[0].message", containsString("one entry per option (3)"));
        admin().body("""
                {"set":"t-img","type":"numeric","stem":"几年？","answer":3,"optionImages":["%s"]}""".formatted(a))
                .post("/api/questions").then().statusCode(400).body("errors.field", hasItems("optionImages"));
        admin().get("/api/questions/t-img-3").then().statusCode(404);
    }
}
