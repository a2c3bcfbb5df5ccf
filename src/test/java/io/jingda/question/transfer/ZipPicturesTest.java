package io.jingda.question.transfer;

import io.jingda.media.MediaApi;
import io.jingda.media.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The native format as a zip of the set file and its pictures, exported and imported. */
@QuarkusTest
class ZipPicturesTest {
    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static io.restassured.response.ValidatableResponse importZip(byte[] zip, String title) {
        return admin().multiPart("file", "set.zip", zip, "application/zip").multiPart("newSetTitle", title)
                .multiPart("mode", "commit").post("/api/imports").then();
    }

    @Test
    void aSetWithPicturesRoundTripsThroughAZip() throws IOException {
        admin().delete("/api/question-sets/t-zip");
        admin().contentType("application/json").body("{\"id\":\"t-zip\",\"title\":\"图片压缩包\"}")
                .post("/api/question-sets").then().statusCode(201);
        String stem = MediaApi.url(TestImages.jpeg(320, 240, 701));
        String option = MediaApi.url(TestImages.png(64, 48, 702));
        Map<String, Object> q = new HashMap<>(Map.of("id", "t-zip-1", "set", "t-zip", "type", "single", "stem", "哪一幅？",
                "options", List.of("甲", "乙"), "answer", "甲", "image", stem));
        q.put("optionImages", Arrays.asList(option, null));
        admin().contentType("application/json").body(q).post("/api/questions").then().statusCode(201);

        byte[] exported = admin().queryParam("format", "zip").get("/api/question-sets/t-zip/export").then().statusCode(200)
                .header("Content-Type", containsString("application/zip"))
                .header("Content-Disposition", containsString("t-zip.zip")).extract().asByteArray();
        Map<String, byte[]> files = unzip(exported);
        String sha = stem.substring("/media/".length());
        assertThat(files).containsKeys("set.yaml", "images/" + sha, "images/" + option.substring("/media/".length()));
        String yaml = new String(files.get("set.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("images/" + sha).doesNotContain("/media/");
        assertThat(io.jingda.system.Hashing.sha256Hex(files.get("images/" + sha))).isEqualTo(sha.substring(0, 64));

        importZip(exported, "Zip Round Trip").statusCode(200).body("committed", equalTo(true));
        JsonPath back = admin().queryParam("set", "zip-round-trip").get("/api/questions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(back.getString("items[0].image")).matches("/media/[0-9a-f]{64}\\.jpg");
        assertThat(back.getString("items[0].optionImages[0]")).matches("/media/[0-9a-f]{64}\\.png");
        assertThat((Object) back.get("items[0].optionImages[1]")).isNull();
        given().get(back.getString("items[0].image")).then().statusCode(200);
    }

    @Test
    void aSetWithPicturesRoundTripsThroughMoodleXml() {
        admin().delete("/api/question-sets/t-moodle-img");
        admin().contentType("application/json").body("{\"id\":\"t-moodle-img\",\"title\":\"Moodle 图片\"}")
                .post("/api/question-sets").then().statusCode(201);
        String stem = MediaApi.url(TestImages.png(90, 70, 711));
        String option = MediaApi.url(TestImages.jpeg(50, 50, 712));
        Map<String, Object> q = new HashMap<>(Map.of("id", "t-moodle-img-1", "set", "t-moodle-img", "type", "multiple",
                "stem", "哪些是延安？", "options", List.of("甲", "乙", "丙"), "answer", List.of("甲", "丙"), "image", stem));
        q.put("optionImages", Arrays.asList(null, null, option));
        admin().contentType("application/json").body(q).post("/api/questions").then().statusCode(201);
        byte[] xml = admin().queryParam("format", "moodle-xml").get("/api/question-sets/t-moodle-img/export").then()
                .statusCode(200).extract().asByteArray();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("@@PLUGINFILE@@/").contains("encoding=\"base64\"");
        admin().multiPart("file", "moodle.xml", xml, "application/xml").multiPart("newSetTitle", "Moodle Back")
                .multiPart("mode", "commit").post("/api/imports").then().statusCode(200).body("committed", equalTo(true));
        JsonPath back = admin().queryParam("set", "moodle-back").get("/api/questions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(back.getString("items[0].stem")).isEqualTo("哪些是延安？");
        assertThat(back.getString("items[0].image")).matches("/media/[0-9a-f]{64}\\.png");
        assertThat((Object) back.get("items[0].optionImages[0]")).isNull();
        assertThat(back.getString("items[0].optionImages[2]")).matches("/media/[0-9a-f]{64}\\.jpg");
        assertThat(back.getList("items[0].answer")).containsExactlyInAnyOrder("甲", "丙");
    }

    @Test
    void aPictureThatDoesNotDecodeOrIsMissingNamesItsQuestion() throws IOException {
        String yaml = """
                set: {title: 坏图片}
                questions:
                  - {type: single, stem: 第一题, options: [甲, 乙], answer: 甲, image: images/cut.jpg}
                  - {type: single, stem: 第二题, options: [甲, 乙], answer: 甲, optionImages: [null, pics/none.png]}
                """;
        byte[] jpeg = TestImages.jpeg(200, 200, 703);
        byte[] zip = zip(Map.of("set.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                "images/cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)));
        importZip(zip, "Broken Zip").statusCode(422)
                .body("errors.field", hasItem("questions[0].image"))
                .body("errors.message", hasItem(containsString("the picture 'images/cut.jpg' cannot be used")))
                .body("errors.field", hasItem("questions[1].optionImages[1]"))
                .body("errors.message", hasItem(containsString("no picture 'pics/none.png'")));
        admin().get("/api/question-sets/broken-zip").then().statusCode(404);
    }

    @Test
    void aZipWithoutASetFileIsRefused() throws IOException {
        importZip(zip(Map.of("images/a.png", TestImages.png(10, 10, 1))), "No Set").statusCode(422)
                .body("message", containsString("no set file"));
    }
}
