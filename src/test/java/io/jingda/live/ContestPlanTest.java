package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.jingda.live.LiveApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Contest plans as documents ({@code GET /api/contests/{id}/plan}, {@code POST /api/contests/plan}): a team
 * plan written as YAML or JSON loads back as an equal contest; errors name the field and its line; a bundle
 * with the questions loads on a bank that has lost them once its sets are imported. (In this package to build
 * the team plan with {@link TeamRoundsTest}'s helpers.)
 */
@QuarkusTest
class ContestPlanTest {

    static long create(Map<String, Object> body) {
        return ((Number) admin().contentType(ContentType.JSON).body(body).post("/api/contests").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    static JsonNode contest(long id) {
        return WsClient.parse(admin().get("/api/contests/" + id).then().statusCode(200).extract().asString());
    }

    /** What makes two contests equal: title, settings, and the bank questions in order. */
    static void assertEqualContests(long a, long b) {
        JsonNode x = contest(a);
        JsonNode y = contest(b);
        assertThat(y.path("title")).isEqualTo(x.path("title"));
        assertThat(y.path("settings")).isEqualTo(x.path("settings"));
        assertThat(bankIds(y)).isEqualTo(bankIds(x)).isNotEmpty();
        assertThat(y.path("status").asText()).isEqualTo("DRAFT");
    }

    static List<String> bankIds(JsonNode contest) {
        List<String> ids = new ArrayList<>();
        contest.path("questions").forEach(q -> ids.add(q.path("bankId").asText()));
        return ids;
    }

    static Map<String, Object> teamPlan() {
        Map<String, Object> body = TeamRoundsTest.plan();
        body.put("timeLimit", 25);
        body.put("scoring", Map.of("mode", "accuracy", "streakBonus", false));
        body.put("leaderboardSize", 5);
        body.put("teamScoring", "average");
        body.put("baseScore", 50);
        return body;
    }

    @Test
    void aTeamPlanWrittenAsYamlOrJsonLoadsBackAsAnEqualContest() {
        long a = create(teamPlan());
        String yaml = admin().get("/api/contests/" + a + "/plan").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .header("Content-Disposition", "attachment; filename=\"contest-" + a + "-plan.yaml\"")
                .extract().asString();
        assertThat(yaml).startsWith("# Jingda contest plan: 四队决赛 (contest " + a + ", exported ")
                .contains("kind: buzzer", "falseStart: penalty", "stakeOrder: simultaneous", "teamScoring: average",
                        "baseScore: 50", "name: 红队")
                .doesNotContain("draw:", "index:", "from:");

        long b = ((Number) admin().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/contests/plan").then().statusCode(201)
                .header("Location", containsString("/api/contests/")).extract().path("id")).longValue();
        assertEqualContests(a, b);
        long b2 = ((Number) admin().contentType("text/yaml; charset=UTF-8").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/contests/plan").then().statusCode(201).extract().path("id")).longValue();
        assertEqualContests(a, b2);

        // JSON: by ?format or by Accept, and it is a body POST /api/contests takes as it is
        String json = admin().queryParam("format", "json").get("/api/contests/" + a + "/plan").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        assertThat(admin().accept(ContentType.JSON).get("/api/contests/" + a + "/plan").then().statusCode(200)
                .extract().asString()).isEqualTo(json);
        long c = ((Number) admin().contentType(ContentType.JSON).body(json).post("/api/contests").then().statusCode(201)
                .extract().path("id")).longValue();
        assertEqualContests(a, c);
        // the plan of a copy is the plan of the original (but for its title line)
        String again = admin().get("/api/contests/" + c + "/plan").then().statusCode(200).extract().asString();
        assertThat(again.substring(again.indexOf("\ntitle:"))).isEqualTo(yaml.substring(yaml.indexOf("\ntitle:")));

        // a plain contest (no teams, no rounds) too
        long p = create(LiveApi.contestBody(LiveApi.oneOfEachType()));
        String plain = admin().get("/api/contests/" + p + "/plan").then().statusCode(200).extract().asString();
        assertThat(plain).contains("questionIds:").doesNotContain("rounds:", "teams:");
        long q = ((Number) admin().contentType("application/yaml").body(plain.getBytes(StandardCharsets.UTF_8))
                .post("/api/contests/plan").then().statusCode(201).extract().path("id")).longValue();
        assertEqualContests(p, q);

        admin().queryParam("format", "xml").get("/api/contests/" + a + "/plan").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        admin().get("/api/contests/987654321/plan").then().statusCode(404);
        LiveApi.host().get("/api/contests/" + a + "/plan").then().statusCode(403);
    }

    @Test
    void errorsNameTheFieldAndTheLine() {
        List<String> ids = TeamRoundsTest.singles(0, 2);
        String plan = String.join("\n",
                "title: 坏计划",
                "teams:",
                "  - name: 一队",
                "  - name: 二队",
                "rounds:",
                "  - kind: wager",
                "    questionIds: [" + ids.get(0) + ", " + ids.get(1) + "]",
                "    stakes: [30, 20]",
                "");
        yaml(plan).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("rounds[0].stakes"))
                .body("errors[0].message", equalTo("must be strictly ascending ([30, 20]) (line 8)"));
        // a field the rules name that the document does not have: the line of the nearest one it has
        yaml(plan.replace("    stakes: [30, 20]\n", "")
                        .replace("  - name: 二队\n", "")).then().statusCode(400)
                .body("errors[0].field", equalTo("teams"));
        yaml(plan.replace("stakes:", "stake:"))
                .then().statusCode(400).body("errors[0].field", equalTo("rounds[0].stake"))
                .body("errors[0].message", startsWith("is not a known field (line 8"));
        yaml("title: \"unclosed\nteams: 3\n")
                .then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("is not valid YAML (line"));
        yaml("title: a\ntitle: b\n")
                .then().statusCode(400);
        yaml("").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        yaml("teamSize: many\n").then()
                .statusCode(400).body("errors[0].field", equalTo("teamSize"))
                .body("errors[0].message", containsString("line 1"));
        // JSON bodies get the same lines
        admin().contentType(ContentType.JSON).body("{\"title\": \"x\",\n \"questionIds\": [\"" + ids.get(0)
                        + "\"],\n \"leaderboardSize\": 0}").post("/api/contests/plan").then().statusCode(400)
                .body("errors[0].field", equalTo("leaderboardSize"))
                .body("errors[0].message", equalTo("must be between 1 and 100 (line 3)"));
    }

    @Test
    void aBundleCarriesTheQuestionsSoAnotherBankCanImportThemAndThenThePlan() throws Exception {
        String set = "pt" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String drawn = set + "b";
        importSet(set + ".yaml", setFile(set, 4));
        importSet(drawn + ".yaml", setFile(drawn, 2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "往返");
        body.put("teams", List.of(Map.of("name", "一队"), Map.of("name", "二队")));
        body.put("rounds", List.of(
                TeamRoundsTest.round("mandatory", List.of(set + "-002", set + "-001"), Map.of("answerer", "captain")),
                TeamRoundsTest.round("standard", List.of(set + "-003"), Map.of()),
                Map.of("kind", "buzzer", "title", "抢答", "draw", Map.of("sets", List.of(drawn), "count", 2, "seed", 7))));
        long a = create(body);
        List<String> before = bankIds(contest(a));
        JsonNode settingsBefore = contest(a).path("settings");

        byte[] zip = admin().queryParam("withQuestions", true).get("/api/contests/" + a + "/plan").then()
                .statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"contest-" + a + "-plan.zip\"")
                .extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsOnlyKeys("plan.yaml", "README.txt", "sets/" + set + ".yaml",
                "sets/" + drawn + ".yaml");
        String plan = new String(entries.get("plan.yaml"), StandardCharsets.UTF_8);
        assertThat(plan).contains("# rounds[2] was drawn {").contains("\"seed\":7");
        String first = new String(entries.get("sets/" + set + ".yaml"), StandardCharsets.UTF_8);
        assertThat(first).contains("id: " + set, set + "-001", set + "-002", set + "-003", "answer: 乙3")
                .doesNotContain(set + "-004"); // only the contest's questions
        assertThat(first.indexOf(set + "-002")).isLessThan(first.indexOf(set + "-001")); // in contest order

        // "another server": the contest and the questions are gone; import the set, then load the plan
        admin().delete("/api/contests/" + a).then().statusCode(204);
        admin().delete("/api/question-sets/" + set).then().statusCode(204);
        admin().delete("/api/question-sets/" + drawn).then().statusCode(204);
        admin().contentType("application/yaml").body(entries.get("plan.yaml")).post("/api/contests/plan").then()
                .statusCode(400).body("errors[0].field", startsWith("rounds[0].questionIds"));
        importSet(set + ".yaml", entries.get("sets/" + set + ".yaml"));
        importSet(drawn + ".yaml", entries.get("sets/" + drawn + ".yaml"));
        long b = ((Number) admin().contentType("application/yaml").body(entries.get("plan.yaml"))
                .post("/api/contests/plan").then().statusCode(201).extract().path("id")).longValue();
        assertThat(bankIds(contest(b))).isEqualTo(before);
        JsonNode after = contest(b).path("settings");
        // the drawn round comes back as the questions it drew: all else is equal
        assertThat(after.path("rounds").get(2).has("draw")).isFalse();
        ((com.fasterxml.jackson.databind.node.ObjectNode) settingsBefore.path("rounds").get(2)).remove("draw");
        assertThat(after).isEqualTo(settingsBefore);
    }

    /** A native set file of {@code n} single-choice questions {@code <set>-001…}, whose answer is 乙i. */
    private static byte[] setFile(String set, int n) {
        StringBuilder file = new StringBuilder("set:\n  id: " + set + "\n  title: 计划往返 " + set
                + "\n  language: zh-CN\nquestions:\n");
        for (int i = 1; i <= n; i++) {
            file.append("- id: ").append(set).append("-00").append(i).append('\n')
                    .append("  type: single\n  stem: ").append(set).append(" 第").append(i).append("题？\n")
                    .append("  options: [甲").append(i).append(", 乙").append(i).append(", 丙").append(i).append("]\n")
                    .append("  answer: 乙").append(i).append('\n')
                    .append("  difficulty: 1\n  timeLimit: 20\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static io.restassured.response.Response yaml(String plan) {
        return admin().contentType("application/yaml").body(plan.getBytes(StandardCharsets.UTF_8))
                .post("/api/contests/plan");
    }

    private static void importSet(String name, byte[] data) {
        io.restassured.RestAssured.given().auth().preemptive().basic(LiveApi.ADMIN, LiveApi.ADMIN_PASSWORD)
                .multiPart("file", name, data, "application/octet-stream").multiPart("mode", "commit")
                .post("/api/imports").then().statusCode(200);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
