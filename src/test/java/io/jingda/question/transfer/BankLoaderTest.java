package io.jingda.question.transfer;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionService;
import io.jingda.question.QuestionSetDto;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BankLoaderTest {
    @Inject
    BankLoader loader;
    @Inject
    QuestionService service;

    private static final String HEADER = """
            set:
              id: %s
              title: 加载测试
              description: 测试。 / Test.
              language: zh-CN
              tags: [测试]
            questions:
            """;

    private static String q(String id, String stem, int answer) {
        return """
                  - id: %s
                    type: numeric
                    stem: %s
                    answer: %d
                    source: {report: 003_3ffef64d0b6c4b29.txt, excerpt: "20个巡回指导组"}
                    tags: [吉林, 数字]
                    difficulty: 2
                """.formatted(id, stem, answer);
    }

    private static void write(Path file, String content) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static LoadReport.FileResult result(LoadReport r, String file) {
        return r.results().stream().filter(x -> x.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void loadIsIdempotentAndAChangedFileUpdatesItsSetById(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ld-a.yaml");
        write(file, HEADER.formatted("t-ld-a") + q("t-ld-a-1", "吉林派出多少个巡回指导组？", 20) + q("t-ld-a-2", "第二题？", 2));
        assertThat(result(loader.load(dir), "ld-a.yaml").status()).isEqualTo(LoadReport.Status.LOADED);
        assertThat(result(loader.load(dir), "ld-a.yaml").status()).isEqualTo(LoadReport.Status.UNCHANGED);
        assertThat(service.getSet("t-ld-a").orElseThrow().questionCount()).isEqualTo(2);

        // a question added through the API to the file's set is never touched by the loader
        service.create(new QuestionDto("t-ld-a-api", "t-ld-a", "true_false", "API 题", null,
                com.fasterxml.jackson.databind.node.BooleanNode.TRUE, null, null, null, null, null, null, null));

        write(file, HEADER.formatted("t-ld-a") + q("t-ld-a-1", "吉林省派出了多少个巡回指导组？", 20) + q("t-ld-a-3", "第三题？", 3));
        LoadReport.FileResult r = result(loader.load(dir), "ld-a.yaml");
        assertThat(r.status()).isEqualTo(LoadReport.Status.UPDATED);
        assertThat(r.questions()).isEqualTo(2);
        assertThat(service.get("t-ld-a-1").orElseThrow().stem()).isEqualTo("吉林省派出了多少个巡回指导组？");
        assertThat(service.get("t-ld-a-2")).isEmpty();
        assertThat(service.get("t-ld-a-3")).isPresent();
        assertThat(service.get("t-ld-a-api")).isPresent();
        assertThat(service.getSet("t-ld-a").orElseThrow().questionCount()).isEqualTo(3);
        assertThat(result(loader.load(dir), "ld-a.yaml").status()).isEqualTo(LoadReport.Status.UNCHANGED);
    }

    @Test
    void aBrokenFileIsReportedWithFileQuestionAndFieldAndTheOthersLoad(@TempDir Path dir) throws Exception {
        write(dir.resolve("ld-ok.yaml"), HEADER.formatted("t-ld-ok") + q("t-ld-ok-1", "好题？", 1));
        write(dir.resolve("ld-bad.yaml"), HEADER.formatted("t-ld-bad") + """
                  - id: t-ld-bad-1
                    type: single
                    stem: 坏题？
                    options: [甲, 乙]
                    answer: 丙
                """ + q("t-ld-bad-2", "好的那题？", 1));
        write(dir.resolve("ld-syntax.json"), "{\"set\": {\"id\": \"x\"");
        write(dir.resolve("ld-unknown.yaml"), HEADER.formatted("t-ld-unk") + q("t-ld-unk-1", "x", 1).replace("difficulty: 2", "dificulty: 2"));
        write(dir.resolve("notes.md"), "not a question format: ignored");
        LoadReport report = loader.load(dir);
        assertThat(report.files()).isEqualTo(4);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(result(report, "ld-ok.yaml").status()).isEqualTo(LoadReport.Status.LOADED);

        LoadReport.FileResult bad = result(report, "ld-bad.yaml");
        assertThat(bad.status()).isEqualTo(LoadReport.Status.FAILED);
        assertThat(bad.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("ld-bad.yaml");
            assertThat(p.questionId()).isEqualTo("t-ld-bad-1");
            assertThat(p.field()).isEqualTo("questions[0].answer");
            assertThat(p.message()).contains("丙");
        });
        // all or nothing: the good question of the broken file is not loaded either
        assertThat(service.get("t-ld-bad-2")).isEmpty();
        assertThat(result(report, "ld-syntax.json").errors().get(0).line()).isEqualTo(1);
        assertThat(result(report, "ld-unknown.yaml").errors().get(0).message()).contains("dificulty");
        assertThat(loader.lastReport()).isSameAs(report);
    }

    @Test
    void neverTouchesASetCreatedThroughTheApi(@TempDir Path dir) throws Exception {
        service.createSet(new QuestionSetDto("t-ld-api-set", "API 题集", null, null, List.of(), null));
        write(dir.resolve("ld-clash.yaml"), HEADER.formatted("t-ld-api-set") + q("t-ld-clash-1", "x？", 1));
        LoadReport.FileResult r = result(loader.load(dir), "ld-clash.yaml");
        assertThat(r.status()).isEqualTo(LoadReport.Status.FAILED);
        assertThat(r.errors().get(0).field()).isEqualTo("set.id");
        assertThat(service.getSet("t-ld-api-set").orElseThrow().title()).isEqualTo("API 题集");
        assertThat(service.get("t-ld-clash-1")).isEmpty();
    }
}
