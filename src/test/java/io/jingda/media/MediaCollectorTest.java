package io.jingda.media;

import io.jingda.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MediaCollectorTest {
    @Inject
    MediaCollector collector;

    @Test
    void deletesOnlyPicturesNoQuestionUsesOnceTheirGraceIsOver() {
        TestAuth.admin().delete("/api/question-sets/t-gc");
        TestAuth.admin().body("{\"id\":\"t-gc\",\"title\":\"GC\"}").post("/api/question-sets").then().statusCode(201);
        String stem = MediaApi.url(TestImages.png(40, 40, 201));
        String option = MediaApi.url(TestImages.jpeg(40, 40, 202));
        String unused = MediaApi.url(TestImages.png(40, 40, 203));
        TestAuth.admin().body("""
                {"id":"t-gc-1","set":"t-gc","type":"single","stem":"哪一幅？","options":["甲","乙"],"answer":"甲",
                 "image":"%s","optionImages":[null,"%s"]}""".formatted(stem, option))
                .post("/api/questions").then().statusCode(201);

        assertThat(collector.collect(Instant.now())).as("nothing is deleted within the grace period").isZero();
        RestAssured.get(unused).then().statusCode(200);

        int deleted = collector.collect(Instant.now().plus(Duration.ofDays(2)));
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        RestAssured.get(unused).then().statusCode(404);
        RestAssured.get(stem).then().statusCode(200);
        RestAssured.get(option).then().statusCode(200);

        // once the question is gone, so are its pictures
        TestAuth.admin().delete("/api/questions/t-gc-1").then().statusCode(204);
        collector.collect(Instant.now().plus(Duration.ofDays(2)));
        RestAssured.get(stem).then().statusCode(404);
        RestAssured.get(option).then().statusCode(404);
    }
}
