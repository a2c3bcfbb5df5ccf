package io.jingda.question.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jingda.TestAuth.admin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class QuestionResourceTest {

    @BeforeEach
    void freshSet() {
        admin().delete("/api/question-sets/t-crud");
        admin().body("""
                {"id":"t-crud","title":"测试题库","description":"CRUD","tags":["测试"]}""")
                .post("/api/question-sets").then().statusCode(201).body("language", equalTo("zh-CN"));
    }

    private static String question(String id, String stem) {
        return """
                {"id":"%s","set":"t-crud","type":"single","stem":"%s","options":["红船精神","井冈山精神","雷锋精神"],
                 "answer":"雷锋精神","explanation":"抚顺是雷锋的第二故乡。","source":{"report":"002_67e40d34bb47b71a.txt","excerpt":"雷锋精神"},
                 "tags":["抚顺","人物"],"difficulty":1}""".formatted(id, stem);
    }

    @Test
    void createReadUpdateDelete() {
        admin().body(question("t-crud-1", "抚顺弘扬的是哪种精神？")).post("/api/questions").then().statusCode(201)
                .header("Location", containsString("/api/questions/t-crud-1"))
                .body("timeLimit", equalTo(20)).body("points", equalTo(1000)).body("answer", equalTo("雷锋精神"));
        admin().get("/api/questions/t-crud-1").then().statusCode(200)
                .body("stem", equalTo("抚顺弘扬的是哪种精神？")).body("source.report", equalTo("002_67e40d34bb47b71a.txt"))
                .body("tags", contains("抚顺", "人物"));
        admin().body("""
                {"set":"t-crud","type":"numeric","stem":"嘉兴网上答题多少万人次？","answer":1137,"tolerance":0}""")
                .put("/api/questions/t-crud-1").then().statusCode(200).body("type", equalTo("numeric")).body("answer", equalTo(1137));
        admin().get("/api/question-sets/t-crud").then().statusCode(200).body("questionCount", equalTo(1));
        admin().delete("/api/questions/t-crud-1").then().statusCode(204);
        admin().get("/api/questions/t-crud-1").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        admin().delete("/api/questions/t-crud-1").then().statusCode(404);
    }

    @Test
    void generatesAnIdWhenNoneIsGiven() {
        admin().body(question("x", "生成编号").replace("\"id\":\"x\",", "")).post("/api/questions").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.startsWith("t-crud-"));
    }

    @Test
    void duplicateIdIs409() {
        admin().body(question("t-crud-dup", "一")).post("/api/questions").then().statusCode(201);
        admin().body(question("t-crud-dup", "二")).post("/api/questions").then().statusCode(409)
                .body("code", equalTo("DUPLICATE_ID")).body("message", containsString("t-crud-dup"));
        admin().body("{\"id\":\"t-crud\",\"title\":\"again\"}").post("/api/question-sets").then().statusCode(409);
    }

    @Test
    void searchIsPagedAndFindsChineseSubstrings() {
        for (int i = 0; i < 5; i++) {
            admin().body(question("t-crud-s" + i, "第" + i + "题：抚顺弘扬的是哪种精神？")).post("/api/questions").then().statusCode(201);
        }
        admin().body("""
                {"id":"t-crud-tf","set":"t-crud","type":"true_false","stem":"嘉兴是红船起航地。","answer":true,"tags":["嘉兴"],"difficulty":3}""")
                .post("/api/questions").then().statusCode(201);
        admin().queryParam("set", "t-crud").queryParam("q", "弘扬").queryParam("size", 2).queryParam("page", 1)
                .get("/api/questions").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2)).body("items", hasSize(2))
                .body("items[0].id", equalTo("t-crud-s2"));
        // q matches option text too
        admin().queryParam("set", "t-crud").queryParam("q", "井冈山").get("/api/questions").then().body("total", equalTo(5));
        admin().queryParam("set", "t-crud").queryParam("type", "true_false").get("/api/questions").then()
                .body("total", equalTo(1)).body("items[0].answer", equalTo(true));
        admin().queryParam("set", "t-crud").queryParam("tag", "嘉兴").get("/api/questions").then().body("total", equalTo(1));
        admin().queryParam("set", "t-crud").queryParam("difficulty", 1).get("/api/questions").then().body("total", equalTo(5))
                .body("items.difficulty", everyItem(equalTo(1)));
        admin().queryParam("type", "essay").get("/api/questions").then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void invalidQuestionGets400WithEveryFieldError() {
        admin().body("""
                {"set":"t-crud","type":"single","stem":"","options":["甲"],"answer":"乙","difficulty":5,"timeLimit":2}""")
                .post("/api/questions").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("message", notNullValue())
                .body("errors.field", hasItem("stem")).body("errors.field", hasItem("options"))
                .body("errors.field", hasItem("difficulty")).body("errors.field", hasItem("timeLimit"));
        admin().body("""
                {"set":"nope","type":"text","stem":"x","answer":["y"]}""")
                .post("/api/questions").then().statusCode(400).body("errors[0].field", equalTo("set"));
    }

    @Test
    void unknownFieldsAndWrongTypesAre400NotServerErrors() {
        admin().body("""
                {"set":"t-crud","type":"text","stem":"x","answer":["y"],"colour":"red"}""")
                .post("/api/questions").then().statusCode(400).body("code", equalTo("INVALID_JSON"))
                .body("errors[0].field", equalTo("colour"));
        admin().body("""
                {"set":"t-crud","type":"text","stem":"x","answer":["y"],"difficulty":"hard"}""")
                .post("/api/questions").then().statusCode(400).body("errors[0].field", equalTo("difficulty"));
        admin().body("{\"set\":").post("/api/questions").then().statusCode(400).body("code", equalTo("INVALID_JSON"));
        admin().body("[1,2]").post("/api/question-sets").then().statusCode(400);
    }

    @Test
    void setsCanBeUpdatedAndDeletedWithTheirQuestions() {
        admin().body(question("t-crud-del", "删除")).post("/api/questions").then().statusCode(201);
        admin().body("{\"title\":\"新标题\",\"tags\":[\"a\",\"a\",\"b\"]}").put("/api/question-sets/t-crud").then().statusCode(200)
                .body("title", equalTo("新标题")).body("tags", contains("a", "b"));
        admin().body("{\"id\":\"other\",\"title\":\"x\"}").put("/api/question-sets/t-crud").then().statusCode(400);
        admin().body("{\"title\":\"\"}").put("/api/question-sets/t-crud").then().statusCode(400).body("errors[0].field", equalTo("title"));
        admin().body("{\"title\":\"x\"}").put("/api/question-sets/missing").then().statusCode(404);
        admin().get("/api/question-sets").then().statusCode(200).body("id", hasItem("t-crud"));
        admin().delete("/api/question-sets/t-crud").then().statusCode(204);
        admin().get("/api/questions/t-crud-del").then().statusCode(404);
        admin().get("/api/question-sets/t-crud").then().statusCode(404);
    }

    @Test
    void pagingOverflowAndNonNumbersAre400NamingTheParameter() {
        admin().get("/api/questions?page=2147483647&size=200").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("page"))
                .body("errors[0].message", containsString("the last page is 10737418"));
        admin().get("/api/questions?page=10737418&size=200").then().statusCode(200).body("items", hasSize(0));
        admin().get("/api/questions?difficulty=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("difficulty")).body("errors[0].message", containsString("'abc'"));
        admin().get("/api/questions?size=lots").then().statusCode(400).body("errors[0].field", equalTo("size"));
        admin().get("/api/questions?page=99999999999").then().statusCode(400).body("errors[0].field", equalTo("page"));
        admin().get("/api/catalog/questions?difficulty=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("difficulty"));
        admin().get("/api/catalog/questions?page=2147483647&size=200").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
