package io.jingda.contest;

import io.jingda.question.Question;
import io.jingda.question.QuestionRepository;
import io.jingda.question.RelatedQuestions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Questions that give each other away never share a contest unless the host confirms it. */
@QuarkusTest
class RelatedQuestionsInContestsTest {
    @Inject
    QuestionRepository bank;

    private static Map<String, Object> pick(List<String> ids, Boolean confirm) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "关联题");
        body.put("questionIds", ids);
        if (confirm != null) {
            body.put("confirmRelated", confirm);
        }
        return body;
    }

    @Test
    void aManualPickOfARelatedPairIsAConflictNamingThePair() {
        // liaoning-030 lists liaoning-031 in related; wuling-059 and wuling-060 cite overlapping excerpts
        admin().body(pick(List.of("liaoning-001", "liaoning-031", "liaoning-030"), null)).post("/api/contests")
                .then().statusCode(409).body("code", equalTo("RELATED_QUESTIONS"))
                .body("pairs", hasItem(List.of("liaoning-031", "liaoning-030")))
                .body("message", containsString("liaoning-031 and liaoning-030"));
        admin().body(pick(List.of("wuling-059", "wuling-060"), false)).post("/api/contests")
                .then().statusCode(409).body("pairs[0]", equalTo(List.of("wuling-059", "wuling-060")));
        long id = create(admin(), pick(List.of("liaoning-030", "liaoning-031"), true));
        admin().get("/api/contests/" + id).then().statusCode(200).body("questions.bankId",
                equalTo(List.of("liaoning-030", "liaoning-031")));
        // the same rule on edit
        admin().body(pick(List.of("wuling-059", "wuling-060"), null)).put("/api/contests/" + id)
                .then().statusCode(409).body("code", equalTo("RELATED_QUESTIONS"));
        admin().body(pick(List.of("liaoning-001", "jilin-001"), null)).post("/api/contests").then().statusCode(201);
    }

    @Test
    void aDrawNeverHoldsTwoRelatedQuestions() {
        for (long seed = 1; seed <= 5; seed++) {
            long id = create(admin(), Map.of("title", "抽题", "draw",
                    Map.of("sets", List.of("wuling"), "count", 30, "seed", seed)));
            List<String> drawn = admin().get("/api/contests/" + id).then().extract().path("questions.bankId");
            assertThat(drawn).hasSize(30).doesNotHaveDuplicates();
            List<Question> qs = QuarkusTransaction.requiringNew().call(() ->
                    drawn.stream().map(bank::findById).toList());
            assertThat(RelatedQuestions.pairs(qs)).as("related pairs in draw with seed %d", seed).isEmpty();
        }
        // the whole set cannot be drawn at once: some of its questions give others away
        long size = QuarkusTransaction.requiringNew().call(() -> bank.count("setId", "wuling"));
        admin().body(Map.of("title", "全套", "draw", Map.of("sets", List.of("wuling"), "count", size)))
                .post("/api/contests").then().statusCode(400).body("errors.field", hasItem("draw.count"))
                .body("errors.message[0]", containsString("related"));
    }
}
