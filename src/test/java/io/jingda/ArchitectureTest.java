package io.jingda;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package map of docs/architecture.md, checked on the compiled main classes: packages import
 * only downward, so no two packages import each other (at the top level, and between any two
 * packages); the pure layers stay pure; and a class over about 400 lines says why in a comment.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jingda");
    static final int MAX_LINES = 400;
    /** How a long class says why it is long: a comment with one of these words. */
    static final Pattern WHY_LONG = Pattern.compile("longer than|earns its size|why one long class|why it is long",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTwoTopLevelPackagesImportEachOther() {
        slices().matching("io.jingda.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("io.jingda.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void contestDefinitionsDoNotKnowTheEngine() {
        noClasses().that().resideInAPackage("io.jingda.contest..")
                .should().dependOnClassesThat().resideInAPackage("io.jingda.live..").check(MAIN);
    }

    @Test
    void theProtocolKnowsNothingOfTheEngineOrTheSockets() {
        noClasses().that().resideInAPackage("io.jingda.live.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jingda.live", "io.jingda.live.socket..",
                        "io.jingda.live.rest..").check(MAIN);
    }

    @Test
    void scoringIsPureJava() {
        noClasses().that().resideInAPackage("io.jingda.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "jakarta.enterprise..", "io.vertx..", "io.jingda.question..", "io.jingda.contest..",
                        "io.jingda.live..", "io.jingda.web..")
                .check(MAIN);
    }

    @Test
    void aClassOverAbout400LinesSaysWhy() throws IOException {
        List<String> unexplained = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                if (lines.size() > MAX_LINES && !WHY_LONG.matcher(String.join("\n", lines)).find()) {
                    unexplained.add(f + " (" + lines.size() + " lines)");
                }
            }
        }
        assertThat(unexplained).as("classes over %d lines without a comment that says why (%s)", MAX_LINES,
                WHY_LONG.pattern().toLowerCase(Locale.ROOT)).isEmpty();
    }
}
