package io.jingda.question.transfer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jingda.TestAuth.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The server starts although the questions directory holds broken files, and reports them. */
@QuarkusTest
@TestProfile(BrokenBankStartTest.BrokenBank.class)
class BrokenBankStartTest {

    public static class BrokenBank implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jingda.questions.dir", "src/test/resources/bank-broken");
        }
    }

    @Test
    void startsWithTheGoodFilesAndReportsTheBrokenOnes() {
        admin().get("/api/question-sets/load-report").then().statusCode(200)
                .body("files", equalTo(3)).body("failed", equalTo(2))
                .body("results.find { it.file == 'good.yaml' }.status", equalTo("LOADED"))
                .body("results.find { it.file == 'broken.yaml' }.status", equalTo("FAILED"))
                .body("results.find { it.file == 'broken.yaml' }.errors.questionId", hasItem("t-broken-001"))
                .body("results.find { it.file == 'broken.yaml' }.errors.field", hasItem("questions[0].answer"))
                .body("results.find { it.file == 'bad-syntax.yml' }.status", equalTo("FAILED"));
        admin().get("/api/questions/t-good-001").then().statusCode(200);
        admin().get("/api/question-sets/t-broken").then().statusCode(404);
        io.restassured.RestAssured.get("/q/health").then().statusCode(200);
    }
}
