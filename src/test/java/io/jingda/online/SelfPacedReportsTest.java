package io.jingda.online;

import io.agroal.api.AgroalDataSource;
import io.jingda.TestAuth;
import io.jingda.system.Spreadsheets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The organizer's side of docs/online.md: units uploaded, free units, voiding, exports, public rankings, races. */
@QuarkusTest
class SelfPacedReportsTest {
    @Inject
    AgroalDataSource ds;

    @Test
    void aUnitListIsUploadedAsXlsxOrCsvAllOrNothing() {
        Map<String, Object> body = SelfPaced.contest("上传单位", 6, 3);
        long id = TestAuth.admin().body(body).post("/api/contests").then().statusCode(201).extract().jsonPath().getLong("id");
        byte[] xlsx = Spreadsheets.xlsx(List.of(Spreadsheets.Sheet.of("units", List.of("单位", "上级单位", "应参加人数"),
                List.of(List.of("市委", "", 100), List.of("一支部", "市委", 30), List.of("二支部", "市委", 20)))));
        JsonPath units = TestAuth.admin().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(xlsx).put("/api/contests/" + id + "/units").then().statusCode(200).extract().jsonPath();
        assertThat(units.getList("name", String.class)).containsExactly("市委", "一支部", "二支部");
        assertThat(units.getInt("[1].headcount")).isEqualTo(30);
        assertThat(units.getLong("[1].parentId")).isEqualTo(units.getLong("[0].id"));
        TestAuth.admin().contentType("text/csv").body("name,parent\n甲,乙\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/contests/" + id + "/units").then().statusCode(400)
                .body("errors[0].field", equalTo("row 2, column parent"));
        JsonPath c = TestAuth.admin().get("/api/contests/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("settings.online.units")).isEqualTo("list");
        String code = TestAuth.admin().post("/api/contests/" + id + "/actions/open").then().statusCode(200)
                .extract().jsonPath().getString("code");
        assertThat(RestAssured.get("/api/self/" + code).jsonPath().getList("unitList.name", String.class)).hasSize(3);
        SelfPaced.register(code, "甲", "三支部");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("name", "甲", "unit", "三支部"))
                .post("/api/self/" + code + "/register").then().statusCode(400).body("errors[0].field", equalTo("unit"));
        SelfPaced.register(code, "乙", "一支部");
        TestAuth.admin().contentType("text/csv").body("name\n市委\n二支部\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/contests/" + id + "/units").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("has participants"));
    }

    @Test
    void freeUnitsAreNormalisedAndDevicesCountOnce() {
        Map<String, Object> body = SelfPaced.contest("自由单位", 6, 3);
        body.put("units", "free");
        body.put("identity", Map.of("by", "device"));
        JsonPath c = SelfPaced.schedule(body);
        String code = c.getString("code");
        String a = register(code, Map.of("name", "张三", "unit", "ＡＢＣ 公司", "deviceId", "device-0001"), 201)
                .getString("token");
        JsonPath same = register(code, Map.of("name", "张三丰", "unit", "abc公司", "deviceId", "device-0001"), 200);
        assertThat(same.getString("token")).isEqualTo(a);
        register(code, Map.of("name", "李四", "unit", "abc 公司", "deviceId", "device-0002"), 201);
        register(code, Map.of("name", "王五", "unit", "abc"), 400);
        JsonPath units = TestAuth.admin().get("/api/contests/" + c.getLong("id") + "/rankings?by=unit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(units.getList("items.unit", String.class)).containsExactly("ＡＢＣ 公司");
        assertThat(units.getInt("items[0].registered")).isEqualTo(2);
    }

    @Test
    void aVoidedAttemptStopsCountingAndTheReasonIsKept() throws Exception {
        Map<String, Object> body = SelfPaced.contest("作废", 6, 3);
        body.put("units", List.of(Map.of("name", "一支部")));
        body.put("attemptsAllowed", 2);
        body.put("antiCheat", Map.of("minResponseMs", 60_000));
        body.put("publicRanking", Map.of("persons", 1, "units", true));
        JsonPath c = SelfPaced.schedule(body);
        long id = c.getLong("id");
        String code = c.getString("code");
        Map<String, String> key = SelfPaced.answers(id);
        String t = SelfPaced.register(code, "快手", "一支部").getString("token");
        SelfPaced.Played first = SelfPaced.play(code, t, key, 3);
        assertThat(first.getBoolean("result.flagged")).isTrue();
        SelfPaced.Played second = SelfPaced.play(code, t, key, 1);
        assertThat(second.getBoolean("result.counted")).isFalse();
        String t2 = SelfPaced.register(code, "慢手", "一支部").getString("token");
        SelfPaced.play(code, t2, key, 2);

        JsonPath flagged = TestAuth.admin().get("/api/contests/" + id + "/attempts?flagged=true").then().statusCode(200)
                .extract().jsonPath();
        assertThat(flagged.getList("items.flagged", Boolean.class)).containsOnly(true);
        long best = first.attemptId();
        TestAuth.admin().body(Map.of("reason", "")).post("/api/contests/" + id + "/attempts/" + best + "/void")
                .then().statusCode(400);
        JsonPath voided = TestAuth.admin().body(Map.of("reason", "答题过快，疑似代答"))
                .post("/api/contests/" + id + "/attempts/" + best + "/void").then().statusCode(200).extract().jsonPath();
        assertThat(voided.getString("status")).isEqualTo("VOID");
        assertThat(voided.getString("voidedBy")).isEqualTo("admin");
        TestAuth.admin().body(Map.of("reason", "again")).post("/api/contests/" + id + "/attempts/" + best + "/void")
                .then().statusCode(409);
        JsonPath persons = TestAuth.admin().get("/api/contests/" + id + "/rankings?by=person").then().extract().jsonPath();
        assertThat(persons.getList("items.name", String.class)).containsExactly("慢手", "快手");
        assertThat(persons.getInt("items[1].score")).isEqualTo(second.getInt("result.score"));
        JsonPath unit = TestAuth.admin().get("/api/contests/" + id + "/rankings?by=unit").then().extract().jsonPath();
        assertThat(unit.getFloat("items[0].averageScore"))
                .isEqualTo((persons.getInt("items[0].score") + persons.getInt("items[1].score")) / 2f);
        assertThat(unit.getInt("items[0].participants")).isEqualTo(2);

        JsonPath pub = RestAssured.get("/api/self/" + code + "/rankings?by=person").then().statusCode(200).extract().jsonPath();
        assertThat(pub.getList("items.name", String.class)).containsExactly("慢手");
        assertThat(pub.getLong("items[0].participantId")).isZero();
        RestAssured.get("/api/self/" + code + "/rankings?by=unit").then().statusCode(200);

        String csv = TestAuth.admin().get("/api/contests/" + id + "/export/individuals?format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("慢手").contains("快手");
        TestAuth.admin().get("/api/contests/" + id + "/export/units?format=xlsx").then().statusCode(200);
        TestAuth.admin().get("/api/contests/" + id + "/export/questions?format=csv").then().statusCode(200);
        TestAuth.admin().get("/api/contests/" + id + "/export/nothing?format=csv").then().statusCode(404);
    }

    @Test
    void oneAnswerSentTwiceAtOnceIsStoredOnce() throws Exception {
        JsonPath c = SelfPaced.schedule(SelfPaced.contest("并发", 6, 3));
        String code = c.getString("code");
        Map<String, String> key = SelfPaced.answers(c.getLong("id"));
        String t = SelfPaced.register(code, "并发者", null).getString("token");
        JsonPath a = SelfPaced.as(t).post("/api/self/" + code + "/attempts").then().statusCode(201).extract().jsonPath();
        long attemptId = a.getLong("attemptId");
        String q0 = a.getString("question.id");
        List<CompletableFuture<Integer>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sends.add(CompletableFuture.supplyAsync(() -> SelfPaced.as(t)
                    .body(Map.of("questionId", q0, "choice", key.get(q0), "requestId", "same"))
                    .post("/api/self/attempts/" + attemptId + "/answers").statusCode()));
        }
        assertThat(sends.stream().map(CompletableFuture::join).toList()).containsOnly(200);
        try (Connection conn = ds.getConnection(); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(position) FROM online_answer WHERE attempt_id = " + attemptId)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        JsonPath now = SelfPaced.as(t).get("/api/self/attempts/" + attemptId).then().extract().jsonPath();
        assertThat(now.getInt("position")).isEqualTo(1);
    }

    private static JsonPath register(String code, Map<String, Object> body, int status) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/self/" + code + "/register")
                .then().statusCode(status).extract().jsonPath();
    }
}
