package io.jingda.media.rest;

import io.jingda.TestAuth;
import io.jingda.media.MediaApi;
import io.jingda.media.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class MediaResourceTest {
    @Inject
    EntityManager em;

    @Test
    void anUploadAnswersItsUrlSizeAndHashAndIsServedWithImmutableHeaders() {
        byte[] png = TestImages.png(120, 80, 101);
        var r = MediaApi.upload(png, "photo.jpg").statusCode(201)
                .body("url", matchesPattern("/media/[0-9a-f]{64}\\.png"))
                .body("width", equalTo(120)).body("height", equalTo(80))
                .extract();
        String sha = r.path("sha256");
        assertThat((String) r.path("id")).isEqualTo(sha);
        assertThat((String) r.path("url")).isEqualTo("/media/" + sha + ".png");
        byte[] served = RestAssured.get("/media/" + sha + ".png").then().statusCode(200)
                .header("Content-Type", "image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(served.length).isEqualTo((int) r.path("bytes"));
        assertThat(io.jingda.system.Hashing.sha256Hex(served)).isEqualTo(sha);
    }

    @Test
    void unknownOrMistypedPicturesAre404() {
        String sha = MediaApi.upload(TestImages.png(30, 30, 102), "a.png").statusCode(201).extract().path("sha256");
        RestAssured.get("/media/" + sha + ".jpg").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        RestAssured.get("/media/" + "0".repeat(64) + ".png").then().statusCode(404);
        RestAssured.get("/media/" + sha + ".svg").then().statusCode(404);
        RestAssured.get("/media/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void theSamePictureUploadedTwiceOrAtOnceIsStoredOnce() throws Exception {
        byte[] jpeg = TestImages.jpeg(200, 100, 103);
        String first = MediaApi.upload(jpeg, "one.jpg").statusCode(201).extract().path("sha256");
        String second = MediaApi.upload(jpeg, "two.png").statusCode(201).extract().path("sha256");
        assertThat(second).isEqualTo(first);
        byte[] other = TestImages.jpeg(210, 100, 104);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit((Callable<Integer>) () -> MediaApi.upload(other, "same.jpg").extract().statusCode()));
            }
            for (Future<Integer> f : calls) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        String sha = MediaApi.upload(other, "again.jpg").extract().path("sha256");
        assertThat(rows(Set.of(first, sha))).isEqualTo(2);
    }

    long rows(Set<String> hashes) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                em.createQuery("select count(m) from Media m where m.sha256 in :s", Long.class)
                        .setParameter("s", hashes).getSingleResult());
    }

    @Test
    void refusalsHaveTheirStatusAndCode() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(10, 10, 1), 0, big, 0, 8);
        MediaApi.upload(big, "big.png").statusCode(413).body("code", equalTo("MEDIA_TOO_LARGE"));
        MediaApi.upload("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "x.png")
                .statusCode(415).body("code", equalTo("MEDIA_TYPE_UNSUPPORTED")).body("message", containsString("SVG"));
        MediaApi.upload(TestImages.pngDeclaring(100_000, 100_000), "huge.png")
                .statusCode(422).body("code", equalTo("MEDIA_DIMENSIONS_TOO_LARGE"));
        byte[] jpeg = TestImages.jpeg(300, 300, 105);
        MediaApi.upload(java.util.Arrays.copyOf(jpeg, jpeg.length / 2), "cut.jpg")
                .statusCode(422).body("code", equalTo("MEDIA_UNREADABLE"));
        RestAssured.given().auth().preemptive().basic("admin", TestAuth.ADMIN_PASSWORD)
                .multiPart("other", "x", "y".getBytes(StandardCharsets.UTF_8)).post("/api/media")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void onlyOrganizersAndAdminsUpload() {
        RestAssured.given().multiPart("file", "a.png", TestImages.png(10, 10, 1)).post("/api/media")
                .then().statusCode(401);
        TestAuth.account("media-host", "host");
        RestAssured.given().auth().preemptive().basic("media-host", "media-host-password")
                .multiPart("file", "a.png", TestImages.png(10, 10, 1)).post("/api/media").then().statusCode(403);
    }
}
