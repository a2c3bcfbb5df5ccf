package io.jingda.question.transfer;

import io.jingda.question.format.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportResourceTest {

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password");
    }

    private static Response upload(String name, byte[] data, String... fields) {
        var req = admin().multiPart("file", name, data, "application/octet-stream");
        for (int i = 0; i < fields.length; i += 2) {
            req = req.multiPart(fields[i], fields[i + 1]);
        }
        return req.when().post("/api/imports");
    }

    private static long count(String set) {
        return admin().queryParam("set", set).get("/api/questions").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void previewWritesNothingThenCommitWritesEverything() {
        byte[] csv = Fixtures.bytes("csv/excel-utf8-bom.csv");
        upload("党史.csv", csv, "newSetTitle", "Preview Then Commit").then().statusCode(200)
                .body("format", equalTo("csv"))
                .body("encoding", equalTo("UTF-8 (BOM)"))
                .body("mode", equalTo("preview"))
                .body("committed", equalTo(false))
                .body("set.id", equalTo("preview-then-commit"))
                .body("set.created", equalTo(true))
                .body("counts.parsed", equalTo(6))
                .body("counts.toCreate", equalTo(6))
                .body("questions", hasSize(6))
                .body("questions[1].line", equalTo(3))
                .body("questions[1].question.answer", hasSize(3));
        admin().get("/api/question-sets/preview-then-commit").then().statusCode(404);

        upload("党史.csv", csv, "newSetTitle", "Preview Then Commit", "mode", "commit").then().statusCode(200)
                .body("committed", equalTo(true));
        assertEquals(6, count("preview-then-commit"));

        // the same file again: every question is a duplicate, skipped by default
        upload("党史.csv", csv, "set", "preview-then-commit", "mode", "commit").then().statusCode(200)
                .body("counts.duplicate", equalTo(6)).body("counts.skipped", equalTo(6))
                .body("counts.toCreate", equalTo(0))
                .body("questions[0].action", equalTo("skip"))
                .body("questions[0].duplicateOf", notNullValue());
        assertEquals(6, count("preview-then-commit"));

        // fail: duplicates are errors, nothing written, 422 with the report
        upload("党史.csv", csv, "set", "preview-then-commit", "mode", "commit", "onDuplicate", "fail").then()
                .statusCode(422).body("code", equalTo("IMPORT_FAILED")).body("errors", hasSize(6))
                .body("errors[0].line", equalTo(2));

        // update: a changed explanation replaces the old one, nothing is added
        String changed = new String(csv, StandardCharsets.UTF_8).replace("1921年7月在上海召开。", "新的解析");
        upload("党史.csv", changed.getBytes(StandardCharsets.UTF_8), "set", "preview-then-commit", "mode", "commit",
                "onDuplicate", "update").then().statusCode(200).body("counts.toUpdate", equalTo(6));
        assertEquals(6, count("preview-then-commit"));
        admin().queryParam("set", "preview-then-commit").queryParam("q", "第一次全国代表大会").get("/api/questions")
                .then().body("items[0].explanation", equalTo("新的解析"));
    }

    @Test
    void commitIsAllOrNothing() {
        Response r = upload("errors.csv", Fixtures.bytes("csv/errors.csv"), "newSetTitle", "All Or Nothing",
                "mode", "commit");
        r.then().statusCode(422).body("code", equalTo("IMPORT_FAILED")).body("committed", equalTo(false))
                .body("counts.errors", equalTo(4));
        admin().get("/api/question-sets/all-or-nothing").then().statusCode(404);
        var errors = r.jsonPath().getList("errors");
        assertTrue(errors.toString().contains("not one of the options"), errors.toString());
        assertTrue(errors.toString().contains("unknown type 'essay'"), errors.toString());
        // the same errors in preview, with a 200 so the organizer sees the table
        upload("errors.csv", Fixtures.bytes("csv/errors.csv"), "newSetTitle", "All Or Nothing").then().statusCode(200)
                .body("counts.errors", equalTo(4)).body("questions[1].action", equalTo("error"));
    }

    @Test
    void xlsxErrorsPointAtSheetRowAndColumn() {
        upload("kahoot.xlsx", Fixtures.bytes("xlsx/kahoot-template.xlsx"), "newSetTitle", "Kahoot").then()
                .statusCode(200).body("format", equalTo("xlsx")).body("counts.parsed", equalTo(3))
                .body("errors[0].sheet", equalTo("Sheet1")).body("errors[0].row", equalTo(12))
                .body("errors[0].column", equalTo("H"));
    }

    @Test
    void everyFormatImportsItsFixture() {
        upload("teacher.gift", Fixtures.bytes("gift/moodle-teacher.gift"), "mode", "commit").then().statusCode(200)
                .body("set.title", equalTo("语文常识")).body("counts.toCreate", equalTo(10))
                .body("counts.skipped", equalTo(3));
        upload("moodle.xml", Fixtures.bytes("moodle/moodle-export.xml"), "newSetTitle", "Moodle XML").then()
                .statusCode(200).body("format", equalTo("moodle-xml")).body("counts.toCreate", equalTo(5));
        upload("questions.txt", Fixtures.bytes("aiken/questions.txt"), "newSetTitle", "Aiken").then()
                .statusCode(200).body("format", equalTo("aiken")).body("counts.errors", equalTo(1));
        upload("gbk.csv", Fixtures.bytes("csv/excel-gbk-semicolon.csv"), "newSetTitle", "GBK").then()
                .statusCode(200).body("encoding", equalTo("GB18030")).body("counts.toCreate", equalTo(3));
    }

    @Test
    void exportsImportBackAsDuplicates() {
        upload("small.yaml", Fixtures.bytes("native/small.yaml"), "mode", "commit").then().statusCode(200)
                .body("set.id", equalTo("round-trip")).body("counts.toCreate", equalTo(1));
        for (String format : new String[]{"yaml", "json", "csv", "xlsx", "gift", "aiken", "moodle-xml"}) {
            Response exp = admin().queryParam("format", format).get("/api/question-sets/round-trip/export");
            exp.then().statusCode(200).header("Content-Disposition", containsString("round-trip"))
                    .header("Jingda-Omitted", "0");
            upload("export." + format, exp.asByteArray(), "set", "round-trip", "format", format).then().statusCode(200)
                    .body("counts.duplicate", equalTo(1)).body("counts.toCreate", equalTo(0));
        }
        String csv = admin().queryParam("format", "csv").get("/api/question-sets/round-trip/export").asString();
        assertTrue(csv.startsWith("\uFEFFid,type,stem"), csv);
        admin().queryParam("format", "pdf").get("/api/question-sets/round-trip/export").then().statusCode(400);
        admin().queryParam("format", "csv").get("/api/question-sets/nope/export").then().statusCode(404);
    }

    @Test
    void aikenExportSaysWhatItLeftOut() {
        upload("teacher2.gift", Fixtures.bytes("gift/moodle-teacher.gift"), "newSetTitle", "Aiken Omit", "mode", "commit")
                .then().statusCode(200);
        admin().queryParam("format", "aiken").get("/api/question-sets/aiken-omit/export").then().statusCode(200)
                .header("Jingda-Omitted", "7")
                .header("Jingda-Omitted-Questions", containsString("single-answer"));
    }

    @Test
    void templatesHaveOneExampleOfEachType() {
        byte[] csv = admin().get("/api/imports/templates/csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        upload("template.csv", csv, "newSetTitle", "Template CSV").then().statusCode(200)
                .body("counts.toCreate", equalTo(7)).body("errors", hasSize(0));
        byte[] xlsx = admin().get("/api/imports/templates/xlsx").then().statusCode(200).extract().asByteArray();
        upload("template.xlsx", xlsx, "newSetTitle", "Template XLSX").then().statusCode(200)
                .body("counts.toCreate", equalTo(7)).body("questions.question.type",
                        equalTo(java.util.List.of("single", "multiple", "true_false", "text", "numeric", "ordering",
                                "poll")));
        admin().get("/api/imports/templates/gift").then().statusCode(404);
    }

    @Test
    void hostileFilesGetAClear4xxAndWriteNothing() {
        long before = admin().get("/api/question-sets").jsonPath().getList("$").size();
        upload("xxe.xml", Fixtures.bytes("hostile/xxe.xml"), "mode", "commit").then().statusCode(422)
                .body("code", equalTo("INVALID_FILE")).body("errors[0].message", containsString("DTD"));
        upload("lol.xml", Fixtures.bytes("hostile/billion-laughs.xml"), "mode", "commit").then().statusCode(422);
        upload("deep.json", Fixtures.bytes("hostile/deep.json"), "mode", "commit").then().statusCode(422);
        upload("bad.json", Fixtures.bytes("hostile/invalid-utf8.json"), "mode", "commit").then().statusCode(422)
                .body("errors[0].message", containsString("UTF-8"));
        upload("cut.json", Fixtures.bytes("hostile/truncated.json"), "mode", "commit").then().statusCode(422);
        upload("cut.xml", Fixtures.bytes("hostile/truncated.xml"), "mode", "commit").then().statusCode(422);
        upload("bin.csv", Fixtures.bytes("hostile/binary.csv"), "mode", "commit").then().statusCode(422);
        upload("long.csv", ("stem,answer\n" + "x".repeat(100_000) + ",a\n").getBytes(StandardCharsets.UTF_8),
                "mode", "commit").then().statusCode(422).body("errors[0].message", containsString("longer than"));
        StringBuilder many = new StringBuilder("stem,answer\n");
        for (int i = 0; i < 20_001; i++) {
            many.append("q").append(i).append(",a\n");
        }
        upload("many.csv", many.toString().getBytes(StandardCharsets.UTF_8), "mode", "commit").then().statusCode(422)
                .body("message", containsString("more than 20000"));
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        upload("big.csv", big, "mode", "commit").then().statusCode(413).body("code", equalTo("FILE_TOO_LARGE"));
        upload("mystery.bin", new byte[]{1, 2, 3}).then().statusCode(415);
        assertEquals(before, admin().get("/api/question-sets").jsonPath().getList("$").size());
    }

    @Test
    void badRequestsAndAccess() {
        upload("a.csv", "stem,answer\nq,a\n".getBytes(), "mode", "maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        upload("a.csv", "stem,answer\nq,a\n".getBytes(), "set", "x", "newSetTitle", "y").then().statusCode(400);
        upload("a.csv", "stem,answer\nq,a\n".getBytes(), "set", "no-such-set").then().statusCode(404);
        upload("a.csv", "stem,answer\nq,a\n".getBytes(), "format", "docx").then().statusCode(400);
        given().multiPart("file", "a.csv", "stem,answer\nq,a\n".getBytes()).post("/api/imports").then().statusCode(401);
        given().get("/api/question-sets/round-trip/export").then().statusCode(401);
        given().get("/api/imports/templates/csv").then().statusCode(401);
    }

    @Test
    void aGiftFileWithAnUnclosedAnswerBlockIsRefusedOnCommitWithItsLineAndNothingWritten() {
        byte[] gift = """
                ::OK-1:: 这一题是好的 {T}

                ::BAD:: 这一题缺少右括号 {
                  =对
                  ~错

                ::OK-2:: 这一题也是好的 {F}
                """.getBytes(StandardCharsets.UTF_8);
        upload("unclosed.gift", gift, "newSetTitle", "Unclosed Gift").then().statusCode(200)
                .body("counts.parsed", equalTo(2))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3))
                .body("questions.question.id", org.hamcrest.Matchers.contains("OK-1", "OK-2"));
        upload("unclosed.gift", gift, "newSetTitle", "Unclosed Gift", "mode", "commit").then().statusCode(422)
                .body("code", equalTo("IMPORT_FAILED"))
                .body("committed", equalTo(false))
                .body("file", equalTo("unclosed.gift"))
                .body("message", containsString("'unclosed.gift' has 1 error: line 3: answer the answer block opened"
                        + " with { is not closed with } before the blank line at line 6"))
                .body("errors[0].line", equalTo(3));
        admin().get("/api/question-sets/unclosed-gift").then().statusCode(404);
        admin().get("/api/questions/OK-1").then().statusCode(404);
        admin().get("/api/questions/OK-2").then().statusCode(404);
    }
}
