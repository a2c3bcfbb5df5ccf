package io.jingda.question.transfer;

import io.jingda.question.QuestionService;
import io.jingda.question.format.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The questions/ loader reads every import format by extension, idempotently. */
@QuarkusTest
class BankLoaderFormatsTest {
    @Inject
    BankLoader loader;
    @Inject
    QuestionService service;

    @Test
    void loadsEveryFormatByExtensionAndIsIdempotent() throws Exception {
        Path dir = Files.createTempDirectory("questions");
        Files.write(dir.resolve("loader-gift.gift"), Fixtures.bytes("gift/moodle-teacher.gift"));
        Files.write(dir.resolve("loader-csv.csv"), Fixtures.bytes("csv/excel-gbk-semicolon.csv"));
        Files.write(dir.resolve("loader-kahoot.xlsx"), Fixtures.bytes("xlsx/jingda-excel.xlsx"));
        Files.write(dir.resolve("loader-moodle.xml"), Fixtures.bytes("moodle/moodle-export.xml"));
        Files.write(dir.resolve("loader-aiken.txt"), "Q?\nA. x\nB. y\nANSWER: B\n".getBytes());
        Files.write(dir.resolve("notes.md"), "not a question file".getBytes());

        LoadReport first = loader.load(dir);
        Map<String, LoadReport.FileResult> byFile = first.results().stream()
                .collect(Collectors.toMap(LoadReport.FileResult::file, r -> r));
        assertEquals(5, first.files(), first.toString());
        assertEquals(LoadReport.Status.LOADED, byFile.get("loader-gift.gift").status(), byFile.toString());
        assertEquals(10, byFile.get("loader-gift.gift").questions());
        assertEquals(LoadReport.Status.LOADED, byFile.get("loader-csv.csv").status());
        assertEquals(LoadReport.Status.LOADED, byFile.get("loader-moodle.xml").status());
        assertEquals(LoadReport.Status.LOADED, byFile.get("loader-aiken.txt").status());
        // the workbook has a row with a bad difficulty: the file fails as a whole, with sheet and row
        assertEquals(LoadReport.Status.FAILED, byFile.get("loader-kahoot.xlsx").status());
        assertEquals("语文常识", service.getSet("loader-gift").orElseThrow().title());
        assertEquals(10L, service.getSet("loader-gift").orElseThrow().questionCount());
        assertEquals("鲁迅的原名是？", service.get("loader-gift-Q1").orElseThrow().stem(), "titles are namespaced by set");
        assertEquals("Moodle costs _____ to download.", service.get("loader-gift-009").orElseThrow().stem(),
                "untitled questions get their position");

        LoadReport second = loader.load(dir);
        second.results().stream().filter(r -> !r.file().endsWith(".xlsx"))
                .forEach(r -> assertEquals(LoadReport.Status.UNCHANGED, r.status(), r.file()));
        assertEquals(10L, service.getSet("loader-gift").orElseThrow().questionCount());
        // leave the load report of the real questions/ directory for other tests
        loader.load(Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("jingda.questions.dir", String.class).orElse("questions")));
    }
}
